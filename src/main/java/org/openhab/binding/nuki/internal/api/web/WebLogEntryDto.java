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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One entry of a device's activity log ({@code GET /smartlock/{id}/log}, newest first), with the name of the
 * authorization behind it already resolved by the cloud.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class WebLogEntryDto {

    /** {@link #source}: a keypad code. */
    public static final int SOURCE_KEYPAD_CODE = 1;
    /** {@link #source}: a fingerprint. */
    public static final int SOURCE_FINGERPRINT = 2;
    /** {@link #source}: tap to unlock (a phone held to the keypad). */
    public static final int SOURCE_TAP_TO_UNLOCK = 3;
    /** {@link #trigger}: the keypad reported an error (tap to unlock). */
    public static final int TRIGGER_KEYPAD_ERROR = 253;

    public @Nullable String id;
    public long smartlockId;
    public int deviceType;
    /** The authorization's Web id ({@link WebAuthorizationDto#id}), not the device-side authId. */
    public @Nullable String authId;
    public @Nullable String name;
    public int action;
    public int trigger;
    /** 0 success; otherwise why the action did not complete (motor blocked, wrong code, ...). */
    public int state;
    public boolean autoUnlock;
    /** ISO-8601 UTC. */
    public @Nullable String date;
    /** 0 default, 1 keypad code, 2 fingerprint, 3 tap to unlock. */
    public int source;

    /**
     * The action in words: UNLOCK, LOCK, UNLATCH, LOCK_N_GO, ... DOOR_OPENED (an opener's: RING_TO_OPEN_ON, OPEN,
     * CONTINUOUS_MODE_ON, ...), or ACTION_n for one not known.
     */
    public String actionName() {
        if (deviceType == WebSmartlockDto.TYPE_OPENER) {
            switch (action) {
                case 1:
                    return "RING_TO_OPEN_ON";
                case 2:
                    return "RING_TO_OPEN_OFF";
                case 3:
                    return "OPEN";
                case 6:
                    return "CONTINUOUS_MODE_ON";
                case 7:
                    return "CONTINUOUS_MODE_OFF";
                default:
                    break;
            }
        }
        return switch (action) {
            case 1 -> "UNLOCK";
            case 2 -> "LOCK";
            case 3 -> "UNLATCH";
            case 4 -> "LOCK_N_GO";
            case 5 -> "LOCK_N_GO_UNLATCH";
            case 11 -> "RESET_TO_DEFAULTS";
            case 208 -> "DOOR_AJAR";
            case 209 -> "DOOR_STATUS_MISMATCH";
            case 224 -> "DOORBELL";
            case 240 -> "DOOR_OPENED";
            case 241 -> "DOOR_CLOSED";
            case 242 -> "DOOR_SENSOR_JAMMED";
            case 243 -> "FIRMWARE_UPDATE";
            case 250 -> "DOOR_LOG_ENABLED";
            case 251 -> "DOOR_LOG_DISABLED";
            case 252 -> "INITIALIZATION";
            case 253 -> "CALIBRATION";
            case 254 -> "LOG_ENABLED";
            case 255 -> "LOG_DISABLED";
            default -> "ACTION_" + action;
        };
    }

    /**
     * What started it in words; a keypad code, a fingerprint and tap to unlock are told apart by {@link #source}.
     */
    public String triggerName() {
        if (source == SOURCE_KEYPAD_CODE) {
            return "KEYPAD_CODE";
        }
        if (source == SOURCE_FINGERPRINT) {
            return "FINGERPRINT";
        }
        if (source == SOURCE_TAP_TO_UNLOCK) {
            return "TAP_TO_UNLOCK";
        }
        return switch (trigger) {
            case 0 -> "SYSTEM";
            case 1 -> "MANUAL";
            case 2 -> "BUTTON";
            case 3 -> "AUTOMATIC";
            case 4 -> "WEB";
            case 5 -> "APP";
            case 6 -> "AUTO_LOCK";
            case 7 -> "ACCESSORY";
            case 253 -> "KEYPAD_ERROR";
            case 254 -> "NUKI_MODE";
            case 255 -> "KEYPAD";
            default -> "TRIGGER_" + trigger;
        };
    }

    /**
     * How it ended ({@link #state}) in words: SUCCESS, MOTOR_BLOCKED, ... INVALID_CODE (a wrong keypad code),
     * INVALID_FINGERPRINT; for tap to unlock's keypad errors (source 3, trigger 253) their own reasons; STATE_n for one
     * not known.
     */
    public String outcomeName() {
        if (source == SOURCE_TAP_TO_UNLOCK && trigger == TRIGGER_KEYPAD_ERROR) {
            return switch (state) {
                case 0 -> "ACCESS_DOCUMENT_REVOKED";
                case 1 -> "SEND_NFC_FAILED";
                case 2 -> "CONTROL_FLOW_ERROR";
                case 3 -> "COMMAND_TIME_EXPIRED";
                case 7 -> "INVALID_DATA_CONTENT";
                case 37 -> "INVALID_ACCESS_RIGHTS";
                case 255 -> "UNKNOWN_ERROR";
                default -> "STATE_" + state;
            };
        }
        return switch (state) {
            case 0 -> "SUCCESS";
            case 1 -> "MOTOR_BLOCKED";
            case 2 -> "CANCELED";
            case 3 -> "TOO_RECENT";
            case 4 -> "BUSY";
            case 5 -> "LOW_MOTOR_VOLTAGE";
            case 6 -> "CLUTCH_FAILURE";
            case 7 -> "MOTOR_POWER_FAILURE";
            case 8 -> "INCOMPLETE";
            case 9 -> "REJECTED";
            case 10 -> "REJECTED_NIGHT_MODE";
            case 224 -> "INVALID_CODE";
            case 225 -> "INVALID_FINGERPRINT";
            case 226 -> "INVALID_NFC_TAG";
            case 254 -> "OTHER_ERROR";
            case 255 -> "UNKNOWN_ERROR";
            default -> "STATE_" + state;
        };
    }
}
