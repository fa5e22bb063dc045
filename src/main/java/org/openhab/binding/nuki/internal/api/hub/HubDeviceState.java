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

import java.time.Instant;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What Nuki Hub published about its lock or its opener, one retained topic at a time (topics relative to
 * {@code <base>/lock/} or {@code <base>/opener/}). Values arrive in any order, repeated deliveries change nothing, and
 * a word the binding does not know (a newer firmware) is ignored rather than guessed. The lock's Nuki id is in
 * {@code configuration/basicJson}: the topics carry none.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubDeviceState {

    /** What a message changed. */
    public enum Change {
        /** What the device's state shows: lock state, mode, batteries, door sensor, a ring. */
        STATE,
        /** Nuki id, name, firmware, the door sensor's battery. */
        INFO,
        /** The last action and its trigger as the device reported them. */
        ACTION,
        /** Who acted last ({@code authorizationName}). */
        ACTOR,
        /**
         * Whether the hub reaches the device over Bluetooth: its last read ({@code query/lockstateCommandResult}),
         * and whether it read it at all since it started ({@code availability}).
         */
        AVAILABILITY,
        /** Nothing the binding keeps. */
        NONE
    }

    private final boolean opener;
    private @Nullable Long nukiId;
    private @Nullable String name;
    private @Nullable String firmware;
    private @Nullable Integer state;
    private @Nullable Boolean continuousMode;
    private @Nullable Integer doorSensorState;
    private @Nullable Integer batteryLevel;
    private @Nullable Boolean batteryCritical;
    private @Nullable Boolean batteryCharging;
    private @Nullable Boolean keypadCritical;
    private @Nullable Boolean doorSensorCritical;
    private @Nullable Instant ringAt;
    private boolean ringing;
    private @Nullable String lastAction;
    private @Nullable String trigger;
    private @Nullable String actor;
    private @Nullable Boolean available;
    private @Nullable Boolean reachable;

    public HubDeviceState(boolean opener) {
        this.opener = opener;
    }

    public boolean isOpener() {
        return opener;
    }

    /**
     * Takes one topic's payload.
     *
     * @param topic the topic below the device's subtree, for example {@code state} or {@code battery/level}
     * @param now when it arrived (a ring is stamped with it)
     */
    public synchronized Change apply(String topic, String payload, Instant now) {
        String value = payload.trim();
        return switch (topic) {
            case "state" -> {
                int code = opener ? HubStates.openerState(value) : HubStates.lockState(value);
                yield code == HubStates.UNKNOWN ? Change.NONE : set(state, code, v -> state = v, Change.STATE);
            }
            case "continuousMode" -> "on".equalsIgnoreCase(value) || "off".equalsIgnoreCase(value)
                    ? set(continuousMode, "on".equalsIgnoreCase(value), v -> continuousMode = v, Change.STATE)
                    : Change.NONE;
            case "doorSensorState" -> {
                int code = HubStates.doorSensorState(value);
                yield code == HubStates.UNKNOWN ? Change.NONE
                        : set(doorSensorState, code, v -> doorSensorState = v, Change.STATE);
            }
            case "battery/level" -> {
                Integer level = integer(value);
                yield level == null ? Change.NONE : set(batteryLevel, level, v -> batteryLevel = v, Change.STATE);
            }
            case "battery/critical" -> flag(value, batteryCritical, v -> batteryCritical = v, Change.STATE);
            case "battery/charging" -> flag(value, batteryCharging, v -> batteryCharging = v, Change.STATE);
            case "battery/keypadCritical" -> flag(value, keypadCritical, v -> keypadCritical = v, Change.STATE);
            case "battery/doorSensorCritical" ->
                flag(value, doorSensorCritical, v -> doorSensorCritical = v, Change.INFO);
            case "battery/basicJson" -> batteries(value);
            case "configuration/basicJson" -> configuration(value);
            case "ring" -> ring(value, now);
            case "lastLockAction" -> word(value, lastAction, v -> lastAction = v, Change.ACTION);
            case "trigger" -> word(value, trigger, v -> trigger = v, Change.ACTION);
            case "authorizationName" -> {
                if (value.isEmpty() || "--".equals(value)) {
                    yield Change.NONE;
                }
                boolean changed = !value.equals(actor);
                actor = value;
                yield changed ? Change.ACTOR : Change.NONE;
            }
            case "query/lockstateCommandResult" -> readResult(value);
            case "availability" -> "online".equals(value) || "offline".equals(value)
                    ? set(available, "online".equals(value), v -> available = v, Change.AVAILABILITY)
                    : Change.NONE;
            default -> Change.NONE;
        };
    }

    /**
     * The Bluetooth result of the hub's last read: {@code success}, or why it failed ({@code timeOut}, ...). A failed
     * read keeps the last state and {@code availability}: this is the only sign of a device out of reach.
     */
    private Change readResult(String value) {
        if (value.isEmpty() || "--".equals(value) || "working".equals(value)) {
            return Change.NONE; // cleared at the hub's start, or under way
        }
        return set(reachable, "success".equals(value), v -> reachable = v, Change.AVAILABILITY);
    }

    private interface Setter<T> {
        void set(T value);
    }

    private static <T> Change set(@Nullable T before, T value, Setter<T> setter, Change change) {
        setter.set(value);
        return Objects.equals(value, before) ? Change.NONE : change;
    }

    private static Change flag(String value, @Nullable Boolean before, Setter<Boolean> setter, Change change) {
        if (!"0".equals(value) && !"1".equals(value)) {
            return Change.NONE;
        }
        return set(before, "1".equals(value), setter, change);
    }

    private static Change word(String value, @Nullable String before, Setter<String> setter, Change change) {
        if (value.isEmpty() || "--".equals(value)) {
            return Change.NONE;
        }
        return set(before, value, setter, change);
    }

    private static @Nullable Integer integer(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code battery/basicJson}, which stays when the hub's single battery topics are switched off. */
    private Change batteries(String value) {
        JsonObject json = object(value);
        if (json == null) {
            return Change.NONE;
        }
        boolean stateChanged = false;
        boolean infoChanged = false;
        for (String key : new String[] { "critical", "charging", "keypadCritical", "doorSensorCritical", "level" }) {
            JsonElement element = json.get(key);
            if (element == null || !element.isJsonPrimitive()) {
                continue;
            }
            String text = element.getAsString().trim();
            Change one = switch (key) {
                case "critical" -> flag(text, batteryCritical, v -> batteryCritical = v, Change.STATE);
                case "charging" -> flag(text, batteryCharging, v -> batteryCharging = v, Change.STATE);
                case "keypadCritical" -> flag(text, keypadCritical, v -> keypadCritical = v, Change.STATE);
                case "doorSensorCritical" -> flag(text, doorSensorCritical, v -> doorSensorCritical = v, Change.INFO);
                default -> {
                    Integer level = integer(text);
                    yield level == null ? Change.NONE : set(batteryLevel, level, v -> batteryLevel = v, Change.STATE);
                }
            };
            stateChanged |= one == Change.STATE;
            infoChanged |= one == Change.INFO;
        }
        return stateChanged ? Change.STATE : infoChanged ? Change.INFO : Change.NONE;
    }

    /** {@code configuration/basicJson}: the Nuki id (hex, unpadded), the name and the firmware. */
    private Change configuration(String value) {
        JsonObject json = object(value);
        if (json == null) {
            return Change.NONE;
        }
        Long id = null;
        JsonElement hex = json.get("nukiID");
        if (hex != null && hex.isJsonPrimitive()) {
            try {
                id = Long.parseLong(hex.getAsString().trim(), 16);
            } catch (NumberFormatException e) {
                id = null;
            }
        }
        String newName = text(json, "name");
        String newFirmware = text(json, "firmwareVersion");
        boolean changed = (id != null && !id.equals(nukiId)) || (newName != null && !newName.equals(name))
                || (newFirmware != null && !newFirmware.equals(firmware));
        if (id != null) {
            nukiId = id;
        }
        if (newName != null) {
            name = newName;
        }
        if (newFirmware != null) {
            firmware = newFirmware;
        }
        return changed ? Change.INFO : Change.NONE;
    }

    /** {@code ring} or {@code ringlocked} while the doorbell rings, {@code standby} 2 s later. */
    private Change ring(String value, Instant now) {
        boolean rings = "ring".equals(value) || "ringlocked".equals(value);
        if (!rings && !"standby".equals(value)) {
            return Change.NONE;
        }
        boolean started = rings && !ringing;
        ringing = rings;
        if (started) {
            ringAt = now;
            return Change.STATE;
        }
        return Change.NONE;
    }

    private static @Nullable JsonObject object(String value) {
        try {
            JsonElement element = JsonParser.parseString(value);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonObject json, String key) {
        JsonElement element = json.get(key);
        return element == null || !element.isJsonPrimitive() ? null : element.getAsString().trim();
    }

    /**
     * The device's state in the binding's model, or null before the hub published a {@code state} it knows.
     *
     * @param fallbackId the Nuki id to report while the hub has not published the device's
     */
    public synchronized @Nullable DeviceState deviceState(long fallbackId) {
        Integer current = state;
        Long id = nukiId;
        if (current == null) {
            return null;
        }
        DeviceMode mode = opener ? (Boolean.TRUE.equals(continuousMode) ? DeviceMode.CONTINUOUS : DeviceMode.DOOR)
                : DeviceMode.DOOR;
        int code = current;
        if (opener && Boolean.TRUE.equals(continuousMode) && code == 1) {
            // continuous mode keeps ring to open on, whatever the state word says
            code = 3;
        }
        return new DeviceState(id == null ? fallbackId : id, opener ? DeviceType.OPENER : DeviceType.SMARTLOCK, mode,
                code, batteryCritical, batteryCharging, batteryLevel, keypadCritical, opener ? null : doorSensorState,
                ringAt, opener ? ringing : null, null);
    }

    /** The device's Nuki id from its {@code configuration/basicJson}, or null before the hub published it. */
    public synchronized @Nullable Long nukiId() {
        return nukiId;
    }

    public synchronized @Nullable String name() {
        return name;
    }

    public synchronized @Nullable String firmware() {
        return firmware;
    }

    public synchronized @Nullable Boolean doorSensorCritical() {
        return doorSensorCritical;
    }

    /** The last action as the hub words it ({@code Unlock}, {@code LockNgo}, {@code ActivateRTO}, ...). */
    public synchronized @Nullable String lastAction() {
        return lastAction;
    }

    /** What triggered it ({@code manual}, {@code button}, {@code autoLock}, ...). */
    public synchronized @Nullable String trigger() {
        return trigger;
    }

    /** The name behind the last action, from the lock's log (needs the PIN and the authorization log on the hub). */
    public synchronized @Nullable String actor() {
        return actor;
    }

    /** Whether the hub read the device since it started: false when it said {@code offline}, null before it said. */
    public synchronized @Nullable Boolean available() {
        return available;
    }

    /** Whether the hub's last read of the device worked: false when it failed, null before the hub read it. */
    public synchronized @Nullable Boolean reachable() {
        return reachable;
    }

    /** Whether the hub published anything of this device's state yet: the device is paired. */
    public synchronized boolean isPublished() {
        return state != null || nukiId != null;
    }
}
