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

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

/**
 * Keypad codes through Nuki Hub: the entries it publishes on {@code keypad/json} (read without the code, even when
 * the hub is set to publish codes), the commands it takes on {@code keypad/actionJson}, and its answers on
 * {@code keypad/commandResultJson} in a user's words. Dates are the lock's local time ({@code zone}).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubKeypad {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Gson GSON = new Gson();

    /** One entry of {@code keypad/json}; it has no field for a code, so a published code is never kept. */
    public static final class Entry {
        public int codeId;
        public int enabled;
        public @Nullable String name;
        public @Nullable String dateLastActive;
        public int timeLimited;
        public @Nullable String allowedFrom;
        public @Nullable String allowedUntil;
        public @Nullable List<String> allowedWeekdays;
        public @Nullable String allowedFromTime;
        public @Nullable String allowedUntilTime;
    }

    /** A command for {@code keypad/actionJson}; {@link #toString()} never shows the code. */
    public record Command(String action, String json, String name) {
        @Override
        public String toString() {
            return "keypad " + action + " of '" + name + "'";
        }
    }

    private HubKeypad() {
    }

    /** The entries of a {@code keypad/json} payload; none for the reset value or anything unreadable. */
    public static List<Entry> entries(String payload) {
        String text = payload.trim();
        if (!text.startsWith("[")) {
            return List.of();
        }
        try {
            List<Entry> entries = GSON.fromJson(text, new TypeToken<List<Entry>>() {
            }.getType());
            return entries == null ? List.of() : entries;
        } catch (JsonParseException e) {
            return List.of();
        }
    }

    /** An entry as a listing shows it. */
    public static KeypadCode listed(Entry entry, ZoneId zone) {
        String name = entry.name;
        boolean limited = entry.timeLimited == 1;
        List<String> days = entry.allowedWeekdays;
        Set<DayOfWeek> weekdays = days == null ? Set.of() : weekdays(days);
        return new KeypadCode(name == null ? "" : name, entry.enabled == 1,
                limited ? instant(entry.allowedFrom, zone) : null, limited ? instant(entry.allowedUntil, zone) : null,
                limited && !weekdays.isEmpty() && weekdays.size() < 7 ? KeypadCodeRules.weekdayMask(weekdays) : null,
                limited ? time(entry.allowedFromTime) : null, limited ? time(entry.allowedUntilTime) : null,
                instant(entry.dateLastActive, zone));
    }

    /** Adds a code (the rules are checked by the caller, {@link KeypadCodeRules}). */
    public static Command add(KeypadCodeRequest request, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "add");
        body.put("code", Integer.parseInt(request.code()));
        body.put("name", request.name().trim());
        Instant from = request.validFrom();
        Instant until = request.validUntil();
        Integer days = request.weekdays();
        LocalTime start = request.dailyFrom();
        LocalTime end = request.dailyUntil();
        boolean limited = from != null || until != null || days != null || (start != null && end != null);
        body.put("timeLimited", limited ? 1 : 0);
        if (from != null) {
            body.put("allowedFrom", DATE.format(from.atZone(zone)));
        }
        if (until != null) {
            body.put("allowedUntil", DATE.format(until.atZone(zone)));
        }
        if (days != null) {
            List<String> words = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if ((days & KeypadCodeRules.weekdayMask(Set.of(day))) != 0) {
                    words.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
                }
            }
            body.put("allowedWeekdays", words);
        }
        if (start != null && end != null) {
            body.put("allowedFromTime", TIME.format(start));
            body.put("allowedUntilTime", TIME.format(end));
        }
        return new Command("add", GSON.toJson(body), request.name().trim());
    }

    /** Switches a code on or off; the hub merges the update with the stored entry. */
    public static Command setEnabled(Entry entry, boolean enabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "update");
        body.put("codeId", entry.codeId);
        body.put("enabled", enabled ? 1 : 0);
        return new Command("update", GSON.toJson(body), String.valueOf(entry.name));
    }

    /** Removes a code. */
    public static Command delete(Entry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "delete");
        body.put("codeId", entry.codeId);
        return new Command("delete", GSON.toJson(body), String.valueOf(entry.name));
    }

    /**
     * The result word of a {@code keypad/commandResultJson} payload: a plain word, a JSON string, or a JSON object's
     * first text value (the format is not documented; each is read). Empty for the cleared topic.
     */
    public static String result(String payload) {
        String text = payload.trim();
        if (text.isEmpty()) {
            return "";
        }
        try {
            JsonElement element = JsonParser.parseString(text);
            if (element.isJsonPrimitive()) {
                return element.getAsString();
            }
            if (element.isJsonObject()) {
                for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
                    if (field.getValue().isJsonPrimitive()) {
                        return field.getValue().getAsString();
                    }
                }
            }
        } catch (JsonParseException | IllegalStateException e) {
            // a plain word
        }
        return text;
    }

    /** Whether a result word means the change was made. */
    public static boolean succeeded(String result) {
        return "success".equals(result);
    }

    /** A result word in a user's words. */
    public static String explain(String result) {
        return switch (result) {
            case "success" -> "Nuki Hub made the change on the lock";
            case "noValidPinSet" ->
                "Nuki Hub has no valid security PIN of the lock: enter it in Nuki Hub's credentials";
            case "keypadControlDisabled" -> "Nuki Hub does not allow keypad code changes: switch on keypad control "
                    + "(adding, changing and removing keypad codes) in Nuki Hub's access level settings";
            case "keypadNotAvailable", "keypadDisabled" ->
                "The lock has no keypad paired, or its keypad is switched off";
            case "configNotReady" -> "Nuki Hub has not read the lock's settings yet; try again in a minute";
            case "noExistingCodeIdSet", "failedToRetrieveExistingKeypadEntry" -> "Nuki Hub does not find this code";
            case "noValidCodeSet", "noCodeSet" -> "Nuki Hub refuses the code (6 digits 1 to 9)";
            case "noNameSet" -> "Nuki Hub needs a name for the code";
            case "invalidAllowedFrom", "invalidAllowedUntil", "invalidAllowedFromTime", "invalidAllowedUntilTime" ->
                "Nuki Hub refuses the code's validity";
            case "timeOut" -> "The lock did not answer Nuki Hub in time (out of Bluetooth range?)";
            case "notPaired" -> "Nuki Hub is not paired with the lock";
            case "failed", "error" -> "The lock refused the change (a code starting with 12, or the same as another?)";
            case "working" -> "Nuki Hub is still working on the change";
            default -> "Nuki Hub answered " + result;
        };
    }

    private static Set<DayOfWeek> weekdays(List<String> words) {
        Set<DayOfWeek> days = new java.util.HashSet<>();
        for (String word : words) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().substring(0, 3).equalsIgnoreCase(word.trim())) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    private static @Nullable Instant instant(@Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), DATE).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable LocalTime time(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim(), TIME);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
