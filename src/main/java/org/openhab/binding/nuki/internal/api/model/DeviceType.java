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
 * The {@code deviceType} of a device paired with the bridge (Bridge HTTP API 4.1). A missing type means 0; a code
 * this binding does not know is {@link #UNKNOWN}, which is handled as a smart lock.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum DeviceType {
    SMARTLOCK(0),
    OPENER(2),
    SMARTDOOR(3),
    SMARTLOCK3(4),
    UNKNOWN(-1);

    private final int code;

    DeviceType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isOpener() {
        return this == OPENER;
    }

    /** @param code the reported type, or null when the bridge left it out */
    public static DeviceType of(@Nullable Integer code) {
        if (code == null) {
            return SMARTLOCK;
        }
        for (DeviceType type : values()) {
            if (type.code == code && type != UNKNOWN) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
