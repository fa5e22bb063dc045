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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Sends one GET to the bridge without blocking. The only seam between the protocol layer and an HTTP library.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface BridgeTransport {

    /** A response: its status and body. */
    record Response(int status, String body) {
    }

    /**
     * @return the response, or a future failed with the I/O problem ({@link java.net.ConnectException},
     *         {@link java.util.concurrent.TimeoutException}, ...)
     */
    CompletableFuture<Response> get(URI uri, Duration timeout);
}
