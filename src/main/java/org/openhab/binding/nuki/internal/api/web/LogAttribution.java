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
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Who moved a lock that reports no one (a Nuki Bridge's callback has no trigger): the newest entry of the account's
 * activity log for the same action, dated near the change and newer than every entry used for an earlier change. One
 * log request per change; a change the log does not show (yet) names nobody rather than a wrong one.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class LogAttribution {

    /** How far a log entry's date may lie from the moment the change was reported (clocks, the cloud's delay). */
    public static final Duration TOLERANCE = Duration.ofMinutes(2);
    /** How many entries one request reads: the change is among the newest. */
    static final int ENTRIES = 10;
    private static final int REMEMBERED = 50;

    private final BiFunction<Long, Integer, CompletableFuture<List<WebLogEntryDto>>> fetch;
    /** Per device, the log entries that named a change already (newest last). */
    private final Map<Long, Deque<String>> used = new ConcurrentHashMap<>();

    /** @param fetch reads a device's newest log entries ({@link WebApiClient#log}) */
    public LogAttribution(BiFunction<Long, Integer, CompletableFuture<List<WebLogEntryDto>>> fetch) {
        this.fetch = fetch;
    }

    /**
     * The name behind a change.
     *
     * @param smartlockId the device's Web id
     * @param actions the log's action codes that end in the reported state (unlocked: unlock or unlatch, ...)
     * @param changedAt when the change was reported
     * @return the name, or empty when the log names nobody for it (or cannot be read)
     */
    public CompletableFuture<Optional<String>> nameFor(long smartlockId, Set<Integer> actions, Instant changedAt) {
        return fetch.apply(smartlockId, ENTRIES).handle((entries, error) -> {
            if (error != null) {
                return Optional.<String> empty();
            }
            Deque<String> seen = Objects.requireNonNull(used.computeIfAbsent(smartlockId, id -> new ArrayDeque<>()));
            synchronized (seen) {
                for (WebLogEntryDto entry : entries) {
                    String id = entry.id;
                    if (id != null && seen.contains(id)) {
                        // this entry named an earlier change, and the ones below it are older still: this change
                        // is not in the log (yet), and an entry an earlier, failed read left behind is not its
                        return Optional.<String> empty();
                    }
                    Instant date = date(entry.date);
                    if (id == null || date == null || !actions.contains(entry.action) || entry.state != 0
                            || Duration.between(date, changedAt).abs().compareTo(TOLERANCE) > 0) {
                        continue;
                    }
                    seen.addLast(id);
                    while (seen.size() > REMEMBERED) {
                        seen.removeFirst();
                    }
                    String name = entry.name;
                    String authId = entry.authId;
                    return authId == null || authId.isBlank() || name == null || name.isBlank()
                            ? Optional.<String> empty()
                            : Optional.of(name);
                }
                return Optional.<String> empty();
            }
        });
    }

    private static @Nullable Instant date(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
