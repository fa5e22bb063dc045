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
package org.openhab.binding.nuki.internal.api.mqtt;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DoorSensorState;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;

/**
 * Nuki's MQTT API as the protocol layer reads it: topics and ids, a lock's retained state, who moved the lock, and
 * what response codes mean (fact sheet nuki-mqtt-api.md, its test vectors among the cases).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class MqttProtocolTest {

    @Test
    void testTopicsMatchIdsByValue() {
        NukiMqttTopic upper = NukiMqttTopic.parse("nuki/1A2B3C4D/state");
        assertNotNull(upper);
        assertThat(upper, is(new NukiMqttTopic(0x1A2B3C4DL, "1A2B3C4D", "state")));
        assertThat(NukiMqttTopic.parse("nuki/1a2b3c4d/state").nukiId(), is(0x1A2B3C4DL));
        // no leading zero: still the same lock as 0ABCDEF1
        assertThat(NukiMqttTopic.parse("nuki/ABCDEF1/commandResponse").nukiId(), is(0x0ABCDEF1L));
        assertThat(NukiMqttTopic.parse("nuki/1A2B3C4D/state").nukiId(), is(439041101L));
        assertThat(NukiMqttTopic.parse("nuki/not-hex/state"), is(nullValue()));
        assertThat(NukiMqttTopic.parse("homeassistant/lock/1A2B3C4D/config"), is(nullValue()));
        assertThat(NukiMqttTopic.parse("nuki/1A2B3C4D/state/extra"), is(nullValue()));
        // commands go to the id as the lock writes it, or as the app shows it before the lock said anything
        assertThat(NukiMqttTopic.of("ABCDEF1", 0x0ABCDEF1L, "lockAction"), is("nuki/ABCDEF1/lockAction"));
        assertThat(NukiMqttTopic.of(null, 0x0ABCDEF1L, "lockAction"), is("nuki/0ABCDEF1/lockAction"));
    }

    @Test
    void testRetainedTopicsMakeTheLocksState() {
        MqttLockState lock = new MqttLockState(0x1A2B3C4DL);
        assertThat(lock.deviceState(), is(nullValue()));
        assertThat(lock.apply("connected", "true"), is(MqttLockState.Change.CONNECTION));
        assertThat(lock.apply("deviceType", "4"), is(MqttLockState.Change.INFO));
        assertThat(lock.apply("firmware", "4.3.8"), is(MqttLockState.Change.INFO));
        assertThat(lock.apply("state", "1"), is(MqttLockState.Change.STATE));
        assertThat(lock.apply("doorsensorState", "2"), is(MqttLockState.Change.STATE));
        assertThat(lock.apply("batteryChargeState", "64"), is(MqttLockState.Change.STATE));
        assertThat(lock.apply("timestamp", "2025-03-01T18:04:05+00:00"), is(MqttLockState.Change.NONE));
        DeviceState state = lock.deviceState();
        assertThat(state.smartLockState(), is(SmartLockState.LOCKED));
        assertThat(state.doorSensor(), is(DoorSensorState.DOOR_CLOSED));
        assertThat(state.batteryChargeState(), is(64));
        assertThat(lock.connected(), is(true));
        assertThat(lock.firmware(), is("4.3.8"));
        // a repetition and an unreadable payload change nothing
        assertThat(lock.apply("state", "1"), is(MqttLockState.Change.NONE));
        assertThat(lock.apply("state", "locked"), is(MqttLockState.Change.NONE));
        assertThat(lock.apply("batteryCritical", "maybe"), is(MqttLockState.Change.NONE));
        // intermediate and unknown states are kept as they came
        assertThat(lock.apply("state", "7"), is(MqttLockState.Change.STATE));
        assertThat(lock.deviceState().smartLockState(), is(SmartLockState.UNLATCHING));
        assertThat(lock.apply("state", "42"), is(MqttLockState.Change.STATE));
        assertThat(lock.deviceState().stateCode(), is(42));
        // the last will
        assertThat(lock.apply("connected", "false"), is(MqttLockState.Change.CONNECTION));
        assertThat(lock.connected(), is(false));
    }

    @Test
    void testLockActionEventsTellWhoMovedTheLock() {
        LockActionEvent fingerprint = LockActionEvent.parse("3,0,4711,8193,2");
        assertThat(fingerprint.actionName(), is("UNLATCH"));
        assertThat(fingerprint.triggerName(), is("FINGERPRINT"));
        assertThat(fingerprint.authId(), is(4711L));
        assertThat(fingerprint.codeId(), is(8193));
        assertThat(LockActionEvent.parse("3,0,54321,12345,1").triggerName(), is("KEYPAD_CODE"));
        assertThat(LockActionEvent.parse("1,0,54322,0,1").triggerName(), is("AUTO_UNLOCK"));
        assertThat(LockActionEvent.parse("2,0,3431645,0,0").triggerName(), is("APP"));
        assertThat(LockActionEvent.parse("4,2,0,0,0").triggerName(), is("BUTTON"));
        assertThat(LockActionEvent.parse("1,172,0,0,0").triggerName(), is("MQTT"));
        assertThat(LockActionEvent.parse("2,171,0,0,0").triggerName(), is("HOMEKIT_MATTER"));
        assertThat(LockActionEvent.parse("2,6,0,0,0").triggerName(), is("AUTO_LOCK"));
        LockActionEvent fob = LockActionEvent.parse("3,3,54322,0,3");
        assertThat(fob.triggerName(), is("FOB"));
        assertThat(fob.presses(), is(3));
        LockActionEvent button = LockActionEvent.parse("90,2,0,0,2");
        assertThat(button.isPressWithoutAction(), is(true));
        assertThat(button.actionName(), is("BUTTON"));
        assertThat(button.presses(), is(2));
        assertThat(LockActionEvent.parse("1,2,3"), is(nullValue()));
        assertThat(LockActionEvent.parse("a,b,c,d,e"), is(nullValue()));
        assertThat(LockActionEvent.parse("7,99,0,0,0").triggerName(), is("TRIGGER_99"));
    }

    @Test
    void testResponseCodesSayWhatWentWrong() {
        assertThat(CommandResponse.meaning(0), is("success"));
        assertThat(CommandResponse.meaning(69), is("the lock is busy with another action (69)"));
        assertThat(CommandResponse.meaning(66), is("motor blocked (66)"));
        assertThat(CommandResponse.meaning(200), is("error code 200"));
    }
}
