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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;

/**
 * A lock's keypad codes through Nuki Hub, locally: the list from the retained {@code lock/keypad/json} (without
 * codes), changes on {@code lock/keypad/actionJson} one at a time, each answered by {@code keypad/commandResultJson}
 * (a result the hub gets from the lock over Bluetooth: a success means the lock has it). Every rule is checked
 * before anything is sent; the hub's refusals come back in words, its setting to switch on named.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubKeypadCodes implements KeypadCodes {

    /** Why nothing is listed: the hub publishes no keypad (switched off in Nuki Hub, or no PIN). */
    public static final String NOT_PUBLISHED = "Nuki Hub publishes no keypad codes: switch on the keypad in Nuki Hub's "
            + "settings and enter the lock's security PIN there";

    private final NukiMqttConnection connection;
    private final HubTopics topics;
    private final ZoneId zone;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private volatile @Nullable List<HubKeypad.Entry> entries;
    private final AtomicReference<@Nullable CompletableFuture<String>> pending = new AtomicReference<>();

    public HubKeypadCodes(NukiMqttConnection connection, HubTopics topics, ZoneId zone,
            ScheduledExecutorService scheduler, Duration timeout) {
        this.connection = connection;
        this.topics = topics;
        this.zone = zone;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** Subscribes to the list and the results; completes when the broker took both subscriptions. */
    public CompletableFuture<Boolean> start() {
        CompletableFuture<Boolean> list = connection.subscribe(topics.lock("keypad/json"),
                (topic, payload) -> onList(payload));
        CompletableFuture<Boolean> results = connection.subscribe(topics.lock("keypad/commandResultJson"),
                (topic, payload) -> onResult(payload));
        return list.thenCombine(results, Boolean::logicalAnd);
    }

    void onList(String payload) {
        String text = payload.trim();
        if (text.startsWith("[")) {
            entries = HubKeypad.entries(text);
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
        List<String> names = known.stream().map(entry -> entry.name == null ? "" : String.valueOf(entry.name)).toList();
        // the hub does not publish codes: a code another one has is refused by the lock
        KeypadCodeRules.Problem problem = KeypadCodeRules.check(request.name(), request.code(), names, List.of());
        if (problem == null) {
            problem = KeypadCodeRules.checkValidity(request);
        }
        if (problem != null) {
            return refused(problem.message);
        }
        return send(HubKeypad.add(request, zone), "added");
    }

    @Override
    public CompletableFuture<KeypadWrite> setEnabled(String name, boolean enabled) {
        HubKeypad.@Nullable Entry entry = find(name);
        if (entry == null) {
            return refused(notFound(name));
        }
        return send(HubKeypad.setEnabled(entry, enabled), enabled ? "switched on" : "switched off");
    }

    @Override
    public CompletableFuture<KeypadWrite> remove(String name) {
        HubKeypad.@Nullable Entry entry = find(name);
        if (entry == null) {
            return refused(notFound(name));
        }
        return send(HubKeypad.delete(entry), "removed");
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

    private CompletableFuture<KeypadWrite> send(HubKeypad.Command command, String done) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (!pending.compareAndSet(null, result)) {
            return refused("Another keypad change is under way; try again in a moment.");
        }
        scheduler.schedule(() -> result.complete("timeOut"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        connection.publish(topics.lock("keypad/actionJson"), command.json(), 1, false).whenComplete((taken, error) -> {
            if (error != null || !Boolean.TRUE.equals(taken)) {
                result.complete("notSent");
            }
        });
        return result.handle((word, error) -> {
            pending.compareAndSet(result, null);
            String outcome = error != null ? "error" : word;
            if (HubKeypad.succeeded(outcome)) {
                return KeypadWrite.accepted("keypad code '" + command.name() + "' " + done + " on the lock",
                        CompletableFuture.completedFuture(true));
            }
            return KeypadWrite.refused("notSent".equals(outcome) ? "The MQTT broker did not take the change."
                    : HubKeypad.explain(outcome) + ".");
        });
    }

    /** Why no entry has this name: the hub lists none, or none is named so. */
    private String notFound(String name) {
        return entries == null ? NOT_PUBLISHED : "The lock has no keypad code named '" + name.trim() + "'.";
    }

    private static CompletableFuture<KeypadWrite> refused(String message) {
        return CompletableFuture.completedFuture(KeypadWrite.refused(message));
    }
}
