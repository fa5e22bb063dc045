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
package org.openhab.binding.nuki.internal.handler;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;

/**
 * Turns what a rule or the console gives for a new keypad code (texts, dates) into a {@link KeypadCodeRequest}, and a
 * code's weekdays and times back into text. A refusal says what is wrong with the input, never the code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class KeypadRequests {

    private KeypadRequests() {
    }

    /**
     * A request from a rule's or the console's values.
     *
     * @param weekdays days the code works on, as "MON,TUE" (English names or their first three letters); empty or
     *            null: every day
     * @param dailyFrom start of a daily window as "08:00", or null
     * @param dailyUntil end of the daily window, or null
     * @throws IllegalArgumentException saying which value is wrong
     */
    public static KeypadCodeRequest request(@Nullable String name, @Nullable String code,
            @Nullable ZonedDateTime validFrom, @Nullable ZonedDateTime validUntil, @Nullable String weekdays,
            @Nullable String dailyFrom, @Nullable String dailyUntil) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(KeypadCodeRules.Problem.NO_NAME.message);
        }
        if (code == null) {
            throw new IllegalArgumentException(KeypadCodeRules.Problem.NOT_SIX_DIGITS.message);
        }
        Set<DayOfWeek> days = weekdays == null || weekdays.isBlank() ? null : days(weekdays);
        return new KeypadCodeRequest(name.trim(), code.trim(), validFrom == null ? null : validFrom.toInstant(),
                validUntil == null ? null : validUntil.toInstant(),
                days == null ? null : KeypadCodeRules.weekdayMask(days), time(dailyFrom, "daily start"),
                time(dailyUntil, "daily end"));
    }

    /** A point in time as the console takes it: "2026-12-24T15:00" (openHAB's time zone) or with an offset. */
    public static ZonedDateTime dateTime(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toZonedDateTime();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "\"" + text + "\" is no date and time; write it as 2026-12-24T15:00 or 2026-12-24T15:00+01:00");
            }
        }
    }

    /** The days of a weekday mask as "MON,TUE", or null for every day. */
    public static @Nullable String weekdays(@Nullable Integer mask) {
        if (mask == null || (mask & 127) == 127 || (mask & 127) == 0) {
            return null;
        }
        StringJoiner joiner = new StringJoiner(",");
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & KeypadCodeRules.weekdayMask(Set.of(day))) != 0) {
                joiner.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT));
            }
        }
        return joiner.toString();
    }

    /** An instant as a date and time in a zone, or null. */
    public static @Nullable ZonedDateTime at(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone);
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split("[,\\s]+")) {
            String word = part.trim().toUpperCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            DayOfWeek found = null;
            for (DayOfWeek day : DayOfWeek.values()) {
                if (word.length() >= 2 && day.name().startsWith(word)) {
                    found = day;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(
                        "\"" + part.trim() + "\" is no weekday; write the days as MON,TUE,WED,THU,FRI,SAT,SUN");
            }
            days.add(found);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException(KeypadCodeRules.Problem.NO_WEEKDAY.message);
        }
        return days;
    }

    private static @Nullable LocalTime time(@Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "\"" + text.trim() + "\" is no time of day for the " + what + "; write it as 08:00");
        }
    }
}
