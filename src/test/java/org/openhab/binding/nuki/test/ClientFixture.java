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

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.auth.RequestAuthenticator;
import org.openhab.binding.nuki.internal.api.client.JettyBridgeTransport;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.internal.api.client.RequestTimings;
import org.openhab.binding.nuki.internal.api.client.RetryPolicy;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;

/**
 * A started simulator, a started Jetty client (as openHAB shares one) and a scheduler (as openHAB gives handlers),
 * for tests of the protocol layer.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class ClientFixture implements AutoCloseable {

    /** Short timings: tests wait seconds, not minutes. */
    public static final RequestTimings FAST = RequestTimings.DEFAULT
            .capped(Duration.ofSeconds(3), Duration.ofSeconds(3))
            .withRetryPolicy(new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(100), new Random(1)));

    public final NukiBridgeSimulator simulator;
    public final HttpClient httpClient = new HttpClient();
    public final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);

    public ClientFixture(NukiBridgeSimulator simulator) throws IOException {
        this.simulator = simulator;
        try {
            httpClient.start();
        } catch (Exception e) {
            throw new IOException("Cannot start the HTTP client", e);
        }
        if (!simulator.isUp()) {
            simulator.start();
        }
    }

    public NukiBridgeClient client(AuthenticationMode mode, @Nullable String token) {
        return client(mode, token, FAST);
    }

    public NukiBridgeClient client(AuthenticationMode mode, @Nullable String token, RequestTimings timings) {
        RequestAuthenticator authenticator = token == null ? null
                : new RequestAuthenticator(mode, token, Clock.systemUTC());
        return new NukiBridgeClient(new JettyBridgeTransport(httpClient), scheduler, simulator.baseUri(), authenticator,
                Clock.systemUTC(), timings);
    }

    @Override
    public void close() {
        simulator.close();
        try {
            httpClient.stop();
        } catch (Exception e) {
            // nothing left to do in a test
        }
        scheduler.shutdownNow();
    }
}
