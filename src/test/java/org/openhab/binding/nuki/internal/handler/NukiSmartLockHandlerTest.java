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
package org.openhab.binding.nuki.internal.handler;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.mockito.Mockito.when;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.nuki.internal.api.client.ListSnapshot;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.simulator.AdjustableClock;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.UnDefType;

/**
 * The bridge and smart-lock handlers with a mocked framework, against the simulator: every channel, every command
 * path, every refusal, bridge offline and back, wrong token and clock skew, unknown device type and hex ids.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiSmartLockHandlerTest {

    private static final String TOKEN = "handler-token";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final long PLAIN_LOCK = 0x0C0FFEEL;
    private static final long STRANGE = 0x55555555L;

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-01-10T08:00:00Z"));
    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    @TempDir
    @NonNullByDefault({})
    Path folder;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN, AdjustableClock.system(), InetAddress.getLoopbackAddress());
        simulator.addDevice(
                SimulatedDevice.smartLock(LOCK, 4, "Front door").withDoorSensor().withKeypad().withBatteryCharge());
        simulator.addDevice(SimulatedDevice.smartLock(PLAIN_LOCK, 0, "Cellar").withoutLastKnownState());
        simulator.addDevice(SimulatedDevice.smartLock(STRANGE, 5, "Gadget"));
        simulator.setActionStepDelay(Duration.ofMillis(30));
        harness = new HandlerHarness(simulator, clock, folder.resolve("unlatch-allowed.properties"));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Device onlineLock(Map<String, Object> extra) {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Map<String, Object> config = new HashMap<>(extra);
        config.putIfAbsent("nukiId", String.valueOf(LOCK));
        Device lock = harness.addSmartLock("front", config);
        harness.initialize(lock);
        Await.until("lock online with its state",
                () -> lock.statusValue() == ThingStatus.ONLINE && lock.state(CHANNEL_BATTERY_LEVEL) != null);
        return lock;
    }

    private Device onlineLock() {
        return onlineLock(Map.of());
    }

    private List<Integer> actionsReceived() {
        return simulator.stats().lockActions().stream().map(SimulatorStats.LockActionRecord::action).toList();
    }

    // ------------------------------------------------------------------ bridge

    @Test
    void testBridgeGoesOnlineWithPropertiesAndNoSecret() {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        assertThat(harness.bridgeProperties.get("firmwareVersion"), is("2.17.0"));
        assertThat(harness.bridgeProperties.get("bridgeType"), is("hardware"));
        assertThat(harness.bridgeProperties.get("bridgeId"), is(String.valueOf(simulator.serverId())));
        assertThat(harness.bridgeProperties.values(), not(hasItem(containsString(TOKEN))));
    }

    @Test
    void testWrongTokenSaysSo() {
        harness.bridgeConfiguration.put("apiToken", "wrong");
        harness.initializeBridge();
        Await.until("bridge offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
        assertThat(harness.bridgeStatus.get().getDescription(), is("@text/offline.bridge.unauthorized"));
    }

    @Test
    void testClockSkewSaysByHowMuch() {
        simulator.setClockSkew(Duration.ofSeconds(-300));
        harness.initializeBridge();
        Await.until("bridge offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        String description = harness.bridgeStatus.get().getDescription();
        assertThat(description, startsWith("@text/offline.bridge.clock-behind [\""));
        assertThat(description, endsWith("\", \"encrypted\"]"));
        int seconds = Integer.parseInt(description.replaceAll(".*\\[\"(\\d+)\".*", "$1"));
        assertThat(seconds, is(both(greaterThanOrEqualTo(298)).and(lessThanOrEqualTo(302))));
    }

    @Test
    void testMissingSettingsAreConfigurationErrors() {
        harness.bridgeConfiguration.put("authentication", "magic");
        harness.initializeBridge();
        assertThat(harness.bridgeStatus.get().getDescription(),
                is("@text/offline.bridge.bad-authentication [\"magic\"]"));
        harness.bridgeConfiguration.put("ip", "");
        harness.initializeBridge();
        assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
        assertThat(simulator.stats().totalRequests(), is(0));
    }

    @Test
    void testBridgeOfflineAndBackTakesTheChildren() throws IOException {
        Device lock = onlineLock();
        simulator.down();
        harness.bridgeHandler.reconcileSoon();
        Await.until("bridge offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        assertThat(harness.bridgeStatus.get().getDescription(),
                is("@text/offline.bridge.unreachable [\"127.0.0.1:" + simulator.port() + "\"]"));
        Await.until("child follows", () -> lock.status.get().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE);
        simulator.up();
        harness.bridgeHandler.reconcileSoon();
        Await.until("both back",
                () -> harness.bridgeStatusValue() == ThingStatus.ONLINE && lock.statusValue() == ThingStatus.ONLINE);
    }

    // ------------------------------------------------------------------ channels

    @Test
    void testEveryChannelFromTheBridgesState() {
        Device lock = onlineLock();
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(lock.state(CHANNEL_UNLOCK), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_LOCK_N_GO), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_LOCK_N_GO_UNLATCH), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.state(CHANNEL_DOOR_SENSOR), is(OpenClosedType.CLOSED));
        assertThat(lock.state(CHANNEL_DOOR_SENSOR_STATE), is(new StringType("DOOR_CLOSED")));
        assertThat(lock.state(CHANNEL_BATTERY_LEVEL), is(new QuantityType<>(80, Units.PERCENT)));
        assertThat(lock.state(CHANNEL_LOW_BATTERY), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_BATTERY_CHARGING), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_KEYPAD_LOW_BATTERY), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_UNLATCH_ALLOWED), is(OnOffType.ON));
        assertThat(lock.properties.get("name"), is("Front door"));
        assertThat(lock.properties.get("deviceType"), is("4"));
    }

    @Test
    void testDoorSensorAndBatteryChanges() {
        Device lock = onlineLock();
        simulator.changeDoorSensor(LOCK, 3);
        simulator.changeBattery(LOCK, true, 9, true);
        simulator.changeKeypadBattery(LOCK, true);
        harness.bridgeHandler.reconcileSoon();
        // the changes may arrive as separate pushes, and the channels of one update one after another
        Await.until("all changes arrived",
                () -> OpenClosedType.OPEN.equals(lock.state(CHANNEL_DOOR_SENSOR))
                        && new QuantityType<>(9, Units.PERCENT).equals(lock.state(CHANNEL_BATTERY_LEVEL))
                        && OnOffType.ON.equals(lock.state(CHANNEL_LOW_BATTERY))
                        && OnOffType.ON.equals(lock.state(CHANNEL_BATTERY_CHARGING))
                        && OnOffType.ON.equals(lock.state(CHANNEL_KEYPAD_LOW_BATTERY)));
        simulator.changeDoorSensor(LOCK, 5);
        harness.bridgeHandler.reconcileSoon();
        Await.until("door undefined while calibrating",
                () -> new StringType("CALIBRATING").equals(lock.state(CHANNEL_DOOR_SENSOR_STATE)));
        assertThat(lock.state(CHANNEL_DOOR_SENSOR), is(UnDefType.UNDEF));
    }

    @Test
    void testDeviceWithoutStateShowsUndefNotUnlocked() {
        harness.initializeBridge();
        Device cellar = harness.addSmartLock("cellar", Map.of("nukiId", String.valueOf(PLAIN_LOCK)));
        harness.initialize(cellar);
        Await.until("cellar online", () -> cellar.statusValue() == ThingStatus.ONLINE
                && cellar.state(CHANNEL_LOCK_N_GO_UNLATCH) != null && cellar.state(CHANNEL_LOCK_STATE) != null);
        assertThat(cellar.state(CHANNEL_LOCK), is(UnDefType.UNDEF));
        assertThat(cellar.state(CHANNEL_LOCK_STATE), is(UnDefType.UNDEF));
        assertThat(cellar.history(CHANNEL_LOCK), not(hasItem("OFF")));
    }

    @Test
    void testRefreshIsAnsweredFromTheCacheWithoutAskingTheBridge() {
        Device lock = onlineLock();
        // let the start-up traffic (callback registration) finish first
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        Await.until("bridge quiet", () -> harness.bridgeHandler.client().queue().isIdle());
        int before = simulator.stats().totalRequests();
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), RefreshType.REFRESH);
        lock.handler.handleCommand(lock.channel(CHANNEL_DOOR_SENSOR), RefreshType.REFRESH);
        lock.handler.channelLinked(lock.channel(CHANNEL_LOCK_STATE));
        assertThat(simulator.stats().totalRequests(), is(before));
        assertThat(simulator.stats().requestCount("/lockState"), is(0));
        assertThat(lock.history(CHANNEL_LOCK).get(lock.history(CHANNEL_LOCK).size() - 1), is("ON"));
    }

    // ------------------------------------------------------------------ commands

    @Test
    void testLockOffUnlocksAndNeverUnlatches() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        assertThat(actionsReceived(), contains(1));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_UNLOCK), is(OnOffType.ON));
        assertThat(lock.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
        // the intermediate state was shown before the final one
        assertThat(lock.history(CHANNEL_LOCK_STATE), hasItems("UNLOCKING", "UNLOCKED"));
        // the event follows the states it describes
        Await.until("event", () -> lock.events.contains("event:UNLOCKED"));

        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.ON);
        Await.until("locked", () -> new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        assertThat(actionsReceived(), contains(1, 2));
        assertThat(lock.history(CHANNEL_LOCK_STATE), hasItem("LOCKING"));
    }

    @Test
    void testUnlockChannel() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("unlocked", () -> OnOffType.ON.equals(lock.state(CHANNEL_UNLOCK)));
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.OFF);
        Await.until("locked", () -> OnOffType.ON.equals(lock.state(CHANNEL_LOCK)) && actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 2));
    }

    @Test
    void testUnlatchChannelOpensTheDoor() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("one action", () -> actionsReceived().size() == 1);
        assertThat(actionsReceived(), contains(3));
        Await.until("final state", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        assertThat(lock.history(CHANNEL_UNLATCH), hasItem("ON"));
        assertThat(lock.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
    }

    /**
     * Waits until every callback the bridge sent so far was handled: callbacks reach the handler in order, so once a
     * marker pushed after them (the door opening by hand) shows, the ones before it were handled too.
     */
    private void awaitPushesHandled(Device lock) {
        Await.until("the action's pushes sent", () -> simulator.pendingCallbacks() == 0);
        simulator.changeDoorSensor(LOCK, 3);
        Await.until("marker handled", () -> OpenClosedType.OPEN.equals(lock.state(CHANNEL_DOOR_SENSOR)));
    }

    private long eventCount(Device lock, String event) {
        return lock.events.stream().filter(("event:" + event)::equals).count();
    }

    @Test
    void testAnUnlatchThroughOpenhabFiresUnlatchedOnceWhenOnlyTheFinalStateIsPushed() {
        Device lock = onlineLock();
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("unlatched event", () -> lock.events.contains("event:UNLATCHED"));
        Await.until("final state", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        awaitPushesHandled(lock);
        assertThat(eventCount(lock, "UNLATCHED"), is(1L));
        assertThat(eventCount(lock, "UNLOCKED"), is(1L));
        assertThat(lock.events.indexOf("event:UNLATCHED"), lessThan(lock.events.indexOf("event:UNLOCKED")));
    }

    @Test
    void testAnUnlatchWhosePushOvertakesTheAnswerStillTellsTheOpeningFirst() {
        Device lock = onlineLock();
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        simulator.setActionAnswerDelay(Duration.ofMillis(500));
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("both events",
                () -> lock.events.contains("event:UNLATCHED") && lock.events.contains("event:UNLOCKED"));
        Await.until("the action answered", () -> lock.handler.actionCounters().succeeded() == 1);
        awaitPushesHandled(lock);
        assertThat(eventCount(lock, "UNLATCHED"), is(1L));
        assertThat(eventCount(lock, "UNLOCKED"), is(1L));
        assertThat(lock.events.indexOf("event:UNLATCHED"), lessThan(lock.events.indexOf("event:UNLOCKED")));
    }

    @Test
    void testAPushFromBeforeAnActionArrivingAfterItsAnswerNeverShowsTheOlderStateAgain() {
        Device lock = onlineLock();
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        // the door opens while locked; its push is held up on the way
        simulator.holdPushes();
        simulator.changeDoorSensor(LOCK, 3);
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("the unlock answered", () -> lock.handler.actionCounters().succeeded() == 1);
        Await.until("the answer's state shown",
                () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        int shownAtAnswer = lock.history(CHANNEL_LOCK_STATE).size();
        // now the push from before the unlock (locked, door open) arrives, then the unlock's own push
        simulator.releasePushes();
        Await.until("the pushes sent", () -> simulator.pendingCallbacks() == 0);
        simulator.changeDoorSensor(LOCK, 2);
        Await.until("marker handled", () -> OpenClosedType.CLOSED.equals(lock.state(CHANNEL_DOOR_SENSOR)));
        List<String> history = lock.history(CHANNEL_LOCK_STATE);
        assertThat("lock states after the answer: " + history, history.subList(shownAtAnswer, history.size()),
                everyItem(is("UNLOCKED")));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.OFF));
        assertThat(eventCount(lock, "LOCKED"), is(0L));
    }

    @Test
    void testAnUnlatchOfAnUnlockedLockFiresUnlatchedOnce() {
        Device lock = onlineLock();
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("unlocked", () -> lock.events.contains("event:UNLOCKED"));
        // unlocked to unlocked: the bridge's push shows no change at all
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("unlatched event", () -> lock.events.contains("event:UNLATCHED"));
        awaitPushesHandled(lock);
        assertThat(eventCount(lock, "UNLATCHED"), is(1L));
        assertThat(actionsReceived(), contains(1, 3));
    }

    @Test
    void testAnUnlatchFiresUnlatchedOnceWhenTheBridgePushesEveryState() {
        simulator.setCallbacksOnIntermediateStates(true);
        Device lock = onlineLock();
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("unlatched event", () -> lock.events.contains("event:UNLATCHED"));
        Await.until("action answered", () -> lock.handler.actionCounters().succeeded() == 1);
        awaitPushesHandled(lock);
        assertThat(eventCount(lock, "UNLATCHED"), is(1L));
    }

    @Test
    void testTwoUnlatchesFireTwoEventsAndAFailedOneNone() {
        Device lock = onlineLock();
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("first answered", () -> lock.handler.actionCounters().succeeded() == 1);
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("second answered", () -> lock.handler.actionCounters().succeeded() == 2);
        simulator.setDeviceUnreachable(LOCK, true);
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("third failed", () -> lock.handler.actionCounters().failed() == 1);
        simulator.setDeviceUnreachable(LOCK, false);
        awaitPushesHandled(lock);
        assertThat(eventCount(lock, "UNLATCHED"), is(2L));
    }

    @Test
    void testLockNGoChannels() {
        Device lock = onlineLock();
        simulator.setLockNGoDelay(Duration.ofMillis(50));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK_N_GO), OnOffType.ON);
        Await.until("action", () -> actionsReceived().size() == 1);
        assertThat(lock.history(CHANNEL_LOCK_N_GO), hasItem("ON"));
        Await.until("locked again", () -> {
            harness.bridgeHandler.reconcileSoon();
            return new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE))
                    && OnOffType.OFF.equals(lock.state(CHANNEL_LOCK_N_GO));
        });
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
        Await.until("second action", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(4, 5));
        assertThat(lock.history(CHANNEL_LOCK_N_GO_UNLATCH), hasItem("ON"));
    }

    @Test
    void testFullLockIsNotOfferedByABridgeAndFailsWithoutAnAction() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_FULL_LOCK), OnOffType.ON);
        Await.until("failure event", () -> lock.events.contains("event:ACTION_FAILED"));
        Await.until("back to OFF", () -> OnOffType.OFF.equals(lock.state(CHANNEL_FULL_LOCK)));
        assertThat(actionsReceived(), is(empty()));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
    }

    @Test
    void testSecondUnlockWithinTheWindowUnlatches() {
        Device lock = onlineLock(Map.of("secondUnlockUnlatches", 5));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        clock.advance(Duration.ofSeconds(4));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("second action", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 3));
    }

    @Test
    void testSecondUnlockAfterTheWindowOnlyUnlocks() {
        Device lock = onlineLock(Map.of("secondUnlockUnlatches", 5));
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        clock.advance(Duration.ofSeconds(6));
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("second action", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 1));
    }

    @Test
    void testGestureIsOffByDefault() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("second action", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 1));
    }

    @Test
    void testGestureNeedsTheLockToBeUnlocked() {
        Device lock = onlineLock(Map.of("secondUnlockUnlatches", 30));
        // states come from the bridge's answers only: a callback carries no time, so one posted late would
        // (rightly) win over the poll below and make the test depend on the callback thread's speed
        simulator.setDropCallbacks(true);
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        simulator.changeState(LOCK, 1);
        harness.bridgeHandler.reconcileSoon();
        Await.until("locked by hand", () -> new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("second action", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 1));
    }

    @Test
    void testLegacyOptionMakesLockOffUnlatch() {
        Device lock = onlineLock(Map.of("unlatch", true));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("action", () -> actionsReceived().size() == 1);
        assertThat(actionsReceived(), contains(3));
    }

    @Test
    void testFailedCommandReturnsTheItemToTheRealState() {
        Device lock = onlineLock();
        simulator.setDeviceUnreachable(LOCK, true);
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("failure event", () -> lock.events.contains("event:ACTION_FAILED"));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.history(CHANNEL_LOCK), not(hasItem("OFF")));
        assertThat(lock.statusValue(), is(ThingStatus.ONLINE));
    }

    // ------------------------------------------------------------------ unlatch-allowed

    @Test
    void testUnlatchAllowedOffRefusesWithoutContactingTheBridge() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.OFF);
        lock.settle();
        assertThat(lock.state(CHANNEL_UNLATCH_ALLOWED), is(OnOffType.OFF));
        int before = simulator.stats().actionRequests();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH), OnOffType.ON);
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
        lock.settle();
        // background traffic (callback registration, reconciliation) may run; no move of the device may
        assertThat(simulator.stats().actionRequests(), is(before));
        assertThat(lock.events, contains("event:UNLATCH_REFUSED", "event:UNLATCH_REFUSED"));
        assertThat(lock.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_LOCK_N_GO_UNLATCH), is(OnOffType.OFF));
        // locking and unlocking still work
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("unlocked", () -> actionsReceived().size() == 1);
        assertThat(actionsReceived(), contains(1));
    }

    @Test
    void testUnlatchAllowedSurvivesARestartAndTheConfigurationWinsWhenChanged() {
        Device lock = onlineLock();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.OFF);
        harness.dispose(lock);
        Device again = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(LOCK)));
        harness.initialize(again);
        assertThat(again.state(CHANNEL_UNLATCH_ALLOWED), is(OnOffType.OFF));
        assertThat(again.handler.isUnlatchAllowed(), is(false));
        harness.dispose(again);
        // the user changes the configured initial value: it takes over
        Device configured = harness.addSmartLock("front",
                Map.of("nukiId", String.valueOf(LOCK), "unlatchAllowed", false));
        harness.initialize(configured);
        assertThat(configured.handler.isUnlatchAllowed(), is(false));
        configured.handler.handleCommand(configured.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.ON);
        harness.dispose(configured);
        Device last = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(LOCK), "unlatchAllowed", false));
        harness.initialize(last);
        assertThat(last.handler.isUnlatchAllowed(), is(true));
    }

    // ------------------------------------------------------------------ ids and types

    @Test
    void testSavingTheConfigurationBringsTheLockBackOnlineAtOnceFromTheBridgesCache() {
        Device lock = onlineLock();
        int listsBefore = simulator.stats().requestCount("/list");
        harness.reconfigure(lock, Map.of("secondUnlockUnlatches", 5));
        // no poll needed: the bridge knows the device's last entry
        Await.until("online again", () -> lock.statusValue() == ThingStatus.ONLINE, Duration.ofSeconds(1));
        assertThat(simulator.stats().requestCount("/list"), is(listsBefore));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));

        // and it takes commands again, with the new configuration: a second unlock within 5 s unlatches
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("two actions", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 3));
    }

    @Test
    void testChangingTheIdServesTheOtherDeviceAtOnce() {
        Device lock = onlineLock();
        Await.until("cellar listed", () -> harness.bridgeHandler.entry(STRANGE) != null);
        harness.reconfigure(lock, Map.of("nukiId", String.valueOf(STRANGE)));
        Await.until("online as the other device",
                () -> lock.statusValue() == ThingStatus.ONLINE && "Gadget".equals(lock.properties.get("name")),
                Duration.ofSeconds(1));
        // pushes for the new id reach it, pushes for the old one no longer do
        harness.bridgeHandler.onCallback(callbackBody(STRANGE, 3));
        Await.until("pushed state", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        harness.bridgeHandler.onCallback(callbackBody(LOCK, 1));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("UNLOCKED")));
    }

    private static DeviceStateDto callbackBody(long nukiId, int state) {
        DeviceStateDto body = new DeviceStateDto();
        body.nukiId = nukiId;
        body.deviceType = 4;
        body.mode = 2;
        body.state = state;
        return body;
    }

    @Test
    void testHexIdFromTheAppIsAccepted() {
        Device lock = onlineLock(Map.of("nukiId", "1a2b3c4d"));
        assertThat(lock.handler.nukiId(), is(LOCK));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
    }

    @Test
    void testUnreadableIdIsAConfigurationError() {
        harness.initializeBridge();
        Device lock = harness.addSmartLock("front", Map.of("nukiId", "front door"));
        harness.initialize(lock);
        assertThat(lock.status.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
        assertThat(lock.status.get().getDescription(), is("@text/offline.device.bad-id [\"front door\"]"));
    }

    @Test
    void testDeviceTheBridgeDoesNotKnow() {
        harness.initializeBridge();
        Device lock = harness.addSmartLock("ghost", Map.of("nukiId", "12345"));
        harness.initialize(lock);
        harness.bridgeHandler.reconcileSoon();
        Await.until("gone", () -> lock.status.get().getStatusDetail() == ThingStatusDetail.GONE);
        assertThat(lock.status.get().getDescription(), is("@text/offline.device.not-paired [\"00003039\"]"));
    }

    @Test
    void testUnknownDeviceTypeIsASmartLock() {
        Device lock = onlineLock(Map.of("nukiId", String.valueOf(STRANGE)));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("action", () -> actionsReceived().size() == 1);
        assertThat(simulator.stats().lockActions().get(0).deviceType(), is(5));
    }

    @Test
    void testAnOpenerIdOnASmartLockThingIsAConfigurationError() {
        simulator.addDevice(SimulatedDevice.opener(0x7777L, "Gate"));
        harness.initializeBridge();
        Device lock = harness.addSmartLock("gate", Map.of("nukiId", "0x7777"));
        harness.initialize(lock);
        harness.bridgeHandler.reconcileSoon();
        Await.until("error", () -> lock.status.get().getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(lock.status.get().getDescription(), is("@text/offline.device.is-opener"));
    }

    @Test
    void testAPushedOpenerStateDoesNotReachASmartLockThing() {
        simulator.addDevice(SimulatedDevice.opener(0x7777L, "Gate"));
        harness.initializeBridge();
        Device lock = harness.addSmartLock("gate", Map.of("nukiId", "0x7777"));
        harness.initialize(lock);
        harness.bridgeHandler.reconcileSoon();
        Await.until("error", () -> lock.status.get().getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR);
        DeviceStateDto pushed = new DeviceStateDto();
        pushed.nukiId = 0x7777L;
        pushed.deviceType = 2;
        pushed.mode = 2;
        pushed.state = 3;
        harness.bridgeHandler.onCallback(pushed);
        lock.settle();
        assertThat(lock.status.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(nullValue()));
    }

    @Test
    void testStatesPushedByCallbackAreShownAtOnce() {
        Device lock = onlineLock();
        DeviceStateDto pushed = new DeviceStateDto();
        pushed.nukiId = LOCK;
        pushed.deviceType = 4;
        pushed.mode = 2;
        pushed.state = 254;
        pushed.batteryCritical = false;
        harness.bridgeHandler.onCallback(pushed);
        lock.settle();
        assertThat(lock.state(CHANNEL_LOCK), is(UnDefType.UNDEF));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("MOTOR_BLOCKED")));
        assertThat(lock.events, hasItem("event:MOTOR_BLOCKED"));
    }

    @Test
    void testAnOlderStateIsNeverPublishedAfterANewerOne() throws Exception {
        Device lock = onlineLock();
        ThingUID uid = lock.thing.getUID();
        // the first channel update of the older state stops before it reaches the framework, as a preempted
        // scheduler thread would, while the newer state arrives
        CountDownLatch olderStopped = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        when(lock.thing.getUID()).thenAnswer(invocation -> {
            boolean publishing = StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(frame -> frame.getClassName().endsWith("NukiDeviceHandler")
                            && "publish".equals(frame.getMethodName())));
            if (publishing && armed.compareAndSet(true, false)) {
                olderStopped.countDown();
                goOn.await(10, TimeUnit.SECONDS);
            }
            return uid;
        });
        try {
            armed.set(true);
            lock.handler.onCallbackState(pushedState(3));
            assertThat(olderStopped.await(10, TimeUnit.SECONDS), is(true));
            ExecutorService threads = Executors.newSingleThreadExecutor();
            try {
                // the newer state arrives on another thread while the older one is being published
                threads.submit(() -> lock.handler.onCallbackState(pushedState(1))).get(10, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            // it waits for its turn
            // (a reconciliation may be waiting too)
            assertThat(lock.handler.inputsWaiting(), greaterThanOrEqualTo(2));
        } finally {
            goOn.countDown();
        }
        lock.settle();
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(lock.state(CHANNEL_UNLOCK), is(OnOffType.OFF));
        // the older state was published first, and only the newer one after it
        List<String> history = lock.history(CHANNEL_LOCK_STATE);
        int older = history.lastIndexOf("UNLOCKED");
        assertThat(history.toString(), older, greaterThanOrEqualTo(0));
        List<String> after = history.subList(older + 1, history.size());
        assertThat(history.toString(), after, both(not(empty())).and(everyItem(is("LOCKED"))));
    }

    @Test
    void testAPollAskedForBeforeAPushDoesNotOverwriteIt() {
        Device lock = onlineLock();
        long pollAskedFor = System.nanoTime();
        // the bridge pushes LOCKED while the poll waits for its answer, which the bridge wrote before the change
        lock.handler.onCallbackState(pushedState(1));
        lock.handler.onBridgeEntry(listed(3), pollAskedFor);
        lock.settle();
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(lock.history(CHANNEL_LOCK_STATE), not(hasItem("UNLOCKED")));
    }

    @Test
    void testAnAnswerToAnOlderPollDoesNotOverwriteANewerPoll() {
        Device lock = onlineLock();
        long olderPoll = System.nanoTime();
        long newerPoll = System.nanoTime() + 1;
        lock.handler.onBridgeEntry(listed(1), newerPoll);
        lock.handler.onBridgeEntry(listed(3), olderPoll);
        lock.settle();
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.history(CHANNEL_LOCK_STATE), not(hasItem("UNLOCKED")));
    }

    @Test
    void testTheBridgeKeepsTheNewerOfTwoListsThatArriveOutOfOrder() {
        Device lock = onlineLock();
        long older = System.nanoTime();
        long newer = older + 1;
        ListEntryDto renamed = listed(1);
        renamed.name = "Renamed in the app";
        harness.bridgeHandler.onList(new ListSnapshot(List.of(renamed), newer));
        harness.bridgeHandler.onList(new ListSnapshot(List.of(listed(3)), older));
        lock.settle();
        assertThat(Objects.requireNonNull(harness.bridgeHandler.entry(LOCK)).name, is("Renamed in the app"));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
    }

    @Test
    void testAPollAskedForAfterAPushIsApplied() {
        Device lock = onlineLock();
        lock.handler.onCallbackState(pushedState(3));
        lock.handler.onBridgeEntry(listed(1), System.nanoTime());
        lock.settle();
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
    }

    @Test
    void testAStalePollCannotTurnAHandLockIntoAnUnlatch() {
        // the race CI once hit, made certain: a poll answered UNLOCKED before the lock was locked by hand, and its
        // answer arrives after that of a newer poll saying LOCKED; the gesture must see the lock locked and only unlock
        Device lock = onlineLock(Map.of("secondUnlockUnlatches", 30));
        simulator.setDropCallbacks(true);
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        // every poll asked for until now is answered, so one asked for now could have been answered UNLOCKED
        Await.until("no request left", () -> Objects.requireNonNull(harness.bridgeHandler.client()).queue().isIdle());
        long pollAskedFor = System.nanoTime();
        simulator.changeState(LOCK, 1);
        harness.bridgeHandler.reconcileSoon();
        Await.until("locked by hand", () -> new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        lock.handler.onBridgeEntry(listed(3), pollAskedFor);
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("second action", () -> actionsReceived().size() == 2);
        assertThat(actionsReceived(), contains(1, 1));
    }

    private static ListEntryDto listed(int state) {
        ListEntryDto entry = new ListEntryDto();
        entry.nukiId = LOCK;
        entry.deviceType = 4;
        entry.name = "Front door";
        entry.lastKnownState = pushedState(state);
        return entry;
    }

    private static DeviceStateDto pushedState(int state) {
        DeviceStateDto pushed = new DeviceStateDto();
        pushed.nukiId = LOCK;
        pushed.deviceType = 4;
        pushed.mode = 2;
        pushed.state = state;
        pushed.batteryCritical = false;
        return pushed;
    }
}
