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
package org.openhab.binding.nuki.test;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpDestination;
import org.eclipse.jetty.client.api.Destination;

/**
 * Counts the slots taken in a Jetty client's connection pools, whether or not their connections are still open (Jetty
 * 9.4 can keep a slot for a connection that was closed under it).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class PoolSlots {

    private PoolSlots() {
    }

    public static int taken(HttpClient httpClient) {
        int taken = 0;
        for (Destination destination : httpClient.getDestinations()) {
            if (destination instanceof HttpDestination http
                    && http.getConnectionPool() instanceof AbstractConnectionPool pool) {
                taken += pool.getConnectionCount();
            }
        }
        return taken;
    }
}
