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
 * A keypad code as a lock's owner sees it in a listing: its name, whether it is on, when it is valid and when it was
 * last used. It holds no code: a listing never shows one.
 *
 * @param weekdays the weekday mask ({@link KeypadCodeRules#weekdayMask}), or null for every day
 * @param dailyFrom start of the daily window, or null for none
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record KeypadCode(String name, boolean enabled, @Nullable Instant validFrom, @Nullable Instant validUntil,
        @Nullable Integer weekdays, @Nullable LocalTime dailyFrom, @Nullable LocalTime dailyUntil,
        @Nullable Instant lastUsed) {
}
