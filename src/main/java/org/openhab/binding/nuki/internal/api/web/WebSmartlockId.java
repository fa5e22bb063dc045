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

/**
 * The id Nuki's Web API gives a device ({@code smartlockId}) and the Nuki id the bridge and the MQTT topics use: the
 * Web id is the device-type prefix times 2^32 plus the Nuki id, so its hexadecimal form is the type digit followed by
 * the eight hex digits of the Nuki id (type 0, the first locks, has none: both ids are the same). Built by arithmetic,
 * never by joining strings, which would lose a leading zero of the Nuki id.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class WebSmartlockId {

    private static final long NUKI_ID_MASK = 0xFFFF_FFFFL;

    private WebSmartlockId() {
    }

    /**
     * The Web API id of a device.
     *
     * @param webType the Web API's device type (0 Smart Lock 1/2, 2 Opener, 3 Smart Door, 4 Smart Lock 3/4, 5 fifth
     *            generation), the same digit as the bridge's {@code deviceType}
     * @param nukiId the Nuki id (32 bits)
     */
    public static long of(int webType, long nukiId) {
        if (webType < 0 || webType > 0xF) {
            throw new IllegalArgumentException("No Web API device type " + webType);
        }
        if ((nukiId & ~NUKI_ID_MASK) != 0) {
            throw new IllegalArgumentException("A Nuki id has 32 bits, not " + Long.toHexString(nukiId));
        }
        return ((long) webType << 32) | nukiId;
    }

    /** The Nuki id inside a Web API id. */
    public static long nukiId(long smartlockId) {
        return smartlockId & NUKI_ID_MASK;
    }

    /** The device-type prefix of a Web API id (0 for the first locks, whose Web id is their Nuki id). */
    public static int typePrefix(long smartlockId) {
        return (int) (smartlockId >>> 32);
    }
}
