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
 * Why a Web API request failed, in the terms a user acts on.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum WebApiFailure {
    /** 401: the token is wrong, deleted (a password change deletes every token) or lacks the scope. */
    TOKEN_REFUSED,
    /** 403: the device is not this account's, or the feature is not open to it. */
    FORBIDDEN,
    /** 404: no such device or entry. */
    NOT_FOUND,
    /** 409: the parameters conflict with another entry of the lock (the API does not say which, or how). */
    CONFLICT,
    /** 423: another change of the same entry is still on its way to the device. */
    PENDING,
    /** 429, or a 5xx: the cloud asks to come back later. */
    THROTTLED,
    /** 400 or 422: the cloud refused what was sent. */
    REFUSED,
    /** No connection, or no answer in time. */
    UNREACHABLE,
    /** An answer that could not be read. */
    BAD_RESPONSE
}
