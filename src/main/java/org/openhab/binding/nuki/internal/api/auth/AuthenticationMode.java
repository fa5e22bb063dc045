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
package org.openhab.binding.nuki.internal.api.auth;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How requests prove the token: encrypted (XSalsa20-Poly1305, hardware bridges from firmware 1.22.1 / 2.14.0),
 * hashed (SHA-256, deprecated by Nuki but widely supported) or plain (the token itself; the only mode of software
 * bridges).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum AuthenticationMode {
    ENCRYPTED,
    HASHED,
    PLAIN;

    /** Whether the bridge checks the request's time, so that a skewed clock makes it fail. */
    public boolean isTimed() {
        return this != PLAIN;
    }

    /** @throws IllegalArgumentException for anything but encrypted, hashed or plain (any case) */
    public static AuthenticationMode parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
