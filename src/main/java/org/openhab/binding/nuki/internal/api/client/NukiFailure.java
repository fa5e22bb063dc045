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
package org.openhab.binding.nuki.internal.api.client;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Why a bridge request failed, in terms a user can act on.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum NukiFailure {
    /** No connection: wrong address or port, bridge off, or its HTTP API switched off. */
    UNREACHABLE,
    /** Connected, but no answer in time. */
    TIMEOUT,
    /** The bridge refused the token. */
    UNAUTHORIZED,
    /** The token is right, but the bridge's clock is too far off for hashed or encrypted tokens. */
    CLOCK_SKEW,
    /** The token is right, but this bridge does not take it in the chosen authentication mode. */
    AUTHENTICATION_MODE_UNSUPPORTED,
    /** The bridge answered 403: its authentication or discovery was switched off. */
    AUTH_DISABLED,
    /** The bridge kept answering 503 (busy) until the request's deadline. */
    BUSY,
    /** The bridge does not know the device (404 on a device call). */
    DEVICE_NOT_FOUND,
    /** The bridge could not reach the device over Bluetooth (success false, or 410). */
    DEVICE_OFFLINE,
    /** The bridge does not offer this call (404 on a bridge call; software bridges lack several). */
    NOT_SUPPORTED,
    /** The bridge rejected the request's parameters (400). */
    BAD_REQUEST,
    /** The bridge's answer could not be understood. */
    BAD_RESPONSE,
    /** The request was dropped because the client was closed. */
    CANCELLED
}
