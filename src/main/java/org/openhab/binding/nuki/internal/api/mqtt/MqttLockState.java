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

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;

/**
 * What a bridge-less lock published about itself, one retained topic at a time (Nuki MQTT API 4.2). Values arrive in
 * any order and unknown values are kept as they came; a topic with a payload that cannot be read changes nothing.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class MqttLockState {

    /** What a message changed. */
    public enum Change {
        /** What the lock's state shows: lock state, mode, batteries, door sensor. */
        STATE,
        /** The lock's connection to the broker ({@code connected}, its last will). */
        CONNECTION,
        /** Name, firmware, device type, the cloud connection or the door sensor's battery. */
        INFO,
        /** Nothing the binding keeps (an unreadable payload, a topic it does not know, a repetition). */
        NONE
    }

    private final long nukiId;
    private @Nullable Integer deviceType;
    private @Nullable Integer mode;
    private @Nullable Integer state;
    private @Nullable Boolean batteryCritical;
    private @Nullable Boolean batteryCharging;
    private @Nullable Integer batteryChargeState;
    private @Nullable Boolean keypadBatteryCritical;
    private @Nullable Boolean doorsensorBatteryCritical;
    private @Nullable Integer doorsensorState;
    private @Nullable Boolean serverConnected;
    private @Nullable Boolean connected;
    private @Nullable String name;
    private @Nullable String firmware;
    private @Nullable Instant timestamp;

    public MqttLockState(long nukiId) {
        this.nukiId = nukiId;
    }

    /** Takes one state topic's payload ({@code name} is the last part of the topic). */
    public synchronized Change apply(String name, String payload) {
        String value = payload.trim();
        return switch (name) {
            case "deviceType" -> setInt(value, v -> deviceType = v, deviceType, Change.INFO);
            case "mode" -> setInt(value, v -> mode = v, mode, Change.STATE);
            case "state" -> setInt(value, v -> state = v, state, Change.STATE);
            case "batteryChargeState" -> setInt(value, v -> batteryChargeState = v, batteryChargeState, Change.STATE);
            case "doorsensorState" -> setInt(value, v -> doorsensorState = v, doorsensorState, Change.STATE);
            case "batteryCritical" -> setBool(value, v -> batteryCritical = v, batteryCritical, Change.STATE);
            case "batteryCharging" -> setBool(value, v -> batteryCharging = v, batteryCharging, Change.STATE);
            case "keypadBatteryCritical" ->
                setBool(value, v -> keypadBatteryCritical = v, keypadBatteryCritical, Change.STATE);
            case "doorsensorBatteryCritical" ->
                setBool(value, v -> doorsensorBatteryCritical = v, doorsensorBatteryCritical, Change.INFO);
            case "serverConnected" -> setBool(value, v -> serverConnected = v, serverConnected, Change.INFO);
            case "connected" -> setBool(value, v -> connected = v, connected, Change.CONNECTION);
            case "name" -> {
                boolean changed = !value.equals(this.name);
                this.name = value;
                yield changed ? Change.INFO : Change.NONE;
            }
            case "firmware" -> {
                boolean changed = !value.equals(firmware);
                firmware = value;
                yield changed ? Change.INFO : Change.NONE;
            }
            case "timestamp" -> {
                timestamp = DeviceState.parseTime(value);
                yield Change.NONE;
            }
            default -> Change.NONE;
        };
    }

    private interface Setter<T> {
        void set(T value);
    }

    private static Change setInt(String text, Setter<Integer> setter, @Nullable Integer before, Change change) {
        try {
            int value = Integer.parseInt(text);
            setter.set(value);
            return before != null && before == value ? Change.NONE : change;
        } catch (NumberFormatException e) {
            return Change.NONE;
        }
    }

    private static Change setBool(String text, Setter<Boolean> setter, @Nullable Boolean before, Change change) {
        Boolean value = "true".equalsIgnoreCase(text) ? Boolean.TRUE
                : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
        if (value == null) {
            return Change.NONE;
        }
        setter.set(value);
        return value.equals(before) ? Change.NONE : change;
    }

    /** The lock's state as the bridge model holds it, or null before the lock published its {@code state}. */
    public synchronized @Nullable DeviceState deviceState() {
        Integer current = state;
        if (current == null) {
            return null;
        }
        Integer type = deviceType;
        return new DeviceState(nukiId, DeviceType.of(type == null ? DeviceType.SMARTLOCK3.code() : type),
                DeviceMode.of(mode), current, batteryCritical, batteryCharging, batteryChargeState,
                keypadBatteryCritical, doorsensorState, null, null, timestamp);
    }

    public long nukiId() {
        return nukiId;
    }

    /** Whether the lock is connected to the broker: true, false (its last will), or null before it said. */
    public synchronized @Nullable Boolean connected() {
        return connected;
    }

    public synchronized @Nullable Boolean serverConnected() {
        return serverConnected;
    }

    public synchronized @Nullable Boolean doorsensorBatteryCritical() {
        return doorsensorBatteryCritical;
    }

    public synchronized @Nullable Integer deviceType() {
        return deviceType;
    }

    public synchronized @Nullable String name() {
        return name;
    }

    public synchronized @Nullable String firmware() {
        return firmware;
    }
}
