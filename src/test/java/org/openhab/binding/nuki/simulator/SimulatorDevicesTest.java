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
package org.openhab.binding.nuki.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.CallbackReceiver;
import org.openhab.binding.nuki.test.RawBridgeRequests;
import org.openhab.binding.nuki.test.RawBridgeRequests.Answer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Devices of the simulator: the fields each kind reports, the shapes seen in the wild, the state machines of the
 * lock actions with their intermediate states, the opener, and device faults.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorDevicesTest {

    private static final String TOKEN = "abcdef123456";
    private static final long LOCK = 0x11111111L;
    private static final long PLAIN_LOCK = 0x22222222L;
    private static final long OPENER = 0x33333333L;
    private static final long STRANGE = 0x44444444L;

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2025-01-05T10:00:00Z"));
    private final NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN, clock,
            InetAddress.getLoopbackAddress());
    private @NonNullByDefault({}) RawBridgeRequests bridge;
    private @NonNullByDefault({}) CallbackReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, SimulatedDevice.TYPE_SMARTLOCK3, "Front").withDoorSensor()
                .withKeypad().withBatteryCharge());
        simulator.addDevice(SimulatedDevice.smartLock(PLAIN_LOCK, SimulatedDevice.TYPE_SMARTLOCK, "Hof")
                .withoutLastKnownState().withoutFirmwareVersion().withKnob());
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Street"));
        simulator.addDevice(SimulatedDevice.smartLock(STRANGE, 5, "").withoutDeviceTypeField());
        simulator.start();
        bridge = new RawBridgeRequests(simulator.baseUri());
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    private Answer call(String path, String query) throws IOException, InterruptedException {
        return bridge.plain(path, query, TOKEN);
    }

    private JsonObject entry(long nukiId) throws IOException, InterruptedException {
        Answer list = call("/list", "");
        assertThat(list.status(), is(200));
        return StreamSupport.stream(list.json().getAsJsonArray().spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(e -> e.get("nukiId").getAsLong() == nukiId).findFirst().orElseThrow();
    }

    private int listedState(long nukiId) throws IOException, InterruptedException {
        return entry(nukiId).getAsJsonObject("lastKnownState").get("state").getAsInt();
    }

    private List<Integer> callbackStates() {
        return receiver.bodies().stream().map(body -> JsonParser.parseString(body).getAsJsonObject())
                .map(json -> json.get("state").getAsInt()).toList();
    }

    @Test
    void testListReportsOnlyTheFieldsADeviceHas() throws Exception {
        JsonObject lock = entry(LOCK);
        assertThat(lock.get("deviceType").getAsInt(), is(4));
        assertThat(lock.get("name").getAsString(), is("Front"));
        assertThat(lock.has("firmwareVersion"), is(true));
        JsonObject state = lock.getAsJsonObject("lastKnownState");
        assertThat(state.keySet(),
                containsInAnyOrder("mode", "state", "stateName", "batteryCritical", "batteryCharging",
                        "batteryChargeState", "keypadBatteryCritical", "doorsensorState", "doorsensorStateName",
                        "timestamp"));
        assertThat(state.get("stateName").getAsString(), is("locked"));
        assertThat(state.get("doorsensorStateName").getAsString(), is("door closed"));
        assertThat(state.get("timestamp").getAsString(), is("2025-01-05T10:00:00+00:00"));

        JsonObject opener = entry(OPENER).getAsJsonObject("lastKnownState");
        assertThat(opener.keySet(),
                containsInAnyOrder("mode", "state", "stateName", "batteryCritical", "ringactionState", "timestamp"));
        assertThat(opener.get("stateName").getAsString(), is("online"));
    }

    @Test
    void testShapesSeenInTheWild() throws Exception {
        JsonObject hof = entry(PLAIN_LOCK);
        assertThat(hof.has("lastKnownState"), is(false));
        assertThat(hof.has("firmwareVersion"), is(false));
        JsonObject strange = entry(STRANGE);
        assertThat(strange.has("deviceType"), is(false));
        assertThat(strange.get("name").getAsString(), is(""));
        // the unknown type 5 is still addressed with its type and behaves as a smart lock
        assertThat(call("/lockAction", "nukiId=" + STRANGE + "&deviceType=5&action=1").status(), is(200));
        assertThat(listedState(STRANGE), is(3));
    }

    @Test
    void testLockStateAnswersLiveStateWithSuccessAndWithoutTimestamp() throws Exception {
        JsonObject state = call("/lockState", "nukiId=" + LOCK + "&deviceType=4").json().getAsJsonObject();
        assertThat(state.get("success").getAsBoolean(), is(true));
        assertThat(state.get("state").getAsInt(), is(1));
        assertThat(state.has("timestamp"), is(false));
    }

    @Test
    void testAddressingErrors() throws Exception {
        // an opener addressed without deviceType=2 is not found: deviceType defaults to 0
        assertThat(call("/lockAction", "nukiId=" + OPENER + "&action=1").status(), is(404));
        assertThat(call("/lockState", "nukiId=" + OPENER).status(), is(404));
        assertThat(call("/lockState", "nukiId=999").status(), is(404));
        assertThat(call("/lockState", "nukiId=abc").status(), is(400));
        assertThat(call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=6").status(), is(400));
        assertThat(call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=0").status(), is(400));
        Answer bad = call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=x");
        assertThat(bad.status(), is(400));
        assertThat(bad.body(), is("HTTP 400 Bad Request"));
        assertThat(bridge.get("/").status(), is(400));
        assertThat(call("/nothing", "").status(), is(404));
    }

    @Test
    void testUnlockGoesThroughUnlockingAndReportsTheFinalState() throws Exception {
        simulator.registerCallback(receiver.url("/cb"));
        simulator.setCallbacksOnIntermediateStates(true);
        Answer answer = call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1");
        assertThat(answer.json().getAsJsonObject().get("success").getAsBoolean(), is(true));
        assertThat(answer.json().getAsJsonObject().has("batteryCritical"), is(true));
        assertThat(listedState(LOCK), is(3));
        Await.until("two callbacks", () -> receiver.received().size() == 2);
        assertThat(callbackStates(), contains(2, 3));
        SimulatorStats.LockActionRecord record = simulator.stats().lockActions().get(0);
        assertThat(record.action(), is(1));
        assertThat(record.nukiId(), is(LOCK));
        assertThat(record.nowait(), is(false));
    }

    @Test
    void testUnlatchPassesUnlatchingAndUnlatchedButOnlyTheFinalStateIsPostedByDefault() throws Exception {
        simulator.registerCallback(receiver.url("/cb"));
        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=3");
        Await.until("final callback", () -> !receiver.received().isEmpty());
        assertThat(callbackStates(), contains(3));

        simulator.setCallbacksOnIntermediateStates(true);
        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=2");
        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=3");
        Await.until("all states", () -> receiver.received().size() == 6);
        assertThat(callbackStates(), contains(3, 4, 1, 7, 5, 3));
    }

    @Test
    void testLockNGoUnlocksWaitsAndLocks() throws Exception {
        simulator.registerCallback(receiver.url("/cb"));
        simulator.setCallbacksOnIntermediateStates(true);
        simulator.setLockNGoDelay(Duration.ofMillis(100));
        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=4");
        Await.until("relocked", () -> simulator.device(LOCK).state() == 1 && receiver.received().size() == 4);
        assertThat(callbackStates(), contains(2, 6, 4, 1));

        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=5");
        Await.until("relocked again", () -> callbackStates().size() == 9);
        assertThat(callbackStates().subList(4, 9), contains(7, 5, 6, 4, 1));
    }

    @Test
    void testNowaitAnswersBeforeTheMotorIsDone() throws Exception {
        simulator.setActionStepDelay(Duration.ofMillis(300));
        Answer answer = call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1&nowait=1");
        assertThat(answer.status(), is(200));
        assertThat(simulator.device(LOCK).state(), is(2));
        Await.until("unlocked", () -> simulator.device(LOCK).state() == 3);
        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=2&noWait=1");
        assertThat(simulator.device(LOCK).state(), is(4));
        assertThat(simulator.stats().lockActions().get(1).nowait(), is(true));
    }

    @Test
    void testWaitingActionAnswersWhenTheMotorIsDone() throws Exception {
        simulator.setActionStepDelay(Duration.ofMillis(100));
        call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1");
        assertThat(simulator.device(LOCK).state(), is(3));
    }

    @Test
    void testSimpleLockAndUnlockFollowTheDoor() throws Exception {
        // a lock behind a door with a handle unlocks, one behind a knob unlatches
        call("/unlock", "nukiId=" + LOCK + "&deviceType=4");
        call("/unlock", "nukiId=" + PLAIN_LOCK);
        assertThat(simulator.stats().lockActions().stream().map(SimulatorStats.LockActionRecord::action).toList(),
                contains(1, 3));
        call("/lock", "nukiId=" + LOCK + "&deviceType=4");
        assertThat(simulator.device(LOCK).state(), is(1));
    }

    @Test
    void testOpenerRingToOpenContinuousModeAndElectricStrike() throws Exception {
        String opener = "nukiId=" + OPENER + "&deviceType=2";
        call("/lockAction", opener + "&action=1");
        assertThat(simulator.device(OPENER).state(), is(3));
        call("/lockAction", opener + "&action=2");
        assertThat(simulator.device(OPENER).state(), is(1));
        call("/lockAction", opener + "&action=4");
        assertThat(simulator.device(OPENER).mode(), is(3));
        assertThat(entry(OPENER).getAsJsonObject("lastKnownState").get("stateName").getAsString(), is("rto active"));
        call("/lock", opener);
        assertThat(simulator.device(OPENER).mode(), is(2));
        assertThat(simulator.device(OPENER).state(), is(1));

        simulator.registerCallback(receiver.url("/cb"));
        simulator.setCallbacksOnIntermediateStates(true);
        call("/unlock", opener);
        Await.until("strike states", () -> receiver.received().size() == 3);
        assertThat(callbackStates(), contains(7, 5, 1));
        assertThat(simulator.stats().lockActions().get(4).action(), is(3));
    }

    @Test
    void testRingActionStateResetsAfterThirtySeconds() throws Exception {
        simulator.ring(OPENER);
        JsonObject state = entry(OPENER).getAsJsonObject("lastKnownState");
        assertThat(state.get("ringactionState").getAsBoolean(), is(true));
        assertThat(state.get("ringactionTimestamp").getAsString(), is("2025-01-05T10:00:00+00:00"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(entry(OPENER).getAsJsonObject("lastKnownState").get("ringactionState").getAsBoolean(), is(true));
        clock.advance(Duration.ofSeconds(1));
        assertThat(entry(OPENER).getAsJsonObject("lastKnownState").get("ringactionState").getAsBoolean(), is(false));
    }

    @Test
    void testUnreachableAndLongOfflineDevices() throws Exception {
        simulator.setDeviceUnreachable(LOCK, true);
        Answer unreachable = call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1");
        assertThat(unreachable.status(), is(200));
        assertThat(unreachable.json().getAsJsonObject().get("success").getAsBoolean(), is(false));
        assertThat(call("/lockState", "nukiId=" + LOCK + "&deviceType=4").json().getAsJsonObject().get("success")
                .getAsBoolean(), is(false));
        assertThat(simulator.device(LOCK).state(), is(1));
        simulator.setDeviceUnreachable(LOCK, false);
        simulator.setDeviceLongOffline(LOCK, true);
        assertThat(call("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1").status(), is(410));
        assertThat(simulator.stats().lockActions(), is(empty()));
    }

    @Test
    void testManualChangesAreReportedAndListed() throws Exception {
        simulator.registerCallback(receiver.url("/cb"));
        simulator.changeState(LOCK, 254);
        simulator.changeDoorSensor(LOCK, 3);
        simulator.changeBattery(LOCK, true, 12, true);
        simulator.changeKeypadBattery(LOCK, true);
        Await.until("four callbacks", () -> receiver.received().size() == 4);
        JsonObject last = JsonParser.parseString(receiver.bodies().get(3)).getAsJsonObject();
        assertThat(last.get("nukiId").getAsLong(), is(LOCK));
        assertThat(last.get("deviceType").getAsInt(), is(4));
        assertThat(last.get("state").getAsInt(), is(254));
        assertThat(last.get("stateName").getAsString(), is("motor blocked"));
        assertThat(last.get("doorsensorStateName").getAsString(), is("door opened"));
        assertThat(last.get("batteryChargeState").getAsInt(), is(12));
        assertThat(last.get("keypadBatteryCritical").getAsBoolean(), is(true));
        assertThat(last.has("success"), is(false));
    }

    @Test
    void testGarbledAnswersAreCutOffJson() throws Exception {
        simulator.garbleNextResponses(1);
        Answer garbled = call("/list", "");
        assertThat(garbled.status(), is(200));
        assertThat(garbled.body(), startsWith("["));
        assertThat(garbled.body(), not(endsWith("]")));
        assertThat(call("/list", "").body(), endsWith("]"));
    }

    @Test
    void testUnpairRemovesTheDevice() throws Exception {
        assertThat(call("/unpair", "nukiId=" + PLAIN_LOCK).json().getAsJsonObject().get("success").getAsBoolean(),
                is(true));
        assertThat(call("/list", "").json().getAsJsonArray().size(), is(3));
        assertThat(call("/unpair", "nukiId=" + PLAIN_LOCK).status(), is(404));
    }
}
