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
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.time.Instant;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.handler.SmartLockChannelMapper.LockNGo;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * The two pure functions from a device's state to its channels, state by state.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class ChannelMapperTest {

    private static DeviceState lock(int state, @Nullable Integer door) {
        return new DeviceState(1, DeviceType.SMARTLOCK3, DeviceMode.DOOR, state, false, null, null, null, door, null,
                null, null);
    }

    private static DeviceState opener(int state, DeviceMode mode, @Nullable Instant ring) {
        return new DeviceState(2, DeviceType.OPENER, mode, state, false, null, null, null, null, ring, null, null);
    }

    @Test
    void testLockSwitchesNeverClaimUnlockedWhenTheyCannotKnow() {
        Map<Integer, String> expected = Map.of(1, "ON/OFF", 3, "OFF/ON", 5, "OFF/ON", 6, "OFF/ON", 7, "OFF/ON", 2,
                "keep", 4, "keep", 0, "UNDEF/UNDEF", 254, "UNDEF/UNDEF", 255, "UNDEF/UNDEF");
        expected.forEach((code, shown) -> {
            Map<String, State> channels = SmartLockChannelMapper.channelStates(lock(code, null), LockNGo.NONE);
            String actual = channels.containsKey(CHANNEL_LOCK)
                    ? channels.get(CHANNEL_LOCK) + "/" + channels.get(CHANNEL_UNLOCK)
                    : "keep";
            assertThat("state " + code, actual, is(shown));
        });
        assertThat(SmartLockChannelMapper.channelStates(lock(99, null), LockNGo.NONE).get(CHANNEL_LOCK_STATE),
                is(UnDefType.UNDEF));
    }

    @Test
    void testUnlatchIsOnOnlyWhileUnlatchingOrUnlatched() {
        for (int code : new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 254, 255 }) {
            State unlatch = SmartLockChannelMapper.channelStates(lock(code, null), LockNGo.NONE).get(CHANNEL_UNLATCH);
            assertThat("state " + code, unlatch, is(OnOffType.from(code == 5 || code == 7)));
        }
    }

    @Test
    void testLockNGoChannelsFollowTheRunningKind() {
        assertThat(SmartLockChannelMapper.channelStates(lock(6, null), LockNGo.NONE).get(CHANNEL_LOCK_N_GO),
                is(OnOffType.ON));
        Map<String, State> withUnlatch = SmartLockChannelMapper.channelStates(lock(7, null), LockNGo.WITH_UNLATCH);
        assertThat(withUnlatch.get(CHANNEL_LOCK_N_GO_UNLATCH), is(OnOffType.ON));
        assertThat(withUnlatch.get(CHANNEL_LOCK_N_GO), is(OnOffType.OFF));
        assertThat(SmartLockChannelMapper.channelStates(lock(1, null), LockNGo.PLAIN).get(CHANNEL_LOCK_N_GO),
                is(OnOffType.OFF));
    }

    @Test
    void testDoorSensor() {
        assertThat(SmartLockChannelMapper.channelStates(lock(1, 2), LockNGo.NONE).get(CHANNEL_DOOR_SENSOR),
                is(OpenClosedType.CLOSED));
        assertThat(SmartLockChannelMapper.channelStates(lock(1, 3), LockNGo.NONE).get(CHANNEL_DOOR_SENSOR),
                is(OpenClosedType.OPEN));
        for (Integer code : new Integer[] { null, 0, 1, 4, 5, 16, 240, 255, 77 }) {
            Map<String, State> channels = SmartLockChannelMapper.channelStates(lock(1, code), LockNGo.NONE);
            assertThat("door " + code, channels.get(CHANNEL_DOOR_SENSOR), is(UnDefType.UNDEF));
        }
        assertThat(SmartLockChannelMapper.channelStates(lock(1, 240), LockNGo.NONE).get(CHANNEL_DOOR_SENSOR_STATE),
                is(new StringType("REMOVED")));
        assertThat(SmartLockChannelMapper.channelStates(lock(1, null), LockNGo.NONE).get(CHANNEL_DOOR_SENSOR_STATE),
                is(UnDefType.UNDEF));
    }

    @Test
    void testSmartLockEvents() {
        assertThat(SmartLockChannelMapper.event(null, lock(1, null)), is(nullValue()));
        assertThat(SmartLockChannelMapper.event(lock(1, null), lock(1, null)), is(nullValue()));
        assertThat(SmartLockChannelMapper.event(lock(1, null), lock(3, null)), is(EVENT_UNLOCKED));
        assertThat(SmartLockChannelMapper.event(lock(7, null), lock(5, null)), is(EVENT_UNLATCHED));
        assertThat(SmartLockChannelMapper.event(lock(3, null), lock(254, null)), is(EVENT_MOTOR_BLOCKED));
        assertThat(SmartLockChannelMapper.event(lock(3, null), lock(4, null)), is(nullValue()));
    }

    @Test
    void testOpenerChannels() {
        Map<String, State> idle = OpenerChannelMapper.channelStates(opener(1, DeviceMode.DOOR, null));
        assertThat(idle.get(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(idle.get(CHANNEL_UNLOCK), is(OnOffType.OFF));
        assertThat(idle.get(CHANNEL_LAST_RING), is(UnDefType.UNDEF));
        Map<String, State> ringToOpen = OpenerChannelMapper.channelStates(opener(3, DeviceMode.DOOR, null));
        assertThat(ringToOpen.get(CHANNEL_LOCK), is(OnOffType.OFF));
        assertThat(ringToOpen.get(CHANNEL_UNLOCK), is(OnOffType.ON));
        Map<String, State> continuous = OpenerChannelMapper.channelStates(opener(1, DeviceMode.CONTINUOUS, null));
        assertThat(continuous.get(CHANNEL_LOCK), is(OnOffType.OFF));
        assertThat(continuous.get(CHANNEL_CONTINUOUS_MODE), is(OnOffType.ON));
        Map<String, State> opening = OpenerChannelMapper.channelStates(opener(7, DeviceMode.DOOR, null));
        assertThat(opening.get(CHANNEL_UNLATCH), is(OnOffType.ON));
        assertThat(opening.containsKey(CHANNEL_LOCK), is(false));
        assertThat(OpenerChannelMapper.channelStates(opener(255, DeviceMode.DOOR, null)).get(CHANNEL_LOCK),
                is(UnDefType.UNDEF));
    }

    @Test
    void testRingsAndOpenerEvents() {
        Instant first = Instant.parse("2025-01-05T10:00:00Z");
        Instant second = first.plusSeconds(60);
        assertThat(OpenerChannelMapper.isNewRing(null, opener(1, DeviceMode.DOOR, first)), is(false));
        assertThat(OpenerChannelMapper.isNewRing(opener(1, DeviceMode.DOOR, null), opener(1, DeviceMode.DOOR, first)),
                is(true));
        assertThat(OpenerChannelMapper.isNewRing(opener(1, DeviceMode.DOOR, first), opener(1, DeviceMode.DOOR, first)),
                is(false));
        assertThat(OpenerChannelMapper.isNewRing(opener(1, DeviceMode.DOOR, first), opener(1, DeviceMode.DOOR, second)),
                is(true));
        assertThat(OpenerChannelMapper.event(opener(1, DeviceMode.DOOR, null), opener(3, DeviceMode.DOOR, null)),
                is(EVENT_RING_TO_OPEN_ON));
        assertThat(OpenerChannelMapper.event(opener(3, DeviceMode.DOOR, null), opener(1, DeviceMode.DOOR, null)),
                is(EVENT_RING_TO_OPEN_OFF));
        assertThat(OpenerChannelMapper.event(opener(1, DeviceMode.DOOR, null), opener(3, DeviceMode.CONTINUOUS, null)),
                is(EVENT_CONTINUOUS_MODE_ON));
        assertThat(OpenerChannelMapper.event(opener(7, DeviceMode.DOOR, null), opener(5, DeviceMode.DOOR, null)),
                is(EVENT_OPENED));
    }
}
