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
 * One authorization of a device as {@code GET /smartlock/{id}/auth} lists it: an app user, the bridge, a fob, the
 * keypad, a keypad code. {@code code} is a keypad code: it is a secret and never leaves this object for a log or a
 * listing ({@link #toString()} leaves it out).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class WebAuthorizationDto {

    public static final int TYPE_APP = 0;
    public static final int TYPE_BRIDGE = 1;
    public static final int TYPE_FOB = 2;
    public static final int TYPE_KEYPAD = 3;
    public static final int TYPE_KEYPAD_CODE = 13;

    /** The Web API's own id of the entry (24 hex digits): what writes and the log name. */
    public @Nullable String id;
    /** The id on the device (MQTT's {@code authId}; for keypad codes presumably its {@code codeId}). */
    public @Nullable Integer authId;
    public int type;
    public @Nullable String name;
    public boolean enabled;
    public @Nullable Integer code;
    public boolean remoteAllowed;
    public @Nullable String allowedFromDate;
    public @Nullable String allowedUntilDate;
    /** Weekday mask (Monday 64 ... Sunday 1), or null for every day. */
    public @Nullable Integer allowedWeekDays;
    /** Daily window in minutes since midnight; 0 and 0 for none. */
    public @Nullable Integer allowedFromTime;
    public @Nullable Integer allowedUntilTime;
    public @Nullable String lastActiveDate;
    /**
     * Set while a change of the entry is on its way to the device ("if set the auth is locked for another operation";
     * an object in the API description, so read as whatever it is).
     */
    public @Nullable Object operationId;

    /**
     * Whether a change of the entry is still on its way: the entry shows the old state, and Nuki Web refuses another.
     */
    public boolean pending() {
        return operationId != null;
    }

    @Override
    public String toString() {
        return "authorization " + id + " (type " + type + ", device id " + authId + ", " + name
                + (enabled ? "" : ", disabled") + (pending() ? ", change pending" : "") + ")";
    }
}
