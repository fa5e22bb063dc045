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
            case 208 -> "DOOR_AJAR";
            case 209 -> "DOOR_STATUS_MISMATCH";
            case 224 -> "DOORBELL";
            case 240 -> "DOOR_OPENED";
            case 241 -> "DOOR_CLOSED";
            case 242 -> "DOOR_SENSOR_JAMMED";
            case 243 -> "FIRMWARE_UPDATE";
            default -> "ACTION_" + action;
        };
    }

    /** What started it in words; a keypad code and a fingerprint are told apart by {@link #source}. */
    public String triggerName() {
        if (source == 1) {
            return "KEYPAD_CODE";
        }
        if (source == 2) {
            return "FINGERPRINT";
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
            case 255 -> "KEYPAD";
            default -> "TRIGGER_" + trigger;
        };
    }
}
