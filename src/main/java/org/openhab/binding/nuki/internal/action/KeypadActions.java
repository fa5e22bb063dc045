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
package org.openhab.binding.nuki.internal.action;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.internal.api.web.WebLogEntryDto;
import org.openhab.binding.nuki.internal.handler.DeviceKeypad;
import org.openhab.binding.nuki.internal.handler.KeypadRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keypad and log rule actions a smart lock and an opener share. A change answers {@code accepted} and a
 * {@code message} once its source took it (the {@code keypad-event} channel tells when it reached the lock); a
 * listing answers maps without any code. Nothing here moves the door.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class KeypadActions {

    static final String ACCEPTED = "accepted";
    static final String MESSAGE = "message";
    /** A listing's outputs: the entries (for script rules), how many, and all of it as readable text (UI rules). */
    static final String CODES = "codes";
    static final String ENTRIES = "entries";
    static final String COUNT = "count";
    static final String TEXT = "text";
    /** How long a rule waits for the source to take a change or answer a listing. */
    private static final long WAIT_SECONDS = 60;
    private static final String NO_HANDLER = "The thing has no handler (is it disabled?).";
    private static final String NO_NAME = "Which keypad code? Give its name.";
    private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private KeypadActions() {
    }

    static Map<String, Object> add(@Nullable DeviceKeypad keypad, @Nullable String name, @Nullable String code,
            @Nullable ZonedDateTime validFrom, @Nullable ZonedDateTime validUntil, @Nullable String weekdays,
            @Nullable String dailyFrom, @Nullable String dailyUntil) {
        if (keypad == null) {
            return answer(KeypadWrite.refused(NO_HANDLER));
        }
        KeypadCodeRequest request;
        try {
            request = KeypadRequests.request(name, code, validFrom, validUntil, weekdays, dailyFrom, dailyUntil);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            return answer(KeypadWrite.refused(reason == null ? "invalid keypad code" : reason));
        }
        return write(keypad.add(request));
    }

    static Map<String, Object> setEnabled(@Nullable DeviceKeypad keypad, @Nullable String name, boolean enabled) {
        if (keypad == null || name == null) {
            return answer(KeypadWrite.refused(keypad == null ? NO_HANDLER : NO_NAME));
        }
        return write(keypad.setEnabled(name, enabled));
    }

    static Map<String, Object> remove(@Nullable DeviceKeypad keypad, @Nullable String name) {
        if (keypad == null || name == null) {
            return answer(KeypadWrite.refused(keypad == null ? NO_HANDLER : NO_NAME));
        }
        return write(keypad.remove(name));
    }

    /**
     * The codes: {@code codes}, a list of maps (name, enabled, and where set validFrom, validUntil, weekdays,
     * dailyFrom, dailyUntil, lastUsed), {@code count} and {@code text}, one line per code. openHAB's rule engine hands
     * a UI rule only outputs of simple types, so the count and the text are what a UI rule uses; a script rule reads
     * the
     * list too.
     */
    static Map<String, Object> list(@Nullable DeviceKeypad keypad) {
        if (keypad == null) {
            logger().warn("Cannot list keypad codes: {}", NO_HANDLER);
            return listing(CODES, List.of(), NO_HANDLER);
        }
        ZoneId zone = ZoneId.systemDefault();
        return read(keypad.list(), "list keypad codes", CODES, codes -> {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (KeypadCode listed : codes) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", listed.name());
                entry.put("enabled", listed.enabled());
                putIfSet(entry, "validFrom", KeypadRequests.at(listed.validFrom(), zone));
                putIfSet(entry, "validUntil", KeypadRequests.at(listed.validUntil(), zone));
                putIfSet(entry, "weekdays", KeypadRequests.weekdays(listed.weekdays()));
                putIfSet(entry, "dailyFrom", listed.dailyFrom() == null ? null : String.valueOf(listed.dailyFrom()));
                putIfSet(entry, "dailyUntil", listed.dailyUntil() == null ? null : String.valueOf(listed.dailyUntil()));
                putIfSet(entry, "lastUsed", KeypadRequests.at(listed.lastUsed(), zone));
                entries.add(entry);
            }
            return entries;
        }, KeypadActions::codeLine);
    }

    /**
     * The newest log entries: {@code entries}, a list of maps (date, action, trigger, outcome, name where known),
     * newest first, {@code count} and {@code text}, one line per entry.
     */
    static Map<String, Object> log(@Nullable DeviceKeypad keypad, int limit) {
        if (keypad == null) {
            logger().warn("Cannot read the activity log: {}", NO_HANDLER);
            return listing(ENTRIES, List.of(), NO_HANDLER);
        }
        ZoneId zone = ZoneId.systemDefault();
        return read(keypad.log(Math.max(1, limit)), "read the activity log", ENTRIES, log -> {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (WebLogEntryDto logged : log) {
                Map<String, Object> entry = new LinkedHashMap<>();
                putIfSet(entry, "date", date(logged.date, zone));
                entry.put("action", logged.actionName());
                entry.put("trigger", logged.triggerName());
                entry.put("outcome", logged.outcomeName());
                putIfSet(entry, "name", logged.name);
                entries.add(entry);
            }
            return entries;
        }, KeypadActions::logLine);
    }

    /** {@code Cleaner: on, from 2026-12-06 10:00, until 2026-12-09 11:00, on MON,FRI, 08:00-12:30}. */
    private static String codeLine(Map<String, Object> code) {
        StringBuilder line = new StringBuilder().append(code.get("name")).append(": ")
                .append(Boolean.TRUE.equals(code.get("enabled")) ? "on" : "off");
        appendIfSet(line, ", from ", code.get("validFrom"));
        appendIfSet(line, ", until ", code.get("validUntil"));
        appendIfSet(line, ", on ", code.get("weekdays"));
        Object dailyFrom = code.get("dailyFrom");
        if (dailyFrom != null) {
            line.append(", ").append(dailyFrom).append('-').append(code.get("dailyUntil"));
        }
        appendIfSet(line, ", last used ", code.get("lastUsed"));
        return line.toString();
    }

    /** {@code 2026-12-06 10:12 UNLOCK by Anna (KEYPAD_CODE): INVALID_CODE}. */
    private static String logLine(Map<String, Object> entry) {
        StringBuilder line = new StringBuilder();
        appendIfSet(line, "", entry.get("date"));
        line.append(line.length() > 0 ? " " : "").append(entry.get("action"));
        appendIfSet(line, " by ", entry.get("name"));
        return line.append(" (").append(entry.get("trigger")).append("): ").append(entry.get("outcome")).toString();
    }

    private static void appendIfSet(StringBuilder line, String before, @Nullable Object value) {
        if (value != null && !String.valueOf(value).isEmpty()) {
            // a date as people read it, in openHAB's time zone
            line.append(before).append(value instanceof ZonedDateTime date ? TEXT_DATE.format(date) : value);
        }
    }

    private static Map<String, Object> listing(String key, List<Map<String, Object>> entries, String text) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(key, entries);
        outputs.put(COUNT, entries.size());
        outputs.put(TEXT, text);
        return outputs;
    }

    private static @Nullable ZonedDateTime date(@Nullable String text, ZoneId zone) {
        try {
            return text == null ? null : Instant.parse(text).atZone(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void putIfSet(Map<String, Object> entry, String key, @Nullable Object value) {
        if (value != null) {
            entry.put(key, value);
        }
    }

    private static Map<String, Object> write(CompletableFuture<KeypadWrite> change) {
        try {
            return answer(change.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer(KeypadWrite.refused("Interrupted while waiting for the answer."));
        } catch (TimeoutException e) {
            return answer(KeypadWrite.refused(
                    "No answer within " + WAIT_SECONDS + " s; look in the Nuki app whether the change was made."));
        } catch (ExecutionException e) {
            return answer(KeypadWrite.refused(reason(e)));
        }
    }

    /** Turns what a source answered into a rule's entries. */
    @FunctionalInterface
    private interface Entries<T> {
        List<Map<String, Object>> of(T answer);
    }

    /**
     * A listing's outputs; when the source fails, no entries and the reason as the text.
     *
     * @param key the entries' output
     * @param line one entry as a line of the text
     */
    private static <T> Map<String, Object> read(CompletableFuture<T> reading, String what, String key,
            Entries<T> entries, Function<Map<String, Object>, String> line) {
        String failure;
        try {
            List<Map<String, Object>> read = entries.of(reading.get(WAIT_SECONDS, TimeUnit.SECONDS));
            List<String> lines = new ArrayList<>();
            read.forEach(entry -> lines.add(line.apply(entry)));
            return listing(key, read, String.join("\n", lines));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (TimeoutException e) {
            failure = "no answer in time";
            logger().warn("Cannot {}: {}", what, failure);
        } catch (ExecutionException e) {
            failure = reason(e);
            logger().warn("Cannot {}: {}", what, failure);
        }
        return listing(key, List.of(), "Cannot " + what + ": " + failure);
    }

    /** The class's logger, looked up where it is used: these helpers are static, an SLF4J logger field is not. */
    private static Logger logger() {
        return LoggerFactory.getLogger(KeypadActions.class);
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause == null ? null : cause.getMessage();
        return message == null ? "the request failed" : message;
    }

    private static Map<String, Object> answer(KeypadWrite write) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(ACCEPTED, write.accepted());
        outputs.put(MESSAGE, write.message());
        return outputs;
    }
}
