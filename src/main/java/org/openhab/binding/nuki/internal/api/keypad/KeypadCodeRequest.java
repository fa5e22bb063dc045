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

import java.time.Instant;
import java.time.LocalTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A keypad code to add: its name, the code, and optionally when it is valid (dates, weekdays, a daily window).
 * {@link #toString()} never shows the code.
 *
 * @param weekdays the weekday mask ({@link KeypadCodeRules#weekdayMask}), or null for every day
 * @param dailyFrom start of the daily window, or null for none ({@code dailyUntil} then too)
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record KeypadCodeRequest(String name, String code, @Nullable Instant validFrom, @Nullable Instant validUntil,
        @Nullable Integer weekdays, @Nullable LocalTime dailyFrom, @Nullable LocalTime dailyUntil) {

    /** A code valid at all times. */
    public static KeypadCodeRequest always(String name, String code) {
        return new KeypadCodeRequest(name, code, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "keypad code '" + name + "'" + (validFrom != null ? " from " + validFrom : "")
                + (validUntil != null ? " until " + validUntil : "");
    }
}
