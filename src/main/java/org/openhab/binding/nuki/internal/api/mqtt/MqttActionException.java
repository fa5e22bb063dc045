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
package org.openhab.binding.nuki.internal.api.mqtt;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A lock action a bridge-less lock did not perform: it answered an error code, did not answer in time (as when
 * "Allow locking" is off in the app), or the broker did not take the command.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class MqttActionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** No {@code commandResponse}: a timeout or a command that never reached the broker. */
    public static final int NO_RESPONSE = -1;

    private final int responseCode;

    public MqttActionException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    /** The lock's {@code commandResponse}, or {@link #NO_RESPONSE}. */
    public int responseCode() {
        return responseCode;
    }
}
