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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.dto.ResultDto;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.ClientFixture;

/**
 * The request queue against the simulator: one request at a time, commands first, merged polls, retries of a busy
 * bridge within the deadline, and every command completing exactly once in a storm of 503s.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class RequestQueueTest {

    private static final String TOKEN = "queue-token";
    private static final long[] LOCKS = { 101, 102, 103 };

    private @NonNullByDefault({}) ClientFixture fixture;
    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) NukiBridgeClient client;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        for (long id : LOCKS) {
            simulator.addDevice(SimulatedDevice.smartLock(id, 0, "Lock " + id));
        }
        fixture = new ClientFixture(simulator);
        client = fixture.client(AuthenticationMode.ENCRYPTED, TOKEN);
    }

    @AfterEach
    void stop() {
        client.close();
        fixture.close();
    }

    @Test
    void testOnlyOneRequestIsEverInFlight() throws Exception {
        simulator.setDefaultLatency(Duration.ofMillis(20));
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(client.info());
            all.add(client.lockAction(LOCKS[i % 3], 0, i % 2 == 0 ? LockAction.UNLOCK : LockAction.LOCK, false));
            all.add(client.callbackList());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        // the simulator answers 503 to any request arriving while another runs: none did
        assertThat(simulator.stats().busyRejections(), is(0));
        assertThat(client.queue().retried(), is(0L));
    }

    @Test
    void testCommandsGoAheadOfMaintenanceAndPolls() throws Exception {
        simulator.setLatency("/info", Duration.ofMillis(300));
        CompletableFuture<?> first = client.info();
        Await.until("the first request in flight", () -> simulator.stats().requestCount("/info") == 1);
        CompletableFuture<?> poll = client.list();
        CompletableFuture<?> maintenance = client.callbackList();
        CompletableFuture<?> command = client.lockAction(LOCKS[0], 0, LockAction.UNLOCK, false);
        CompletableFuture.allOf(first, poll, maintenance, command).get(10, TimeUnit.SECONDS);
        assertThat(simulator.stats().requestSequence(), contains("/info", "/lockAction", "/callback/list", "/list"));
    }

    @Test
    void testCommandsKeepTheirOrder() throws Exception {
        simulator.setLatency("/info", Duration.ofMillis(200));
        CompletableFuture<?> first = client.info();
        Await.until("the first request in flight", () -> simulator.stats().requestCount("/info") == 1);
        List<CompletableFuture<ResultDto>> commands = new ArrayList<>();
        LockAction[] order = { LockAction.UNLOCK, LockAction.LOCK, LockAction.UNLATCH, LockAction.LOCK };
        for (LockAction action : order) {
            commands.add(client.lockAction(LOCKS[0], 0, action, false));
        }
        CompletableFuture.allOf(commands.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        first.get(1, TimeUnit.SECONDS);
        assertThat(simulator.stats().lockActions().stream().map(SimulatorStats.LockActionRecord::action).toList(),
                contains(1, 2, 3, 2));
    }

    @Test
    void testIdenticalWaitingPollsAreMerged() throws Exception {
        simulator.setLatency("/info", Duration.ofMillis(300));
        CompletableFuture<?> first = client.info();
        Await.until("the first request in flight", () -> simulator.stats().requestCount("/info") == 1);
        List<CompletableFuture<?>> lists = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lists.add(client.list());
        }
        CompletableFuture.allOf(lists.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        first.get(1, TimeUnit.SECONDS);
        assertThat(simulator.stats().requestCount("/list"), is(1));
        assertThat(client.queue().merged(), is(4L));
        for (CompletableFuture<?> list : lists) {
            assertThat(list.isDone() && !list.isCompletedExceptionally(), is(true));
        }
    }

    @Test
    void testCommandsAreNeverMerged() throws Exception {
        simulator.setLatency("/info", Duration.ofMillis(200));
        CompletableFuture<?> first = client.info();
        Await.until("the first request in flight", () -> simulator.stats().requestCount("/info") == 1);
        CompletableFuture<?> a = client.lockAction(LOCKS[1], 0, LockAction.LOCK, false);
        CompletableFuture<?> b = client.lockAction(LOCKS[1], 0, LockAction.LOCK, false);
        CompletableFuture.allOf(first, a, b).get(10, TimeUnit.SECONDS);
        assertThat(simulator.stats().lockActions().size(), is(2));
    }

    @Test
    void testBusyBridgeIsRetriedWithinTheDeadline() throws Exception {
        simulator.busyForNextRequests(4);
        ResultDto result = client.lockAction(LOCKS[0], 0, LockAction.UNLOCK, false).get(10, TimeUnit.SECONDS);
        assertThat(result.success, is(true));
        assertThat(client.queue().retried(), is(4L));
        assertThat(simulator.stats().lockActions().size(), is(1));
        assertThat(simulator.stats().requestSequence(),
                contains("/lockAction 503", "/lockAction 503", "/lockAction 503", "/lockAction 503", "/lockAction"));
    }

    @Test
    void testACommandArrivingDuringBackOffGoesFirst() throws Exception {
        NukiBridgeClient patient = fixture.client(AuthenticationMode.PLAIN, TOKEN, ClientFixture.FAST.withRetryPolicy(
                new RetryPolicy(Duration.ofMillis(300), Duration.ofMillis(300), new java.util.Random(2))));
        try {
            simulator.busyForNextRequests(1);
            CompletableFuture<?> poll = patient.list();
            Await.until("the poll refused", () -> simulator.stats().busyRejections() == 1);
            CompletableFuture<?> command = patient.lockAction(LOCKS[2], 0, LockAction.UNLOCK, false);
            CompletableFuture.allOf(poll, command).get(10, TimeUnit.SECONDS);
            assertThat(simulator.stats().requestSequence(), contains("/list 503", "/lockAction", "/list"));
        } finally {
            patient.close();
        }
    }

    @Test
    void testEveryCommandCompletesExactlyOnceInAStormOfBusyAnswers() throws Exception {
        simulator.setBusyProbability(0.4, 42);
        NukiBridgeClient stormy = fixture.client(AuthenticationMode.ENCRYPTED, TOKEN,
                ClientFixture.FAST.capped(Duration.ofSeconds(3), Duration.ofSeconds(30)));
        try {
            int commands = 60;
            Map<Integer, AtomicInteger> completions = new HashMap<>();
            List<CompletableFuture<ResultDto>> futures = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                AtomicInteger count = new AtomicInteger();
                completions.put(i, count);
                LockAction action = i % 2 == 0 ? LockAction.UNLOCK : LockAction.LOCK;
                CompletableFuture<ResultDto> future = stormy.lockAction(LOCKS[i % 3], 0, action, false);
                future.whenComplete((result, error) -> count.incrementAndGet());
                futures.add(future);
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Await.until("every completion counted",
                    () -> completions.values().stream().allMatch(count -> count.get() == 1));
            long succeeded = futures.stream().filter(f -> !f.isCompletedExceptionally()).count();
            assertThat(succeeded, is((long) commands));
            // each command reached the bridge exactly once, in the order it was given
            List<SimulatorStats.LockActionRecord> received = simulator.stats().lockActions();
            assertThat(received.size(), is(commands));
            for (int i = 0; i < commands; i++) {
                assertThat(received.get(i).nukiId(), is(LOCKS[i % 3]));
                assertThat(received.get(i).action(), is(i % 2 == 0 ? 1 : 2));
            }
            assertThat(simulator.stats().busyRejections(), greaterThan(10));
        } finally {
            stormy.close();
        }
    }
}
