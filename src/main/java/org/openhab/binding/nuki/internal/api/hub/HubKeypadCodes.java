/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.nuki.internal.api.hub;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;

/**
 * A device's keypad codes through Nuki Hub, locally: the list from the retained {@code <device>/keypad/json} (without
 * codes), changes on {@code <device>/keypad/actionJson} one at a time, each answered by
 * {@code keypad/commandResultJson} (a word the hub gets from the lock or opener over Bluetooth). The hub answers first
 * and publishes the new list about 5 s later: a change is done once the list shows it (bounded), so the next change
 * and every rule see it. Nothing at all answers while Nuki Hub's keypad control is off (the hub does not subscribe
 * then): silence names that setting, never Bluetooth. Nuki Hub drops every message in the seconds after it
 * (re)connected
 * to the broker: a change waits until its reconnect window is over, as actions do. Every rule is checked before
 * anything is sent; the hub's
 * refusals come back in words, its setting to switch on named.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubKeypadCodes implements KeypadCodes {

    /** Why nothing is listed: the hub publishes no keypad (switched off in Nuki Hub, or no PIN). */
    public static final String NOT_PUBLISHED = "Nuki Hub publishes no keypad codes: switch on \"Publish keypad\" in "
            + "Nuki Hub's MQTT settings and enter the device's security PIN in its credentials";
    /** Why a change went unanswered: keypad control is off, so the hub does not even take the command. */
    public static final String NO_KEYPAD_CONTROL = "Nuki Hub did not answer the keypad change: its keypad control is "
            + "off (Nuki Hub's first-start setting). Switch on keypad control (adding, changing and removing keypad "
            + "codes) in Nuki Hub's access level settings.";

    /**
     * How long Nuki Hub takes beyond a Bluetooth exchange: it waits 5 s before it merges an update, and publishes
     * the new list about 5 s after its answer.
     */
    static final Duration HUB_KEYPAD_WAIT = Duration.ofSeconds(5);

    private final NukiMqttConnection connection;
    private final HubTopics topics;
    private final boolean opener;
    private final ZoneId zone;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Duration window;
    private volatile long quietUntilNanos = System.nanoTime();
    private volatile @Nullable List<HubKeypad.Entry> entries;
    private final AtomicReference<@Nullable CompletableFuture<String>> pending = new AtomicReference<>();
    /** What the change under way waits for in the hub's next lists: true once a list shows it. */
    private final AtomicReference<@Nullable Listed> expected = new AtomicReference<>();
    /** The name of an add under way, which counts for the rules until the hub lists it. */
    private volatile @Nullable String adding;

    /** A change the hub's list is to show. */
    private record Listed(Predicate<List<HubKeypad.Entry>> shows, CompletableFuture<Boolean> seen) {
    }

    /** The lock's keypad codes, on a hub that is not just connecting. */
    public HubKeypadCodes(NukiMqttConnection connection, HubTopics topics, ZoneId zone,
            ScheduledExecutorService scheduler, Duration timeout) {
        this(connection, topics, false, zone, scheduler, timeout, Duration.ZERO);
    }

    /**
     * @param opener the opener's keypad codes ({@code opener/keypad/...}) instead of the lock's
     * @param timeout how long the hub has to answer a change, and then to list it
     * @param window how long after it connected the hub drops what it receives ({@link HubCommander#RECONNECT_WINDOW})
     */
    public HubKeypadCodes(NukiMqttConnection connection, HubTopics topics, boolean opener, ZoneId zone,
            ScheduledExecutorService scheduler, Duration timeout, Duration window) {
        this.connection = connection;
        this.topics = topics;
        this.opener = opener;
        this.zone = zone;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.window = window;
    }

    /** The hub said it is online: it may have just connected, and drops what it receives for the window from now. */
    public void hubOnline() {
        quietUntilNanos = System.nanoTime() + window.toNanos();
    }

    /** Subscribes to the list and the results; completes when the broker took both subscriptions. */
    public CompletableFuture<Boolean> start() {
        CompletableFuture<Boolean> list = connection.subscribe(topics.device(opener, "keypad/json"),
                (topic, payload) -> onList(payload));
        CompletableFuture<Boolean> results = connection.subscribe(topics.device(opener, "keypad/commandResultJson"),
                (topic, payload) -> onResult(payload));
        return list.thenCombine(results, Boolean::logicalAnd);
    }

    void onList(String payload) {
        String text = payload.trim();
        if (text.startsWith("[")) {
            List<HubKeypad.Entry> now = HubKeypad.entries(text);
            entries = now;
            Listed waiting = expected.get();
            if (waiting != null && waiting.shows().test(now)) {
                waiting.seen().complete(true);
            }
        }
    }

    void onResult(String payload) {
        String result = HubKeypad.result(payload);
        CompletableFuture<String> waiting = pending.get();
        if (!result.isEmpty() && !"working".equals(result) && waiting != null) {
            waiting.complete(result);
        }
    }

    @Override
    public CompletableFuture<List<KeypadCode>> list() {
        List<HubKeypad.Entry> known = entries;
        if (known == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(NOT_PUBLISHED));
        }
        return CompletableFuture.completedFuture(known.stream().map(entry -> HubKeypad.listed(entry, zone)).toList());
    }

    @Override
    public CompletableFuture<KeypadWrite> add(KeypadCodeRequest request) {
        List<HubKeypad.Entry> known = entries;
        if (known == null) {
            return refused(NOT_PUBLISHED);
        }
        List<String> names = new ArrayList<>();
        for (HubKeypad.Entry entry : known) {
            names.add(entry.name == null ? "" : String.valueOf(entry.name));
        }
        String underWay = adding;
        if (underWay != null) {
            names.add(underWay); // not listed yet, taken all the same
        }
        // the hub does not publish codes: a code another one has is refused by the lock
        KeypadCodeRules.Problem problem = KeypadCodeRules.check(request.name(), request.code(), names, List.of());
        if (problem == null) {
            problem = KeypadCodeRules.checkValidity(request);
        }
        if (problem != null) {
            return refused(problem.message);
        }
        HubKeypad.Command command = HubKeypad.add(request, zone);
        String name = command.name();
        return send(command, "added", list -> list.stream().anyMatch(entry -> sameName(entry, name)), name);
    }

    /** Whether an entry has this name, as the hub keeps it (at most 20 characters). */
    private static boolean sameName(HubKeypad.Entry entry, String name) {
        String kept = name.length() > 20 ? name.substring(0, 20) : name;
        return kept.equalsIgnoreCase(String.valueOf(entry.name).trim());
    }

    @Override
    public CompletableFuture<KeypadWrite> setEnabled(String name, boolean enabled) {
        HubKeypad.@Nullable Entry entry = find(name);
        if (entry == null) {
            return refused(notFound(name));
        }
        int codeId = entry.codeId;
        int wanted = enabled ? 1 : 0;
        return send(HubKeypad.setEnabled(entry, enabled), enabled ? "switched on" : "switched off",
                list -> list.stream().anyMatch(e -> e.codeId == codeId && e.enabled == wanted), null);
    }

    @Override
    public CompletableFuture<KeypadWrite> remove(String name) {
        HubKeypad.@Nullable Entry entry = find(name);
        if (entry == null) {
            return refused(notFound(name));
        }
        int codeId = entry.codeId;
        return send(HubKeypad.delete(entry), "removed", list -> list.stream().noneMatch(e -> e.codeId == codeId), null);
    }

    private HubKeypad.@Nullable Entry find(String name) {
        List<HubKeypad.Entry> known = entries;
        if (known == null) {
            return null;
        }
        String wanted = name.trim();
        return known.stream().filter(entry -> wanted.equalsIgnoreCase(String.valueOf(entry.name))).findFirst()
                .orElse(null);
    }

    /**
     * Sends one change and ends when the hub's list shows it (or the bound ran out): the next change finds it.
     *
     * @param shows what the hub's list shows once it has the change
     * @param addedName the name an add takes, counted by the rules until the list shows it
     */
    private CompletableFuture<KeypadWrite> send(HubKeypad.Command command, String done,
            Predicate<List<HubKeypad.Entry>> shows, @Nullable String addedName) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (!pending.compareAndSet(null, result)) {
            return refused("Another keypad change is under way; try again in a moment.");
        }
        adding = addedName;
        Listed listed = new Listed(shows, new CompletableFuture<>());
        expected.set(listed);
        long quiet = Math.max(0, TimeUnit.NANOSECONDS.toMillis(quietUntilNanos - System.nanoTime()));
        scheduler.schedule(() -> {
            // silence: with keypad control on, the hub always answers (a success or a failure word)
            Duration bound = "update".equals(command.action()) ? timeout.plus(HUB_KEYPAD_WAIT) : timeout;
            scheduler.schedule(() -> result.complete(""), bound.toMillis(), TimeUnit.MILLISECONDS);
            connection.publish(topics.device(opener, "keypad/actionJson"), command.json(), 1, false)
                    .whenComplete((taken, error) -> {
                        if (error != null || !Boolean.TRUE.equals(taken)) {
                            result.complete("notSent");
                        }
                    });
        }, quiet, TimeUnit.MILLISECONDS);
        return result.exceptionally(error -> "error").thenCompose(outcome -> {
            if (!HubKeypad.succeeded(outcome)) {
                release(result);
                return CompletableFuture.completedFuture(KeypadWrite.refused(refusal(outcome)));
            }
            // the hub publishes the new list about 5 s after its answer
            List<HubKeypad.Entry> now = entries;
            if (now != null && shows.test(now)) {
                listed.seen().complete(true);
            }
            scheduler.schedule(() -> listed.seen().complete(false), timeout.plus(HUB_KEYPAD_WAIT).toMillis(),
                    TimeUnit.MILLISECONDS);
            return listed.seen().thenApply(seen -> {
                release(result);
                return KeypadWrite.accepted(
                        "keypad code '" + command.name() + "' " + done + " on the " + (opener ? "opener" : "lock"),
                        CompletableFuture.completedFuture(true));
            });
        });
    }

    private void release(CompletableFuture<String> result) {
        expected.set(null);
        adding = null;
        pending.compareAndSet(result, null);
    }

    private static String refusal(String outcome) {
        return switch (outcome) {
            case "notSent" -> "The MQTT broker did not take the change.";
            case "" -> NO_KEYPAD_CONTROL;
            default -> HubKeypad.explain(outcome) + ".";
        };
    }

    /** Why no entry has this name: the hub lists none, or none is named so. */
    private String notFound(String name) {
        return entries == null ? NOT_PUBLISHED
                : "The " + (opener ? "opener" : "lock") + " has no keypad code named '" + name.trim() + "'.";
    }

    private static CompletableFuture<KeypadWrite> refused(String message) {
        return CompletableFuture.completedFuture(KeypadWrite.refused(message));
    }
}
