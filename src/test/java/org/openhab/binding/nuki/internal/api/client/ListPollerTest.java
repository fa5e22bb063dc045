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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.ClientFixture;

/**
 * The /list poller: polls at its interval, never asks /lockState, stamps each answer with the moment it was asked
 * for, reports failures, stops when told.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class ListPollerTest {

    private @NonNullByDefault({}) ClientFixture fixture;
    private @NonNullByDefault({}) NukiBridgeClient client;
    private final List<ListSnapshot> lists = new CopyOnWriteArrayList<>();
    private final List<NukiApiException> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        NukiBridgeSimulator simulator = new NukiBridgeSimulator("poll");
        simulator.addDevice(SimulatedDevice.smartLock(1, 0, "A"));
        fixture = new ClientFixture(simulator);
        client = fixture.client(AuthenticationMode.HASHED, "poll");
    }

    @AfterEach
    void stop() {
        client.close();
        fixture.close();
    }

    @Test
    void testPollsListOnlyAndStops() {
        ListPoller poller = new ListPoller(client, fixture.scheduler, lists::add, failures::add);
        poller.start(Duration.ofMillis(20));
        Await.until("five polls", () -> lists.size() >= 5);
        poller.stop();
        int seen = fixture.simulator.stats().totalRequests();
        assertThat(fixture.simulator.stats().requestCounts().keySet(), contains("/list"));
        assertThat(lists.get(0).entries().get(0).nukiId, is(1L));
        Await.until("in-flight polls to settle", () -> client.queue().isIdle());
        int settled = fixture.simulator.stats().totalRequests();
        assertThat(settled - seen, lessThanOrEqualTo(1));
    }

    @Test
    void testFailuresAreReported() {
        fixture.simulator.down();
        ListPoller poller = new ListPoller(client, fixture.scheduler, lists::add, failures::add);
        poller.pollNow();
        Await.until("a failure", () -> !failures.isEmpty());
        assertThat(failures.get(0).failure(), is(NukiFailure.UNREACHABLE));
    }

    @Test
    void testTheStampIsTheMomentThePollWasAskedForNotAnswered() {
        fixture.simulator.setLatency("/list", Duration.ofMillis(150));
        List<Long> receivedAt = new CopyOnWriteArrayList<>();
        ListPoller poller = new ListPoller(client, fixture.scheduler, snapshot -> {
            receivedAt.add(System.nanoTime());
            lists.add(snapshot);
        }, failures::add);
        long before = System.nanoTime();
        poller.pollNow();
        Await.until("an answer", () -> !lists.isEmpty());
        long requestedAt = lists.get(0).requestedAtNanos();
        assertThat(requestedAt - before, greaterThanOrEqualTo(0L));
        // the bridge took 150 ms to answer; the stamp is from before that
        assertThat(receivedAt.get(0) - requestedAt, greaterThanOrEqualTo(Duration.ofMillis(150).toNanos()));
    }

    @Test
    void testPollsAskedForMeanwhileBecomeOneMorePollAndEachAnswerIsHandedOnOnce() {
        fixture.simulator.setLatency("/list", Duration.ofMillis(300));
        ListPoller poller = new ListPoller(client, fixture.scheduler, lists::add, failures::add);
        poller.pollNow();
        Await.until("the first poll on its way",
                () -> fixture.simulator.stats().requestCount("/list") == 1 || !client.queue().isIdle());
        for (int i = 0; i < 5; i++) {
            poller.pollNow();
        }
        Await.until("two answers", () -> lists.size() == 2);
        Await.until("the poller to rest", () -> client.queue().isIdle());
        assertThat("one poll, then one for the five asked meanwhile", fixture.simulator.stats().requestCount("/list"),
                is(2));
        assertThat("each answer handed on once", lists, hasSize(2));
        assertThat(failures, is(empty()));

        poller.pollNow();
        Await.until("a third answer", () -> lists.size() == 3);
        assertThat("a poll asked for at rest goes out at once", fixture.simulator.stats().requestCount("/list"), is(3));
    }
}
