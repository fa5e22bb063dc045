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
package org.openhab.binding.nuki.internal.api.hub;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.internal.broker.BrokerConfiguration;
import org.openhab.binding.nuki.internal.broker.NukiMqttSession;
import org.openhab.binding.nuki.internal.broker.OpenhabMqttSession;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.SimulatedNukiHub;
import org.openhab.binding.nuki.test.Await;

/**
 * Keypad codes through Nuki Hub, over openHAB's MQTT transport and a real broker, against the simulated hub: listed
 * without codes, added, switched off and removed with the hub's results, every rule checked before anything is sent,
 * and the hub's refusal with the setting to switch on.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class HubKeypadCodesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private @NonNullByDefault({}) EmbeddedBroker broker;
    private @NonNullByDefault({}) SimulatedNukiHub hub;
    private @NonNullByDefault({}) NukiMqttSession session;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private @NonNullByDefault({}) HubKeypadCodes codes;

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same broker and hub, which stop() closes
    void start() throws Exception {
        broker = new EmbeddedBroker("127.0.0.1", 0).start();
        hub = new SimulatedNukiHub("nukihub", 0x1A2B3C4DL, 0x2B3C4D5EL, broker.host(), broker.port())
                .withReconnectWindow(Duration.ZERO).withStepDelay(Duration.ofMillis(50))
                .withKeypadDelay(Duration.ofSeconds(1));
        hub.connect().get(10, TimeUnit.SECONDS);
        BrokerConfiguration config = new BrokerConfiguration();
        config.host = broker.host();
        config.port = broker.port();
        session = OpenhabMqttSession.open(config, "openhab-hub-test", new NukiMqttSession.Listener() {
            @Override
            public void connected() {
            }

            @Override
            public void disconnected(NukiMqttSession.Problem problem, String detail) {
            }
        });
        codes = new HubKeypadCodes(session, new HubTopics("nukihub"), ZONE, scheduler, Duration.ofSeconds(5));
        codes.start();
        session.start().get(10, TimeUnit.SECONDS);
        Await.until("the list", () -> codes.list().isDone() && !codes.list().isCompletedExceptionally());
    }

    @AfterEach
    void stop() {
        session.close();
        hub.close();
        broker.stop();
        scheduler.shutdownNow();
    }

    private static KeypadWrite done(java.util.concurrent.CompletableFuture<KeypadWrite> write) throws Exception {
        return write.get(10, TimeUnit.SECONDS);
    }

    private List<String> names() {
        return listed().stream().map(KeypadCode::name).toList();
    }

    private List<KeypadCode> listed() {
        return codes.list().join();
    }

    @Test
    void testACodeIsAddedSwitchedOffAndRemovedLocally() throws Exception {
        assertThat(names(), contains("Cleaner"));
        KeypadWrite added = done(codes.add(KeypadCodeRequest.always("Guest", "234567")));
        assertThat(added.message(), added.accepted(), is(true));
        assertThat(added.onTheLock().get(1, TimeUnit.SECONDS), is(true));
        assertThat(added.message(), not(containsString("234567")));
        Await.until("listed", () -> names().contains("Guest"));

        assertThat(done(codes.setEnabled("guest", false)).accepted(), is(true));
        Await.until("off", () -> listed().stream().anyMatch(c -> "Guest".equals(c.name()) && !c.enabled()));
        assertThat(done(codes.remove("Guest")).accepted(), is(true));
        Await.until("gone", () -> !names().contains("Guest"));
    }

    @Test
    void testAnAddUnderWayCountsForTheNameRuleAndEndsOnceListed() throws Exception {
        java.util.concurrent.CompletableFuture<KeypadWrite> first = codes
                .add(KeypadCodeRequest.always("Guest", "234567"));
        // the hub has not answered, let alone listed it: the name is taken all the same
        KeypadWrite second = done(codes.add(KeypadCodeRequest.always("guest", "345679")));
        assertThat(second.accepted(), is(false));
        assertThat(second.message(), containsString("has this name"));
        KeypadWrite added = done(first);
        assertThat(added.message(), added.accepted(), is(true));
        // done means listed: the next change finds it at once
        assertThat(names(), hasItem("Guest"));
        assertThat(done(codes.setEnabled("Guest", false)).accepted(), is(true));
        assertThat(listed().stream().anyMatch(c -> "Guest".equals(c.name()) && !c.enabled()), is(true));
    }

    @Test
    void testEveryRuleIsCheckedFirstAndTheHubsRefusalsComeInWords() throws Exception {
        assertThat(done(codes.add(KeypadCodeRequest.always("Guest", "123456"))).message(), containsString("12"));
        assertThat(done(codes.add(KeypadCodeRequest.always("Guest", "234506"))).message(), containsString("1 to 9"));
        assertThat(done(codes.add(KeypadCodeRequest.always("cleaner", "234567"))).message(),
                containsString("has this name"));
        assertThat(done(codes.remove("Nobody")).message(), containsString("no keypad code named 'Nobody'"));
        // the cleaner's code, which the hub does not publish: the lock refuses it
        KeypadWrite same = done(codes.add(KeypadCodeRequest.always("Guest", "345678")));
        assertThat(same.accepted(), is(false));
        assertThat(same.message(), allOf(containsString("lock refused"), not(containsString("345678"))));

        hub.setKeypadControl(SimulatedNukiHub.KeypadControl.DISABLED);
        KeypadWrite disabled = done(codes.add(KeypadCodeRequest.always("Guest", "234567")));
        assertThat(disabled.accepted(), is(false));
        assertThat(disabled.message(), containsString("access level settings"));
    }
}
