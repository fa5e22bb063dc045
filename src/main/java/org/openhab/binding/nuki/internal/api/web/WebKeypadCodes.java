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
package org.openhab.binding.nuki.internal.api.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;

/**
 * A lock's keypad codes through the Nuki Web account. A change is checked first (the code's own rules before any
 * request; then, against the lock's list, that its name and code are new), then sent; the cloud queues it, so the
 * follow-up re-reads the list a bounded number of times (at {@link #confirmAfter}) until the lock has the change
 * asked for. An entry whose earlier change is still on its way (its {@code operationId} is set) is not changed again
 * until that change arrived: the next change waits for it (re-reading at the same times), or is refused in words when
 * it does not arrive in time. Every request goes through the account's guard, so none leaves while the cloud asked to
 * wait, and its failures reach the account's status.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class WebKeypadCodes implements KeypadCodes {

    /** When the follow-up looks for a change on the lock, counted from the write; then it gives up. */
    public static final List<Duration> DEFAULT_CONFIRM_AFTER = List.of(Duration.ofSeconds(3), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(90));
    /** The token scope every request here needs. */
    static final String SCOPE = "smartlock.auth";
    /** The longest a change waits for an earlier change of the same entry to arrive. */
    private static final Duration MAX_WAIT_FOR_PENDING = Duration.ofSeconds(30);

    private final WebApiClient client;
    private final long smartlockId;
    private final ScheduledExecutorService scheduler;
    private final List<Duration> confirmAfter;
    private final WebRequestGuard guard;

    public WebKeypadCodes(WebApiClient client, long smartlockId, ScheduledExecutorService scheduler,
            List<Duration> confirmAfter, WebRequestGuard guard) {
        this.client = client;
        this.smartlockId = smartlockId;
        this.scheduler = scheduler;
        this.confirmAfter = List.copyOf(confirmAfter);
        this.guard = guard;
    }

    /** Without an account: every request is sent at once. */
    public WebKeypadCodes(WebApiClient client, long smartlockId, ScheduledExecutorService scheduler,
            List<Duration> confirmAfter) {
        this(client, smartlockId, scheduler, confirmAfter, WebRequestGuard.direct());
    }

    @Override
    public CompletableFuture<List<KeypadCode>> list() {
        return codes().thenApply(entries -> entries.stream().map(WebKeypadCodes::listed).toList());
    }

    @Override
    public CompletableFuture<KeypadWrite> add(KeypadCodeRequest request) {
        String name = request.name().trim();
        KeypadCodeRules.Problem problem = KeypadCodeRules.check(name, request.code(), List.of(), List.of());
        if (problem == null) {
            problem = KeypadCodeRules.checkValidity(request);
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(KeypadWrite.refused(problem.message));
        }
        return codes().thenCompose(entries -> {
            List<String> names = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (WebAuthorizationDto entry : entries) {
                names.add(nameOf(entry));
                Integer code = entry.code;
                if (code != null) {
                    codes.add(String.valueOf(code));
                }
            }
            KeypadCodeRules.Problem onTheLock = KeypadCodeRules.check(name, request.code(), names, codes);
            if (onTheLock != null) {
                return CompletableFuture.completedFuture(KeypadWrite.refused(onTheLock.message));
            }
            return answer(guard.send(SCOPE, () -> client.addKeypadCode(smartlockId, request)),
                    "keypad code '" + name + "' added", list -> {
                        WebAuthorizationDto added = find(list, name);
                        return added != null && !added.pending();
                    });
        }).exceptionally(WebKeypadCodes::failed);
    }

    @Override
    public CompletableFuture<KeypadWrite> setEnabled(String name, boolean enabled) {
        return settled(name).thenCompose(entries -> {
            WebAuthorizationDto entry = find(entries, name);
            if (entry == null) {
                return CompletableFuture.completedFuture(noSuchCode(name));
            }
            if (entry.pending()) {
                return CompletableFuture.completedFuture(stillPending(entry));
            }
            String done = "keypad code '" + entry.name + "' " + (enabled ? "switched on" : "switched off");
            if (entry.enabled == enabled) {
                return CompletableFuture.completedFuture(
                        KeypadWrite.accepted(done + " already", CompletableFuture.completedFuture(true)));
            }
            return answer(guard.send(SCOPE, () -> client.setEnabled(smartlockId, entry, enabled)), done, list -> {
                WebAuthorizationDto now = find(list, name);
                return now != null && !now.pending() && now.enabled == enabled;
            });
        }).exceptionally(WebKeypadCodes::failed);
    }

    @Override
    public CompletableFuture<KeypadWrite> remove(String name) {
        return settled(name).thenCompose(entries -> {
            WebAuthorizationDto entry = find(entries, name);
            String id = entry == null ? null : entry.id;
            if (entry == null || id == null) {
                return CompletableFuture.completedFuture(noSuchCode(name));
            }
            if (entry.pending()) {
                return CompletableFuture.completedFuture(stillPending(entry));
            }
            return answer(guard.send(SCOPE, () -> client.remove(smartlockId, id)),
                    "keypad code '" + entry.name + "' removed", list -> find(list, name) == null);
        }).exceptionally(WebKeypadCodes::failed);
    }

    private CompletableFuture<List<WebAuthorizationDto>> codes() {
        return guard.send(SCOPE, () -> client.authorizations(smartlockId)).thenApply(entries -> entries.stream()
                .filter(entry -> entry.type == WebAuthorizationDto.TYPE_KEYPAD_CODE).toList());
    }

    /**
     * The lock's codes once the named one has no change on its way: re-read at the follow-up's times, at most
     * {@link #MAX_WAIT_FOR_PENDING}; then the list as it is (the caller refuses when the entry is still pending).
     */
    private CompletableFuture<List<WebAuthorizationDto>> settled(String name) {
        CompletableFuture<List<WebAuthorizationDto>> result = new CompletableFuture<>();
        settled(name, result, 0, Instant.now());
        return result;
    }

    private void settled(String name, CompletableFuture<List<WebAuthorizationDto>> result, int attempt, Instant since) {
        codes().whenComplete((entries, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            WebAuthorizationDto entry = find(entries, name);
            Duration next = attempt < confirmAfter.size() ? confirmAfter.get(attempt) : null;
            if (entry == null || !entry.pending() || next == null || next.compareTo(MAX_WAIT_FOR_PENDING) > 0) {
                result.complete(entries);
                return;
            }
            long wait = Math.max(0, Duration.between(Instant.now(), since.plus(next)).toMillis());
            scheduler.schedule(() -> settled(name, result, attempt + 1, since), wait, TimeUnit.MILLISECONDS);
        });
    }

    private static KeypadWrite stillPending(WebAuthorizationDto entry) {
        return KeypadWrite.refused("An earlier change of keypad code '" + entry.name
                + "' is still on its way to the lock (is the lock online?); try again once it arrived.");
    }

    /** An accepted write, with the follow-up that looks for it on the lock. */
    private CompletableFuture<KeypadWrite> answer(CompletableFuture<?> write, String done,
            Predicate<List<WebAuthorizationDto>> arrived) {
        return write.thenApply(ignored -> {
            CompletableFuture<Boolean> onTheLock = new CompletableFuture<>();
            Instant writtenAt = Instant.now();
            confirm(arrived, onTheLock, 0, writtenAt);
            return KeypadWrite.accepted("Nuki Web accepted the change (" + done
                    + "); it reaches the lock within seconds while the lock is online", onTheLock);
        });
    }

    /**
     * One re-read of the follow-up. A re-read the guard held back (the cloud asked to wait) is not counted: it is
     * asked again once the wait is over, as long as that is within twice the follow-up's last time.
     */
    private void confirm(Predicate<List<WebAuthorizationDto>> arrived, CompletableFuture<Boolean> onTheLock,
            int attempt, Instant writtenAt) {
        if (attempt >= confirmAfter.size()) {
            onTheLock.complete(false);
            return;
        }
        Duration due = confirmAfter.get(attempt);
        long wait = Math.max(0, Duration.between(Instant.now(), writtenAt.plus(due)).toMillis());
        scheduler.schedule(() -> check(arrived, onTheLock, attempt, writtenAt), wait, TimeUnit.MILLISECONDS);
    }

    private void check(Predicate<List<WebAuthorizationDto>> arrived, CompletableFuture<Boolean> onTheLock, int attempt,
            Instant writtenAt) {
        codes().whenComplete((list, error) -> {
            if (error == null && arrived.test(list)) {
                onTheLock.complete(true);
                return;
            }
            WebApiException failure = WebApiException.unwrap(error);
            Duration held = failure != null && failure.failure() == WebApiFailure.THROTTLED ? failure.retryAfter()
                    : null;
            Instant deadline = writtenAt.plus(confirmAfter.get(confirmAfter.size() - 1).multipliedBy(2));
            if (held != null && Instant.now().plus(held).isBefore(deadline)) {
                scheduler.schedule(() -> check(arrived, onTheLock, attempt, writtenAt), held.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                confirm(arrived, onTheLock, attempt + 1, writtenAt);
            }
        });
    }

    private static @Nullable WebAuthorizationDto find(List<WebAuthorizationDto> entries, String name) {
        String wanted = name.trim();
        for (WebAuthorizationDto entry : entries) {
            if (wanted.equalsIgnoreCase(nameOf(entry).trim())) {
                return entry;
            }
        }
        return null;
    }

    private static KeypadWrite noSuchCode(String name) {
        return KeypadWrite.refused("This lock has no keypad code named '" + name.trim() + "'.");
    }

    /** A failure of the cloud, in its words (which never contain the token or a code). */
    private static KeypadWrite failed(Throwable error) {
        WebApiException failure = WebApiException.unwrap(error);
        if (failure == null) {
            return KeypadWrite.refused("Nuki Web could not be asked: " + error.getClass().getSimpleName());
        }
        String message = failure.getMessage();
        return KeypadWrite.refused(message == null ? "Nuki Web failed" : message);
    }

    private static String nameOf(WebAuthorizationDto entry) {
        String name = entry.name;
        return name == null ? "" : name;
    }

    private static KeypadCode listed(WebAuthorizationDto entry) {
        return new KeypadCode(nameOf(entry), entry.enabled, instant(entry.allowedFromDate),
                instant(entry.allowedUntilDate), entry.allowedWeekDays,
                time(entry.allowedFromTime, entry.allowedUntilTime),
                time(entry.allowedUntilTime, entry.allowedFromTime), instant(entry.lastActiveDate));
    }

    private static @Nullable Instant instant(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A daily window's end, in minutes since midnight; none when both ends are 0 or missing. */
    private static @Nullable LocalTime time(@Nullable Integer minutes, @Nullable Integer other) {
        if (minutes == null || (minutes == 0 && (other == null || other == 0))) {
            return null;
        }
        return LocalTime.of((minutes / 60) % 24, minutes % 60);
    }
}
