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
 * A device of the account as {@code GET /smartlock} lists it (the fields the binding reads).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class WebSmartlockDto {

    /** The Web {@code type} of an Opener. */
    public static final int TYPE_OPENER = 2;

    public long smartlockId;
    /** 0 Smart Lock 1/2, 2 Opener, 3 Smart Door, 4 Smart Lock 3/4, 5 fifth generation. */
    public int type;
    public @Nullable String name;
    /** {@link #serverState}: all is well. */
    public static final int SERVER_STATE_OK = 0;
    /** {@link #serverState}: the device is not registered with Nuki's server. */
    public static final int SERVER_STATE_UNREGISTERED = 1;
    /** {@link #serverState}: the server's authorization on the device (its uuid) is not valid. */
    public static final int SERVER_STATE_AUTH_UUID_INVALID = 2;
    /** {@link #serverState}: the server's authorization on the device is not valid. */
    public static final int SERVER_STATE_AUTH_INVALID = 3;
    /** {@link #serverState}: not reachable through its bridge or its own uplink. */
    public static final int SERVER_STATE_OFFLINE = 4;

    /** 0 ok, 1 unregistered, 2 authorization uuid invalid, 3 authorization invalid, 4 offline. */
    public int serverState;

    /** The Nuki id the bridge and the MQTT topics use. */
    public long nukiId() {
        return WebSmartlockId.nukiId(smartlockId);
    }

    public boolean isOnline() {
        return serverState == 0;
    }
}
