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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One device paired with the simulated bridge: its state, the fields it reports (a door sensor, a keypad and a
 * charge level only when it has them), the shapes of JSON seen in the wild, and its faults.
 * <p>
 * The state tables follow the fact sheet (Bridge HTTP API 1.13.3, sections 3.2 to 3.7). Device types other than 2
 * (opener) behave as smart locks, as the fact sheet recommends for unknown types. Access is synchronized by the
 * simulator.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedDevice {

    public static final int TYPE_SMARTLOCK = 0;
    public static final int TYPE_OPENER = 2;
    public static final int TYPE_SMARTDOOR = 3;
    public static final int TYPE_SMARTLOCK3 = 4;

    public static final int MODE_DOOR = 2;
    public static final int MODE_CONTINUOUS = 3;

    /** The bridge resets ringactionState this long after a ring. */
    public static final Duration RING_ACTION_DURATION = Duration.ofSeconds(30);

    static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Map<Integer, String> LOCK_STATE_NAMES = Map.ofEntries(Map.entry(0, "uncalibrated"),
            Map.entry(1, "locked"), Map.entry(2, "unlocking"), Map.entry(3, "unlocked"), Map.entry(4, "locking"),
            Map.entry(5, "unlatched"), Map.entry(6, "unlocked (lock \u2018n\u2019 go)"), Map.entry(7, "unlatching"),
            Map.entry(254, "motor blocked"), Map.entry(255, "undefined"));
    private static final Map<Integer, String> OPENER_STATE_NAMES = Map.of(0, "untrained", 1, "online", 3, "rto active",
            5, "open", 7, "opening", 253, "boot run", 255, "undefined");
    private static final Map<Integer, String> DOOR_SENSOR_NAMES = Map.of(1, "deactivated", 2, "door closed", 3,
            "door opened", 4, "door state unknown", 5, "calibrating", 16, "uncalibrated", 240, "removed", 255,
            "unknown");

    private final long nukiId;
    private final int deviceType;
    private String name;
    private @Nullable String firmwareVersion;

    private boolean doorSensor;
    private boolean keypad;
    private boolean batteryCharge;
    private boolean knob;

    private int mode = MODE_DOOR;
    private int state;
    private boolean batteryCritical;
    private boolean batteryCharging;
    private int batteryChargeState = 80;
    private boolean keypadBatteryCritical;
    private int doorsensorState = 2;
    private @Nullable Instant ringactionTimestamp;
    private Instant updated = Instant.EPOCH;

    private boolean omitLastKnownState;
    private boolean omitDeviceType;
    private boolean omitFirmwareVersion;
    private boolean unreachable;
    private boolean longOffline;

    /** Incremented by every new action, so that a superseded action stops. */
    private long generation;

    private SimulatedDevice(long nukiId, int deviceType, String name) {
        this.nukiId = nukiId;
        this.deviceType = deviceType;
        this.name = name;
        this.state = 1;
        this.firmwareVersion = deviceType == TYPE_OPENER ? "1.11.0" : "4.2.6";
    }

    /** A smart lock of type 0, 3, 4 or a type the fact sheet does not know. */
    public static SimulatedDevice smartLock(long nukiId, int deviceType, String name) {
        if (deviceType == TYPE_OPENER) {
            throw new IllegalArgumentException("Use opener() for device type 2");
        }
        return new SimulatedDevice(nukiId, deviceType, name);
    }

    public static SimulatedDevice opener(long nukiId, String name) {
        return new SimulatedDevice(nukiId, TYPE_OPENER, name);
    }

    // ---- configuration (fluent, before or while the simulator runs)

    public SimulatedDevice withDoorSensor() {
        this.doorSensor = true;
        return this;
    }

    public SimulatedDevice withKeypad() {
        this.keypad = true;
        return this;
    }

    /** Reports batteryCharging and batteryChargeState (rechargeable packs, Smart Lock 3.0 and later). */
    public SimulatedDevice withBatteryCharge() {
        this.batteryCharge = true;
        return this;
    }

    /** The door has a knob outside: the simple {@code /unlock} then unlatches, as the firmware decides. */
    public SimulatedDevice withKnob() {
        this.knob = true;
        return this;
    }

    public SimulatedDevice withoutLastKnownState() {
        this.omitLastKnownState = true;
        return this;
    }

    public SimulatedDevice withoutDeviceTypeField() {
        this.omitDeviceType = true;
        return this;
    }

    public SimulatedDevice withoutFirmwareVersion() {
        this.omitFirmwareVersion = true;
        return this;
    }

    public SimulatedDevice withName(String name) {
        this.name = name;
        return this;
    }

    public SimulatedDevice withState(int state) {
        this.state = state;
        return this;
    }

    // ---- identity and state

    public long nukiId() {
        return nukiId;
    }

    public int deviceType() {
        return deviceType;
    }

    public String name() {
        return name;
    }

    public boolean isOpener() {
        return deviceType == TYPE_OPENER;
    }

    public boolean hasKnob() {
        return knob;
    }

    public int state() {
        return state;
    }

    public int mode() {
        return mode;
    }

    public int doorsensorState() {
        return doorsensorState;
    }

    public boolean batteryCritical() {
        return batteryCritical;
    }

    boolean isUnreachable() {
        return unreachable;
    }

    boolean isLongOffline() {
        return longOffline;
    }

    void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    void setLongOffline(boolean longOffline) {
        this.longOffline = longOffline;
    }

    void setState(int mode, int state, Instant now) {
        this.mode = mode;
        this.state = state;
        this.updated = now;
    }

    void setDoorsensorState(int doorsensorState, Instant now) {
        this.doorsensorState = doorsensorState;
        this.updated = now;
    }

    void setBattery(boolean critical, int chargeState, boolean charging, Instant now) {
        this.batteryCritical = critical;
        this.batteryChargeState = chargeState;
        this.batteryCharging = charging;
        this.updated = now;
    }

    void setKeypadBatteryCritical(boolean critical, Instant now) {
        this.keypadBatteryCritical = critical;
        this.updated = now;
    }

    void ring(Instant now) {
        this.ringactionTimestamp = now;
        this.updated = now;
    }

    boolean ringactionState(Instant now) {
        Instant ring = ringactionTimestamp;
        return ring != null && now.isBefore(ring.plus(RING_ACTION_DURATION));
    }

    long nextGeneration() {
        return ++generation;
    }

    boolean isGeneration(long expected) {
        return generation == expected;
    }

    String stateName() {
        String stateName = (isOpener() ? OPENER_STATE_NAMES : LOCK_STATE_NAMES).get(state);
        return stateName == null ? "undefined" : stateName;
    }

    // ---- lock actions

    /** Whether {@code action} is one of the five lock actions; others get 400. */
    static boolean isValidAction(int action) {
        return action >= 1 && action <= 5;
    }

    /**
     * The steps the device goes through for a lock action (fact sheet 3.4; intermediate states as in 3.3).
     *
     * @param stepDelay time between two states
     * @param lockNGoDelay how long lock 'n' go stays unlocked before it locks again
     */
    List<DeviceStep> plan(int action, Duration stepDelay, Duration lockNGoDelay) {
        List<DeviceStep> steps = new ArrayList<>();
        if (isOpener()) {
            switch (action) {
                case 1 -> steps.add(new DeviceStep(mode, 3, stepDelay, true));
                case 2 -> steps.add(new DeviceStep(mode, mode == MODE_CONTINUOUS ? 3 : 1, stepDelay, true));
                case 3 -> {
                    steps.add(new DeviceStep(mode, 7, Duration.ZERO, false));
                    steps.add(new DeviceStep(mode, 5, stepDelay, false));
                    steps.add(new DeviceStep(mode, state == 5 || state == 7 ? 1 : state, stepDelay, true));
                }
                case 4 -> steps.add(new DeviceStep(MODE_CONTINUOUS, 3, stepDelay, true));
                case 5 -> steps.add(new DeviceStep(MODE_DOOR, 1, stepDelay, true));
                default -> throw new IllegalArgumentException("action " + action);
            }
            return steps;
        }
        switch (action) {
            case 1 -> {
                steps.add(new DeviceStep(mode, 2, Duration.ZERO, false));
                steps.add(new DeviceStep(mode, 3, stepDelay, true));
            }
            case 2 -> {
                steps.add(new DeviceStep(mode, 4, Duration.ZERO, false));
                steps.add(new DeviceStep(mode, 1, stepDelay, true));
            }
            case 3 -> {
                steps.add(new DeviceStep(mode, 7, Duration.ZERO, false));
                steps.add(new DeviceStep(mode, 5, stepDelay, false));
                steps.add(new DeviceStep(mode, 3, stepDelay, true));
            }
            case 4, 5 -> {
                if (action == 5) {
                    steps.add(new DeviceStep(mode, 7, Duration.ZERO, false));
                    steps.add(new DeviceStep(mode, 5, stepDelay, false));
                } else {
                    steps.add(new DeviceStep(mode, 2, Duration.ZERO, false));
                }
                steps.add(new DeviceStep(mode, 6, stepDelay, true));
                steps.add(new DeviceStep(mode, 4, lockNGoDelay, false));
                steps.add(new DeviceStep(mode, 1, stepDelay, false));
            }
            default -> throw new IllegalArgumentException("action " + action);
        }
        return steps;
    }

    // ---- JSON shapes

    /** The state fields of /list's lastKnownState, /lockState and callbacks, as far as the device has them. */
    Map<String, Object> stateFields(Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("state", state);
        fields.put("stateName", stateName());
        fields.put("batteryCritical", batteryCritical);
        if (batteryCharge && !isOpener()) {
            fields.put("batteryCharging", batteryCharging);
            fields.put("batteryChargeState", batteryChargeState);
        }
        if (keypad) {
            fields.put("keypadBatteryCritical", keypadBatteryCritical);
        }
        if (doorSensor && !isOpener()) {
            fields.put("doorsensorState", doorsensorState);
            String doorName = DOOR_SENSOR_NAMES.get(doorsensorState);
            fields.put("doorsensorStateName", doorName == null ? "unknown" : doorName);
        }
        if (isOpener()) {
            Instant ring = ringactionTimestamp;
            if (ring != null) {
                fields.put("ringactionTimestamp", JSON_TIME.format(ring));
            }
            fields.put("ringactionState", ringactionState(now));
        }
        return fields;
    }

    /** One entry of /list. */
    Map<String, Object> listEntry(Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("nukiId", nukiId);
        if (!omitDeviceType) {
            entry.put("deviceType", deviceType);
        }
        entry.put("name", name);
        String firmware = firmwareVersion;
        if (!omitFirmwareVersion && firmware != null) {
            entry.put("firmwareVersion", firmware);
        }
        if (!omitLastKnownState) {
            Map<String, Object> lastKnownState = stateFields(now);
            lastKnownState.put("timestamp", JSON_TIME.format(updated.equals(Instant.EPOCH) ? now : updated));
            entry.put("lastKnownState", lastKnownState);
        }
        return entry;
    }

    /** The body of a callback: the state fields with the device's id and type. */
    Map<String, Object> callbackBody(Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nukiId", nukiId);
        body.put("deviceType", deviceType);
        body.putAll(stateFields(now));
        return body;
    }

    /** The BLE name in /info's scanResults: the id in upper-case hex. */
    String bleName() {
        return (isOpener() ? "Nuki_Opener_" : "Nuki_") + String.format(Locale.ROOT, "%08X", nukiId);
    }
}
