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
package org.openhab.binding.nuki.internal.broker;

import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;

/**
 * A broker connection of a {@code nuki:mqtt} thing: the protocol layer's {@link NukiMqttConnection}, plus starting and
 * closing it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface NukiMqttSession extends NukiMqttConnection {

    /** Why the connection is down, in the words of the thing status. */
    enum Problem {
        /** No broker answered at the address (or the network is down). */
        UNREACHABLE,
        /** The broker refused the username or password. */
        CREDENTIALS_REFUSED,
        /** The broker refused the client id. */
        CLIENT_ID_REJECTED,
        /** The connection was lost; it is being re-established. */
        LOST
    }

    /** Told when the connection comes and goes; it comes back by itself. */
    interface Listener {
        void connected();

        void disconnected(Problem problem, String detail);
    }

    /** Connects; the listener hears the outcome. */
    CompletableFuture<Boolean> start();

    /** Disconnects for good. */
    void close();
}
