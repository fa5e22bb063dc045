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
 * The {@code state} of a smart lock (Bridge HTTP API 4.3), intermediate states included. A code this binding does
 * not know is {@link #UNKNOWN}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum SmartLockState {
    UNCALIBRATED(0),
    LOCKED(1),
    UNLOCKING(2),
    UNLOCKED(3),
    LOCKING(4),
    UNLATCHED(5),
    UNLOCKED_LOCK_N_GO(6),
    UNLATCHING(7),
    MOTOR_BLOCKED(254),
    UNDEFINED(255),
    UNKNOWN(-1);

    private final int code;

    SmartLockState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether the lock is on its way from one state to another. */
    public boolean isTransitional() {
        return this == UNLOCKING || this == LOCKING || this == UNLATCHING;
    }

    public static SmartLockState of(@Nullable Integer code) {
        if (code != null) {
            for (SmartLockState state : values()) {
                if (state.code == code && state != UNKNOWN) {
                    return state;
                }
            }
        }
        return UNKNOWN;
    }
}
