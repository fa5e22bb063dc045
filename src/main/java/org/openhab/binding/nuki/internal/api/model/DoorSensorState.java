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
package org.openhab.binding.nuki.internal.api.model;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The {@code doorsensorState} of a smart lock (Bridge HTTP API 4.6). 0 (reported by some peers) and a missing field
 * mean there is no door sensor; a code this binding does not know is {@link #UNKNOWN}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum DoorSensorState {
    UNAVAILABLE(0),
    DEACTIVATED(1),
    DOOR_CLOSED(2),
    DOOR_OPENED(3),
    DOOR_STATE_UNKNOWN(4),
    CALIBRATING(5),
    UNCALIBRATED(16),
    REMOVED(240),
    SENSOR_UNKNOWN(255),
    UNKNOWN(-1);

    private final int code;

    DoorSensorState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether the state says for sure that the door is open or closed. */
    public boolean isDefinite() {
        return this == DOOR_CLOSED || this == DOOR_OPENED;
    }

    public static DoorSensorState of(@Nullable Integer code) {
        if (code == null) {
            return UNAVAILABLE;
        }
        for (DoorSensorState state : values()) {
            if (state.code == code && state != UNKNOWN) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
