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
 * The {@code state} of an opener (Bridge HTTP API 4.3). {@link #ONLINE} is its idle state, not a ring. A code this
 * binding does not know is {@link #UNKNOWN}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum OpenerState {
    UNTRAINED(0),
    ONLINE(1),
    RTO_ACTIVE(3),
    OPEN(5),
    OPENING(7),
    BOOT_RUN(253),
    UNDEFINED(255),
    UNKNOWN(-1);

    private final int code;

    OpenerState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OpenerState of(@Nullable Integer code) {
        if (code != null) {
            for (OpenerState state : values()) {
                if (state.code == code && state != UNKNOWN) {
                    return state;
                }
            }
        }
        return UNKNOWN;
    }
}
