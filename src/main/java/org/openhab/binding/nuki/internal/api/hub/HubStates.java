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

import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Nuki Hub's state words as the binding's state codes (the ones the Nuki Bridge and Nuki's MQTT API report): the
 * lock's {@code state}, the opener's {@code state} and the {@code doorSensorState}. A word the hub does not document
 * (a newer firmware) is -1, never a guess.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubStates {

    /** Unknown word. */
    public static final int UNKNOWN = -1;

    private static final Map<String, Integer> LOCK = Map.ofEntries(Map.entry("uncalibrated", 0), Map.entry("locked", 1),
            Map.entry("unlocking", 2), Map.entry("unlocked", 3), Map.entry("locking", 4), Map.entry("unlatched", 5),
            Map.entry("unlockedlnga", 6), Map.entry("unlatching", 7), Map.entry("calibration", 252),
            Map.entry("bootrun", 253), Map.entry("motorblocked", 254), Map.entry("undefined", 255));
    /** The opener's "locked" is ring to open off: the bridge's "online". */
    private static final Map<String, Integer> OPENER = Map.of("uncalibrated", 0, "locked", 1, "rtoactive", 3, "open", 5,
            "opening", 7, "bootrun", 253, "undefined", 255);
    private static final Map<String, Integer> DOOR = Map.of("unavailable", 0, "deactivated", 1, "doorclosed", 2,
            "dooropened", 3, "doorstateunknown", 4, "calibrating", 5, "uncalibrated", 16, "tampered", 240, "unknown",
            255, "undefined", 255);

    /** {@code lastLockAction} words as the {@code last-action} channel's values. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("unlock", "UNLOCK"),
            Map.entry("lock", "LOCK"), Map.entry("unlatch", "UNLATCH"), Map.entry("lockngo", "LOCK_N_GO"),
            Map.entry("lockngounlatch", "LOCK_N_GO_UNLATCH"), Map.entry("fulllock", "FULL_LOCK"),
            Map.entry("fobaction1", "FOB_ACTION_1"), Map.entry("fobaction2", "FOB_ACTION_2"),
            Map.entry("fobaction3", "FOB_ACTION_3"),
            // a press on a fob or the button with no action assigned: as Nuki's MQTT API names it (lockActionEvent)
            Map.entry("fobnoaction", "FOB"), Map.entry("buttonnoaction", "BUTTON"),
            Map.entry("activaterto", "ACTIVATE_RING_TO_OPEN"), Map.entry("deactivaterto", "DEACTIVATE_RING_TO_OPEN"),
            Map.entry("electricstrikeactuation", "ELECTRIC_STRIKE_ACTUATION"),
            Map.entry("activatecm", "ACTIVATE_CONTINUOUS_MODE"),
            Map.entry("deactivatecm", "DEACTIVATE_CONTINUOUS_MODE"));
    /** {@code trigger} words as the {@code last-action-trigger} channel's values. */
    private static final Map<String, String> TRIGGERS = Map.of("system", "SYSTEM", "manual", "MANUAL", "button",
            "BUTTON", "automatic", "AUTOMATIC", "autolock", "AUTO_LOCK", "homekit", "HOMEKIT_MATTER", "mqtt", "MQTT");

    private HubStates() {
    }

    /** A lock's {@code state} word ({@code unlockedLnga}, ...) as its state code, or {@link #UNKNOWN}. */
    public static int lockState(String word) {
        return LOCK.getOrDefault(key(word), UNKNOWN);
    }

    /** An opener's {@code state} word ({@code RTOactive}, ...) as its state code, or {@link #UNKNOWN}. */
    public static int openerState(String word) {
        return OPENER.getOrDefault(key(word), UNKNOWN);
    }

    /** A {@code doorSensorState} word as the door sensor code, or {@link #UNKNOWN}. */
    public static int doorSensorState(String word) {
        return DOOR.getOrDefault(key(word), UNKNOWN);
    }

    /** A {@code lastLockAction} word as the {@code last-action} value, or null ({@code Unknown}, a new word). */
    public static @Nullable String actionName(String word) {
        return ACTIONS.get(key(word));
    }

    /** A {@code trigger} word as the {@code last-action-trigger} value, or null ({@code undefined}, a new word). */
    public static @Nullable String triggerName(String word) {
        return TRIGGERS.get(key(word));
    }

    /** Nuki Hub's booleans: {@code 1}/{@code 0}, also {@code "1"} inside JSON. */
    public static boolean flag(String word) {
        String value = word.trim();
        return "1".equals(value) || "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    private static String key(String word) {
        return word.trim().toLowerCase(Locale.ROOT);
    }
}
