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
package org.openhab.binding.nuki.internal.api.keypad;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the keypad takes, checked before anything is sent: a code of six digits from 1 to 9 that does not start with
 * "12" and no other code of the lock has, and a name of at most 20 characters. A refusal says which rule was broken,
 * never the code itself.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class KeypadCodeRules {

    /** The longest name the Web API takes for a keypad code (other authorizations: 32). */
    public static final int MAX_NAME_LENGTH = 20;

    /** Why a keypad code or its name is refused; {@link #message} is safe to show and log. */
    public enum Problem {
        NOT_SIX_DIGITS("A keypad code has exactly 6 digits."),
        HAS_ZERO("A keypad code uses the digits 1 to 9 only (no 0)."),
        STARTS_WITH_12("A keypad code must not start with 12."),
        TAKEN("Another keypad code of this lock is the same; choose another."),
        NO_NAME("A keypad code needs a name."),
        NAME_TOO_LONG("A keypad code's name has at most 20 characters."),
        NAME_TAKEN("Another keypad code of this lock has this name."),
        ENDS_BEFORE_START("A keypad code's validity must end after it starts."),
        NO_WEEKDAY("A keypad code limited to weekdays needs at least one."),
        WINDOW_INCOMPLETE("A daily time window needs a start and an end."),
        WINDOW_REVERSED("A daily time window must end after it starts, on the same day.");

        public final String message;

        Problem(String message) {
            this.message = message;
        }
    }

    private KeypadCodeRules() {
    }

    /**
     * Checks a new code and its name against the lock's existing codes and names.
     *
     * @return the first rule broken, or null when the keypad takes them
     */
    public static @Nullable Problem check(String name, String code, Collection<String> existingNames,
            Collection<String> existingCodes) {
        Problem nameProblem = checkName(name, existingNames);
        return nameProblem != null ? nameProblem : checkCode(code, existingCodes);
    }

    /** Checks a code alone; null when the keypad takes it. */
    public static @Nullable Problem checkCode(String code, Collection<String> existingCodes) {
        if (code.length() != 6 || !code.chars().allMatch(Character::isDigit)) {
            return Problem.NOT_SIX_DIGITS;
        }
        if (code.indexOf('0') >= 0) {
            return Problem.HAS_ZERO;
        }
        if (code.startsWith("12")) {
            return Problem.STARTS_WITH_12;
        }
        return existingCodes.contains(code) ? Problem.TAKEN : null;
    }

    /** Checks a name alone; null when the keypad takes it. */
    public static @Nullable Problem checkName(String name, Collection<String> existingNames) {
        String trimmed = name.trim();
        if (trimmed.isEmpty()) {
            return Problem.NO_NAME;
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            return Problem.NAME_TOO_LONG;
        }
        return existingNames.stream().anyMatch(trimmed::equalsIgnoreCase) ? Problem.NAME_TAKEN : null;
    }

    /**
     * Checks when a new code is valid: a date range that ends after it starts, a weekday mask with at least one day,
     * a daily window with both ends, the end after the start.
     *
     * @return the first rule broken, or null when the keypad takes it
     */
    public static @Nullable Problem checkValidity(KeypadCodeRequest request) {
        Instant from = request.validFrom();
        Instant until = request.validUntil();
        if (from != null && until != null && !until.isAfter(from)) {
            return Problem.ENDS_BEFORE_START;
        }
        Integer days = request.weekdays();
        if (days != null && (days & 127) == 0) {
            return Problem.NO_WEEKDAY;
        }
        LocalTime start = request.dailyFrom();
        LocalTime end = request.dailyUntil();
        if ((start == null) != (end == null)) {
            return Problem.WINDOW_INCOMPLETE;
        }
        return start != null && end != null && !end.isAfter(start) ? Problem.WINDOW_REVERSED : null;
    }

    /** The Web API's weekday mask: Monday 64, Tuesday 32, ... Saturday 2, Sunday 1; every day is 127. */
    public static int weekdayMask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= 1 << (DayOfWeek.SUNDAY.getValue() - day.getValue());
        }
        return mask;
    }
}
