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
 * The {@code mode} of a device (Bridge HTTP API 4.2): door mode, or an opener's continuous mode.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum DeviceMode {
    DOOR(2),
    CONTINUOUS(3),
    UNKNOWN(-1);

    private final int code;

    DeviceMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static DeviceMode of(@Nullable Integer code) {
        if (code != null) {
            for (DeviceMode mode : values()) {
                if (mode.code == code && mode != UNKNOWN) {
                    return mode;
                }
            }
        }
        return UNKNOWN;
    }
}
