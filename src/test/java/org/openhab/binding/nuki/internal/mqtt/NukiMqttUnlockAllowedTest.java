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
package org.openhab.binding.nuki.internal.mqtt;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.SimulatedMqttLock;
import org.openhab.binding.nuki.test.ActionTopicWitness;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The {@code unlock-allowed} switch on a lock under a {@code nuki:mqtt} bridge, over a real broker against the
 * simulated bridge-less lock: while it is OFF, every path that unlocks or opens the door is refused and nothing is
 * published on the lock's {@code lockAction} topic (a third client on the broker watches it); locking and full lock
 * go through. Nuki's MQTT API serves smart locks only, so there is no opener to arm or disarm on this transport.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiMqttUnlockAllowedTest {

    private static final long LOCK = 0x1A2B3C4DL;

    private @NonNullByDefault({}) MqttHarness harness;
    private @NonNullByDefault({}) SimulatedMqttLock lock;
    private @NonNullByDefault({}) ActionTopicWitness witness;

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same lock, which stop() closes
    void start() throws Exception {
        harness = new MqttHarness();
        witness = new ActionTopicWitness(harness.broker.host(), harness.broker.port());
        lock = new SimulatedMqttLock(LOCK, "Front door", harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withLockNGoDelay(Duration.ofMillis(200))
                .withRetainedQos(EmbeddedBroker.RETAINED_QOS);
        lock.connect().get();
    }

    @AfterEach
    void stop() throws Exception {
        lock.close();
        witness.close();
        harness.close();
    }

    private Device onlineLock(Map<String, Object> extra) {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Map<String, Object> config = new HashMap<>(extra);
        config.putIfAbsent("nukiId", "1A2B3C4D");
        Device device = harness.addSmartLock("front", config);
        harness.initialize(device);
        Await.until("lock online with its state", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        return device;
    }

    private static void command(Device device, String channel, OnOffType command) {
        device.handler.handleCommand(device.channel(channel), command);
    }

    private static long events(Device device, String event) {
        return device.events.stream().filter(("event:" + event)::equals).count();
    }

    @Test
    void testUnlockAllowedOffRefusesEveryUnlockingPathAndLetsLockingThrough() {
        // the legacy option and the second unlock are tried too
        Device device = onlineLock(Map.of("unlockAllowed", false, "unlatch", true, "secondUnlockUnlatches", 30));
        assertThat(device.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.OFF));
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(device.handler);

        command(device, CHANNEL_UNLOCK, OnOffType.ON);
        command(device, CHANNEL_LOCK, OnOffType.OFF); // the legacy option: would unlatch
        command(device, CHANNEL_UNLATCH, OnOffType.ON);
        command(device, CHANNEL_LOCK_N_GO, OnOffType.ON);
        command(device, CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.ON);
        List<Boolean> results = new ArrayList<>(List.of(actions.unlock(), actions.unlock(), actions.unlatch(),
                actions.lockNGo(false), actions.lockNGo(true), NukiSmartLockActions.unlock(actions),
                NukiSmartLockActions.unlatch(actions), NukiSmartLockActions.lockNGo(actions, true)));

        assertThat(results, everyItem(is(false)));
        assertThat(events(device, EVENT_UNLOCK_REFUSED), is(13L));
        assertThat(device.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(device.state(CHANNEL_LOCK), is(OnOffType.ON));

        // locking and full lock still reach the lock, and nothing else ever went out
        assertThat(actions.lock(), is(true));
        // the lock was locked already: the action may count as done before the simulated lock ran its steps
        Await.until("lock performed", () -> lock.actionsPerformed() == 1);
        assertThat(actions.fullLock(), is(true));
        Await.until("both performed", () -> lock.actionsPerformed() == 2);
        assertThat(lock.actionsReceived(), contains(2, 6));
        Await.until("the witness saw both", () -> witness.actions().size() == 2);
        assertThat(witness.actions().stream().allMatch(action -> action.contains("/lockAction=")), is(true));
        assertThat(device.handler.actionCounters().refused(), is(13L));
    }

    @Test
    void testUnlockingWorksAgainOnceAllowedAndTheSwitchIsKept() {
        Device device = onlineLock(Map.of());
        command(device, CHANNEL_UNLOCK_ALLOWED, OnOffType.OFF);
        command(device, CHANNEL_UNLOCK, OnOffType.ON);
        device.settle();
        assertThat(events(device, EVENT_UNLOCK_REFUSED), is(1L));
        command(device, CHANNEL_UNLOCK_ALLOWED, OnOffType.ON);
        command(device, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(lock.actionsReceived(), contains(1));
        assertThat(witness.actions(), hasSize(1));
        // switched OFF again, it survives a restart of the thing
        command(device, CHANNEL_UNLOCK_ALLOWED, OnOffType.OFF);
        device.handler.dispose();
        device.settle();
        harness.bridgeHandler.childHandlerDisposed(device.handler, device.thing);
        Device again = harness.addSmartLock("front", Map.of("nukiId", "1A2B3C4D"));
        harness.initialize(again);
        assertThat(again.handler.isUnlockAllowed(), is(false));
        assertThat(again.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.OFF));
    }
}
