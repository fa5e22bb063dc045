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
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.SimulatedMqttLock;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * A smart lock under a {@code nuki:mqtt} bridge, over a real broker (embedded) through openHAB's MQTT transport, with
 * a simulated bridge-less lock on the other side: states, commands, attribution, the door-safety gate and the faults
 * the MQTT API brings.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiMqttSmartLockTest {

    private static final long LOCK = 0x1A2B3C4DL;

    private @NonNullByDefault({}) MqttHarness harness;
    private @NonNullByDefault({}) SimulatedMqttLock lock;

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same lock, which stop() closes
    void start() throws Exception {
        harness = new MqttHarness();
        lock = new SimulatedMqttLock(LOCK, "Front door", harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withLockNGoDelay(Duration.ofMillis(200))
                .withRetainedQos(EmbeddedBroker.RETAINED_QOS);
        lock.connect().get();
    }

    @AfterEach
    void stop() {
        lock.close();
        harness.close();
    }

    private Device onlineLock(Map<String, Object> extra) {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.putIfAbsent("nukiId", "1A2B3C4D");
        Device device = harness.addSmartLock("front", config);
        harness.initialize(device);
        Await.until("lock online with its state", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        return device;
    }

    private Device onlineLock() {
        return onlineLock(Map.of());
    }

    /** The lock's thing actions, as a rule gets them. */
    private static NukiSmartLockActions actions(Device device) {
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(device.handler);
        return actions;
    }

    private void command(Device device, String channel, OnOffType command) {
        device.handler.handleCommand(device.channel(channel), command);
    }

    private long events(Device device, String event) {
        return device.events.stream().filter(("event:" + event)::equals).count();
    }

    @Test
    void testTheLocksRetainedTopicsBecomeChannelsAndProperties() {
        Device device = onlineLock();
        Await.until("details",
                () -> OnOffType.ON.equals(device.state(CHANNEL_CLOUD_CONNECTED))
                        && OnOffType.OFF.equals(device.state(CHANNEL_DOOR_SENSOR_LOW_BATTERY))
                        && "4.3.8".equals(device.properties.get("firmwareVersion")));
        assertThat(device.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(device.state(CHANNEL_DOOR_SENSOR), is(OpenClosedType.CLOSED));
        assertThat(device.state(CHANNEL_BATTERY_LEVEL), is(new QuantityType<>(82, Units.PERCENT)));
        assertThat(device.state(CHANNEL_DOOR_SENSOR_LOW_BATTERY), is(OnOffType.OFF));
        assertThat(device.properties.get("name"), is("Front door"));
        assertThat(device.properties.get("firmwareVersion"), is("4.3.8"));
    }

    @Test
    void testTheDecimalIdOfABridgeFindsTheLockToo() {
        Device device = onlineLock(Map.of("nukiId", String.valueOf(LOCK)));
        assertThat(device.statusValue(), is(ThingStatus.ONLINE));
    }

    @Test
    void testEveryCommandReachesTheLockAsTheRightActionExactlyOnce() {
        Device device = onlineLock();
        command(device, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        command(device, CHANNEL_LOCK, OnOffType.ON);
        Await.until("locked", () -> lock.actionsPerformed() == 2);
        command(device, CHANNEL_UNLATCH, OnOffType.ON);
        Await.until("unlatched", () -> lock.actionsPerformed() == 3);
        command(device, CHANNEL_LOCK_N_GO, OnOffType.ON);
        Await.until("lock 'n' go", () -> lock.actionsPerformed() == 4);
        command(device, CHANNEL_FULL_LOCK, OnOffType.ON);
        Await.until("full lock", () -> lock.actionsPerformed() == 5);
        assertThat(lock.actionsReceived(), contains(1, 2, 3, 4, 6));
        Await.until("all answered", () -> device.handler.actionCounters().succeeded() == 5);
        assertThat(device.handler.actionCounters().failed(), is(0L));
    }

    @Test
    void testIntermediateStatesAndTheUnlatchedEventReachRules() {
        Device device = onlineLock();
        command(device, CHANNEL_UNLATCH, OnOffType.ON);
        Await.until("back to unlocked", () -> lock.actionsPerformed() == 1
                && new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(device.history(CHANNEL_LOCK_STATE), hasItems("UNLATCHING", "UNLATCHED", "UNLOCKED"));
        Await.until("action answered", () -> device.handler.actionCounters().succeeded() == 1);
        assertThat(events(device, "UNLATCHED"), is(1L));
    }

    @Test
    void testUnlatchAllowedOffRefusesEveryWayOfOpeningTheDoor() {
        Device device = onlineLock(Map.of("secondUnlockUnlatches", 30, "unlatchAllowed", false));
        command(device, CHANNEL_UNLATCH, OnOffType.ON);
        command(device, CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.ON);
        assertThat(actions(device).unlatch(), is(false));
        assertThat(actions(device).lockNGo(true), is(false));
        // the gesture: unlock, then unlock again while unlocked, must not unlatch either
        assertThat(actions(device).unlock(), is(true));
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        actions(device).unlock();
        Await.until("refusals", () -> events(device, "UNLATCH_REFUSED") == 5);
        assertThat(lock.actionsReceived(), not(hasItems(3)));
        assertThat(lock.actionsReceived(), not(hasItems(5)));
    }

    @Test
    void testUnlatchOnlyWhenUnlockedRefusesOpeningFromLockedAndAllowsItFromUnlocked() {
        Device device = onlineLock(Map.of("unlatchOnlyWhenUnlocked", true, "secondUnlockUnlatches", 30));
        command(device, CHANNEL_UNLATCH, OnOffType.ON);
        command(device, CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.ON);
        assertThat(actions(device).unlatch(), is(false));
        assertThat(actions(device).lockNGo(true), is(false));
        Await.until("refusals", () -> events(device, "UNLATCH_REFUSED") == 4);
        assertThat(lock.actionsReceived(), is(empty()));

        // unlock first, then every way of opening works
        assertThat(actions(device).unlock(), is(true));
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(actions(device).unlatch(), is(true));
        Await.until("unlocked again", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(actions(device).unlock(), is(true)); // the second unlock within 30 s: opens
        Await.until("unlocked after the gesture", () -> lock.actionsPerformed() == 3
                && new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(actions(device).lockNGo(true), is(true));
        assertThat(lock.actionsReceived(), contains(1, 3, 3, 5));
        assertThat(events(device, "UNLATCH_REFUSED"), is(4L));
    }

    @Test
    void testWhoMovedTheLockReachesRules() {
        Device device = onlineLock();
        lock.keypad(1, 4711, 8193, true);
        Await.until("attribution", () -> device.events.contains("action-event:UNLOCK:FINGERPRINT"));
        assertThat(device.state(CHANNEL_LAST_ACTION), is(new StringType("UNLOCK")));
        assertThat(device.state(CHANNEL_LAST_ACTION_TRIGGER), is(new StringType("FINGERPRINT")));
        assertThat(device.state(CHANNEL_LAST_ACTION_AUTH_ID), is(new DecimalType(4711)));
        assertThat(device.state(CHANNEL_LAST_ACTION_CODE_ID), is(new DecimalType(8193)));
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        lock.pressButton(2);
        Await.until("button", () -> device.events.contains("action-event:BUTTON_PRESS:2"));
        command(device, CHANNEL_LOCK, OnOffType.ON);
        Await.until("by openHAB", () -> device.events.contains("action-event:LOCK:MQTT"));
    }

    @Test
    void testTheLastWillTakesTheLockOfflineAndItComesBack() throws Exception {
        Device device = onlineLock();
        lock.drop();
        Await.until("offline", () -> device.statusValue() == ThingStatus.OFFLINE);
        assertThat(device.status.get().getStatusDetail(), is(ThingStatusDetail.COMMUNICATION_ERROR));
        assertThat(device.status.get().getDescription(), is("@text/offline.device.mqtt-disconnected"));
        command(device, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("failed at once", () -> device.events.contains("event:ACTION_FAILED"));
        lock.back().get();
        Await.until("online again", () -> device.statusValue() == ThingStatus.ONLINE);
        assertThat(lock.actionsReceived(), is(empty()));
    }

    @Test
    void testAnErrorCodeIsAFailedActionAndTheChannelsShowTheTruth() {
        Device device = onlineLock();
        lock.refuseWith(66);
        assertThat(actions(device).unlock(), is(false));
        Await.until("failure event", () -> device.events.contains("event:ACTION_FAILED"));
        assertThat(device.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(device.state(CHANNEL_LOCK), is(OnOffType.ON));
        lock.refuseWith(0);
        assertThat(actions(device).unlock(), is(true));
    }

    @Test
    void testAllowLockingOffEndsAsAFailedActionNeverAsAStateTheLockIsNotIn() {
        Device device = onlineLock();
        lock.setAllowLocking(false);
        command(device, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("failed after the timeout", () -> device.events.contains("event:ACTION_FAILED"),
                Duration.ofSeconds(15));
        assertThat(device.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(device.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(lock.actionsPerformed(), is(0));
    }

    @Test
    void testDuplicateDeliveriesNeverMakeTheBindingSendAnActionTwice() {
        Device device = onlineLock();
        lock.setDuplicates(true);
        for (int i = 0; i < 3; i++) {
            command(device, CHANNEL_UNLOCK, OnOffType.ON);
            Await.until("unlocked",
                    () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)) && !lock.isBusy());
            command(device, CHANNEL_LOCK, OnOffType.ON);
            Await.until("locked", () -> new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE))
                    && !lock.isBusy() && device.handler.actionCounters().succeeded()
                            + device.handler.actionCounters().failed() == 2L * (lock.actionsReceived().size() / 2));
        }
        Await.until("all ended",
                () -> device.handler.actionCounters().succeeded() + device.handler.actionCounters().failed() == 6);
        assertThat(lock.actionsReceived(), is(List.of(1, 2, 1, 2, 1, 2)));
    }

    @Test
    void testTheBrokerRestartingTakesTheBridgeOfflineAndBack() throws Exception {
        Device device = onlineLock();
        int connects = lock.connects();
        harness.broker.stop();
        Await.until("bridge offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        harness.broker.start();
        // a memory broker forgets every retained topic: the lock publishes them again when it is back
        Await.until("the lock back on the broker", () -> lock.connects() > connects, Duration.ofSeconds(20));
        Await.until("bridge online again", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE,
                Duration.ofSeconds(20));
        Await.until("lock online again", () -> device.statusValue() == ThingStatus.ONLINE, Duration.ofSeconds(20));
        assertThat(actions(device).unlock(), is(true));
        assertThat(lock.actionsReceived(), contains(1));
    }
}
