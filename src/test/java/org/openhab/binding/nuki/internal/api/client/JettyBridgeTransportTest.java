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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.PoolSlots;

/**
 * {@link JettyBridgeTransport} against the simulator: a connection of its own per request, closed when the request
 * completes, never a slot in the client's pool, and a timeout that covers connecting.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class JettyBridgeTransportTest {

    private static final String TOKEN = "abc123";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN);
    private final HttpClient httpClient = new HttpClient();
    private final ConnectionStatistics connections = new ConnectionStatistics();
    private final JettyBridgeTransport transport = new JettyBridgeTransport(httpClient);

    @BeforeEach
    void start() throws Exception {
        simulator.addDevice(SimulatedDevice.smartLock(0x151105FDL, SimulatedDevice.TYPE_SMARTLOCK, "Front"));
        simulator.start();
        httpClient.addBean(connections);
        httpClient.start();
    }

    @AfterEach
    void stop() throws Exception {
        httpClient.stop();
        simulator.close();
    }

    private URI list() {
        return simulator.baseUri().resolve("/list?token=" + TOKEN);
    }

    @Test
    void testEachRequestHasAConnectionOfItsOwnOutsideThePoolClosedWhenItCompletes() throws Exception {
        simulator.setLatency("/list", Duration.ofMillis(500));
        CompletableFuture<BridgeTransport.Response> slow = transport.get(list(), TIMEOUT);
        Await.until("the request's connection to open", () -> connections.getConnections() == 1);
        assertThat("no pool slot while the request is under way", PoolSlots.taken(httpClient), is(0));
        assertThat(slow.get(5, TimeUnit.SECONDS).status(), is(200));
        Await.until("the connection to close", () -> connections.getConnections() == 0);

        simulator.setLatency("/list", Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            assertThat(transport.get(list(), TIMEOUT).get(5, TimeUnit.SECONDS).status(), is(200));
        }
        assertThat(connections.getConnectionsTotal(), is(6L));
        Await.until("every connection to close", () -> connections.getConnections() == 0);
        assertThat(PoolSlots.taken(httpClient), is(0));
    }

    @Test
    void testAnswersAndStatusesArePassedOn() throws Exception {
        BridgeTransport.Response listed = transport.get(list(), TIMEOUT).get(5, TimeUnit.SECONDS);
        assertThat(listed.body(), containsString("Front"));
        BridgeTransport.Response refused = transport.get(simulator.baseUri().resolve("/list?token=wrong"), TIMEOUT)
                .get(5, TimeUnit.SECONDS);
        assertThat("a 401 without WWW-Authenticate is a status, not a failure", refused.status(), is(401));
    }

    @Test
    void testABridgeThatDoesNotAnswerTimesOutAndItsConnectionIsClosed() throws Exception {
        simulator.setLatency("/list", Duration.ofSeconds(3));
        CompletableFuture<BridgeTransport.Response> slow = transport.get(list(), Duration.ofMillis(300));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> slow.get(5, TimeUnit.SECONDS));
        assertThat(failure.getCause(), instanceOf(TimeoutException.class));
        Await.until("the connection to close", () -> connections.getConnections() == 0);
    }

    @Test
    void testTheTimeoutCoversConnectingToABridgeOffTheNetwork() throws Exception {
        simulator.silent();
        long started = System.nanoTime();
        CompletableFuture<BridgeTransport.Response> hanging = transport.get(list(), Duration.ofMillis(500));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> hanging.get(5, TimeUnit.SECONDS));
        assertThat(failure.getCause(), instanceOf(TimeoutException.class));
        assertThat("gave up well before the client's own connect timeout of " + httpClient.getConnectTimeout() + " ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), lessThan(httpClient.getConnectTimeout()));

        simulator.up();
        assertThat(transport.get(list(), TIMEOUT).get(5, TimeUnit.SECONDS).status(), is(200));
        Await.until("every connection to close", () -> connections.getConnections() == 0);
        assertThat(PoolSlots.taken(httpClient), is(0));
    }

    @Test
    void testABridgeGoingAwayMidRequestLeavesNoConnectionAndNoPoolSlotBehind() throws Exception {
        // the fault that stranded pool slots in Jetty 9.4: the bridge closes connections while requests are written
        ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger flips = new AtomicInteger();
        churn.scheduleWithFixedDelay(() -> {
            try {
                if (flips.incrementAndGet() % 2 == 0) {
                    simulator.up();
                } else {
                    simulator.down();
                }
            } catch (Exception e) {
                // the next flip tries again
            }
        }, 0, 7, TimeUnit.MILLISECONDS);
        List<CompletableFuture<BridgeTransport.Response>> sent = new ArrayList<>();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                List<CompletableFuture<BridgeTransport.Response>> wave = List.of(transport.get(list(), TIMEOUT),
                        transport.get(list(), TIMEOUT), transport.get(list(), TIMEOUT));
                CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).handle((r, e) -> null).get(10,
                        TimeUnit.SECONDS);
                sent.addAll(wave);
            }
        } finally {
            churn.shutdownNow();
            churn.awaitTermination(5, TimeUnit.SECONDS);
        }
        simulator.up();
        assertThat("every request completed", sent.stream().allMatch(CompletableFuture::isDone), is(true));
        Await.until("every connection to close", () -> connections.getConnections() == 0);
        assertThat("pool slots left", PoolSlots.taken(httpClient), is(0));
        assertThat("the churn let some requests through",
                sent.stream().filter(f -> !f.isCompletedExceptionally()).count(), greaterThan(0L));
    }
}
