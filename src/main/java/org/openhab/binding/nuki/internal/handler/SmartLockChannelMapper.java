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

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.measure.quantity.Dimensionless;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DoorSensorState;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * <b>Where a smart lock's state becomes channel states.</b> One pure function: the bridge's {@link DeviceState} in,
 * the state of every smart-lock channel out. A channel missing from the result keeps its state (the switches during
 * locking and unlocking, when the lock is neither locked nor unlocked yet).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SmartLockChannelMapper {

    /** Which lock 'n' go the binding started itself, to tell the two lock 'n' go channels apart. */
    public enum LockNGo {
        NONE,
        PLAIN,
        WITH_UNLATCH
    }

    private SmartLockChannelMapper() {
    }

    public static Map<String, State> channelStates(DeviceState state, LockNGo runningLockNGo) {
        Map<String, State> channels = new LinkedHashMap<>();
        SmartLockState lockState = state.smartLockState();

        switch (lockState) {
            case LOCKED -> {
                channels.put(CHANNEL_LOCK, OnOffType.ON);
                channels.put(CHANNEL_UNLOCK, OnOffType.OFF);
            }
            case UNLOCKED, UNLATCHED, UNLOCKED_LOCK_N_GO, UNLATCHING -> {
                channels.put(CHANNEL_LOCK, OnOffType.OFF);
                channels.put(CHANNEL_UNLOCK, OnOffType.ON);
            }
            case UNLOCKING, LOCKING -> {
                // on the way: the switches keep what they showed until the lock gets there
            }
            default -> {
                channels.put(CHANNEL_LOCK, UnDefType.UNDEF);
                channels.put(CHANNEL_UNLOCK, UnDefType.UNDEF);
            }
        }
        channels.put(CHANNEL_UNLATCH, lockState == SmartLockState.UNKNOWN ? UnDefType.UNDEF
                : OnOffType.from(lockState == SmartLockState.UNLATCHING || lockState == SmartLockState.UNLATCHED));

        boolean lockNGoRunning = lockState == SmartLockState.UNLOCKED_LOCK_N_GO
                || (runningLockNGo != LockNGo.NONE && lockState.isTransitional())
                || (runningLockNGo == LockNGo.WITH_UNLATCH && lockState == SmartLockState.UNLATCHED);
        boolean withUnlatch = runningLockNGo == LockNGo.WITH_UNLATCH;
        channels.put(CHANNEL_LOCK_N_GO, OnOffType.from(lockNGoRunning && !withUnlatch));
        channels.put(CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.from(lockNGoRunning && withUnlatch));

        channels.put(CHANNEL_LOCK_STATE,
                lockState == SmartLockState.UNKNOWN ? UnDefType.UNDEF : new StringType(lockState.name()));

        DoorSensorState door = state.doorSensor();
        channels.put(CHANNEL_DOOR_SENSOR, switch (door) {
            case DOOR_OPENED -> OpenClosedType.OPEN;
            case DOOR_CLOSED -> OpenClosedType.CLOSED;
            default -> UnDefType.UNDEF;
        });
        channels.put(CHANNEL_DOOR_SENSOR_STATE,
                door == DoorSensorState.UNAVAILABLE || door == DoorSensorState.UNKNOWN ? UnDefType.UNDEF
                        : new StringType(door.name()));

        channels.put(CHANNEL_LOW_BATTERY, onOff(state.batteryCritical()));
        channels.put(CHANNEL_BATTERY_CHARGING, onOff(state.batteryCharging()));
        channels.put(CHANNEL_KEYPAD_LOW_BATTERY, onOff(state.keypadBatteryCritical()));
        Integer charge = state.batteryChargeState();
        channels.put(CHANNEL_BATTERY_LEVEL,
                charge == null ? UnDefType.UNDEF : new QuantityType<Dimensionless>(charge, Units.PERCENT));
        return channels;
    }

    /**
     * The event a state change is worth on the event channel, or null. Reported once per arrival in the state, not
     * for every repetition of it.
     */
    public static @Nullable String event(@Nullable DeviceState previous, DeviceState current) {
        SmartLockState now = current.smartLockState();
        if (previous == null || previous.smartLockState() == now) {
            // the first state the binding learns is no event, nor is a repetition
            return null;
        }
        return switch (now) {
            case LOCKED -> EVENT_LOCKED;
            case UNLOCKED -> EVENT_UNLOCKED;
            case UNLATCHED -> EVENT_UNLATCHED;
            case UNLOCKED_LOCK_N_GO -> EVENT_LOCK_N_GO;
            case MOTOR_BLOCKED -> EVENT_MOTOR_BLOCKED;
            default -> null;
        };
    }

    static State onOff(@Nullable Boolean value) {
        return value == null ? UnDefType.UNDEF : OnOffType.from(value);
    }
}
