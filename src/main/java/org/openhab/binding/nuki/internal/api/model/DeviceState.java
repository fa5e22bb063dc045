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
package org.openhab.binding.nuki.internal.api.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;

/**
 * What the bridge last said about a device, from {@code /list}, {@code /lockState} or a callback. Fields the device
 * does not report are null; unknown codes are kept as they came.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record DeviceState(long nukiId, DeviceType deviceType, DeviceMode mode, int stateCode,
        @Nullable Boolean batteryCritical, @Nullable Boolean batteryCharging, @Nullable Integer batteryChargeState,
        @Nullable Boolean keypadBatteryCritical, @Nullable Integer doorsensorStateCode,
        @Nullable Instant ringactionTimestamp, @Nullable Boolean ringactionState, @Nullable Instant timestamp) {

    /**
     * @param nukiId the device, from the list entry or the callback
     * @param deviceType the reported type code, or null when missing
     * @return the state, or null when the bridge sent no state code
     */
    public static @Nullable DeviceState of(long nukiId, @Nullable Integer deviceType, DeviceStateDto dto) {
        Integer state = dto.state;
        if (state == null) {
            return null;
        }
        return new DeviceState(nukiId, DeviceType.of(deviceType), DeviceMode.of(dto.mode), state, dto.batteryCritical,
                dto.batteryCharging, dto.batteryChargeState, dto.keypadBatteryCritical, dto.doorsensorState,
                parseTime(dto.ringactionTimestamp), dto.ringactionState, parseTime(dto.timestamp));
    }

    /** An ISO-8601 time with offset ({@code 2025-01-05T10:11:12+00:00} or {@code ...Z}), or null. */
    public static @Nullable Instant parseTime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public SmartLockState smartLockState() {
        return SmartLockState.of(stateCode);
    }

    public OpenerState openerState() {
        return OpenerState.of(stateCode);
    }

    /** The door sensor, {@link DoorSensorState#UNAVAILABLE} when the device reports none. */
    public DoorSensorState doorSensor() {
        return DoorSensorState.of(doorsensorStateCode);
    }

    /**
     * Whether the two differ in what makes the bridge push a callback: the lock state, the mode, the door sensor or a
     * ring. (Battery figures change without a push.)
     */
    public boolean differsInPushedFields(DeviceState other) {
        return stateCode != other.stateCode || mode != other.mode
                || !Objects.equals(doorsensorStateCode, other.doorsensorStateCode)
                || !Objects.equals(ringactionTimestamp, other.ringactionTimestamp);
    }

    /** The same state in another lock state (for intermediate states the binding shows while an action runs). */
    public DeviceState withState(int newStateCode, DeviceMode newMode) {
        return new DeviceState(nukiId, deviceType, newMode, newStateCode, batteryCritical, batteryCharging,
                batteryChargeState, keypadBatteryCritical, doorsensorStateCode, ringactionTimestamp, ringactionState,
                timestamp);
    }
}
