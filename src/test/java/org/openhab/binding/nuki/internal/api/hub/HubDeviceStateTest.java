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

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.hub.HubDeviceState.Change;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;

/**
 * Nuki Hub's topics as a device's state: words the binding knows, repetitions that change nothing, the JSON forms,
 * rings and continuous mode.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class HubDeviceStateTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void testAFailedReadIsTheOnlySignOfABluetoothLoss() {
        HubDeviceState lock = new HubDeviceState(false);
        assertThat(lock.reachable(), is(nullValue()));
        // cleared at the hub's start
        assertThat(lock.apply("query/lockstateCommandResult", "", NOW), is(Change.NONE));
        assertThat(lock.apply("query/lockstateCommandResult", "success", NOW), is(Change.AVAILABILITY));
        assertThat(lock.apply("state", "locked", NOW), is(Change.STATE));
        assertThat(lock.apply("query/lockstateCommandResult", "timeOut", NOW), is(Change.AVAILABILITY));
        assertThat(lock.reachable(), is(false));
        // availability stays online and the last state stays
        assertThat(lock.apply("availability", "online", NOW), is(Change.AVAILABILITY));
        assertThat(lock.reachable(), is(false));
        assertThat(lock.deviceState(7).stateCode(), is(1));
        assertThat(lock.apply("query/lockstateCommandResult", "timeOut", NOW), is(Change.NONE));
        assertThat(lock.apply("query/lockstateCommandResult", "success", NOW), is(Change.AVAILABILITY));
        assertThat(lock.reachable(), is(true));
    }

    @Test
    void testALockIsKnownByItsStateAndItsIdFromBasicJson() {
        HubDeviceState lock = new HubDeviceState(false);
        assertThat(lock.isPublished(), is(false));
        assertThat(lock.deviceState(7), is(nullValue()));
        assertThat(lock.apply("state", "unlockedLnga", NOW), is(Change.STATE));
        assertThat(lock.apply("state", "unlockedLnga", NOW), is(Change.NONE));
        assertThat(lock.deviceState(7).nukiId(), is(7L));
        assertThat(
                lock.apply("configuration/basicJson",
                        "{\"nukiID\":\"2a3b4c5d\",\"name\":\"Front door\",\"firmwareVersion\":\"3.9.1\"}", NOW),
                is(Change.INFO));
        assertThat(lock.apply("configuration/basicJson", "{\"nukiID\":\"2a3b4c5d\",\"name\":\"Front door\"}", NOW),
                is(Change.NONE));
        DeviceState state = lock.deviceState(7);
        assertThat(state.nukiId(), is(0x2A3B4C5DL));
        assertThat(state.stateCode(), is(6));
        assertThat(state.deviceType(), is(DeviceType.SMARTLOCK));
        assertThat(lock.name(), is("Front door"));
        assertThat(lock.firmware(), is("3.9.1"));
    }

    @Test
    void testUnknownWordsAndGarbageChangeNothing() {
        HubDeviceState lock = new HubDeviceState(false);
        lock.apply("state", "locked", NOW);
        assertThat(lock.apply("state", "teleported", NOW), is(Change.NONE));
        assertThat(lock.apply("doorSensorState", "ajar?", NOW), is(Change.NONE));
        assertThat(lock.apply("battery/level", "lots", NOW), is(Change.NONE));
        assertThat(lock.apply("battery/critical", "maybe", NOW), is(Change.NONE));
        assertThat(lock.apply("configuration/basicJson", "{not json", NOW), is(Change.NONE));
        assertThat(lock.apply("battery/basicJson", "[]", NOW), is(Change.NONE));
        assertThat(lock.apply("authorizationName", "--", NOW), is(Change.NONE));
        assertThat(lock.apply("something/new", "1", NOW), is(Change.NONE));
        assertThat(lock.deviceState(1).stateCode(), is(1));
        assertThat(lock.actor(), is(nullValue()));
    }

    @Test
    void testBatteriesFromSingleTopicsOrTheirJson() {
        HubDeviceState lock = new HubDeviceState(false);
        lock.apply("state", "locked", NOW);
        assertThat(lock.apply("battery/basicJson",
                "{\"critical\":\"1\",\"charging\":\"0\",\"level\":12,\"keypadCritical\":\"1\",\"doorSensorCritical\":\"0\"}",
                NOW), is(Change.STATE));
        DeviceState state = lock.deviceState(1);
        assertThat(state.batteryCritical(), is(true));
        assertThat(state.batteryCharging(), is(false));
        assertThat(state.batteryChargeState(), is(12));
        assertThat(state.keypadBatteryCritical(), is(true));
        assertThat(lock.doorSensorCritical(), is(false));
        assertThat(lock.apply("battery/level", "12", NOW), is(Change.NONE));
        assertThat(lock.apply("battery/level", "11", NOW), is(Change.STATE));
        assertThat(lock.apply("doorSensorState", "doorOpened", NOW), is(Change.STATE));
        assertThat(lock.deviceState(1).doorsensorStateCode(), is(3));
    }

    @Test
    void testAnOpenerRingsOncePerRingAndKnowsContinuousMode() {
        HubDeviceState opener = new HubDeviceState(true);
        opener.apply("state", "locked", NOW);
        assertThat(opener.deviceState(1).deviceType(), is(DeviceType.OPENER));
        assertThat(opener.deviceState(1).ringactionTimestamp(), is(nullValue()));
        assertThat(opener.apply("ring", "ringlocked", NOW), is(Change.STATE));
        assertThat(opener.apply("ring", "ringlocked", NOW.plusMillis(5)), is(Change.NONE));
        assertThat(opener.deviceState(1).ringactionTimestamp(), is(NOW));
        assertThat(opener.apply("ring", "standby", NOW.plusSeconds(2)), is(Change.NONE));
        assertThat(opener.apply("ring", "ring", NOW.plusSeconds(9)), is(Change.STATE));
        assertThat(opener.deviceState(1).ringactionTimestamp(), is(NOW.plusSeconds(9)));
        assertThat(opener.apply("continuousMode", "on", NOW), is(Change.STATE));
        DeviceState continuous = opener.deviceState(1);
        assertThat(continuous.mode(), is(DeviceMode.CONTINUOUS));
        assertThat(continuous.stateCode(), is(3));
        assertThat(opener.apply("continuousMode", "off", NOW), is(Change.STATE));
        assertThat(opener.deviceState(1).mode(), is(DeviceMode.DOOR));
    }

    @Test
    void testLastActionTriggerAndWhoAreWordsOfTheirOwn() {
        HubDeviceState lock = new HubDeviceState(false);
        assertThat(lock.apply("lastLockAction", "LockNgoUnlatch", NOW), is(Change.ACTION));
        assertThat(lock.apply("trigger", "autoLock", NOW), is(Change.ACTION));
        assertThat(lock.apply("authorizationName", "Anna", NOW), is(Change.ACTOR));
        assertThat(lock.apply("authorizationName", "Anna", NOW), is(Change.NONE));
        assertThat(lock.apply("availability", "offline", NOW), is(Change.AVAILABILITY));
        assertThat(lock.available(), is(false));
        assertThat(HubStates.actionName(String.valueOf(lock.lastAction())), is("LOCK_N_GO_UNLATCH"));
        assertThat(HubStates.triggerName(String.valueOf(lock.trigger())), is("AUTO_LOCK"));
        assertThat(HubStates.actionName("Unknown"), is(nullValue()));
        assertThat(HubStates.triggerName("undefined"), is(nullValue()));
    }
}
