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
package org.openhab.binding.nuki.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Identifiers shared across the binding: thing types, channels, events, configuration keys and properties.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiBindingConstants {

    public static final String BINDING_ID = "nuki";

    public static final ThingTypeUID THING_TYPE_BRIDGE = new ThingTypeUID(BINDING_ID, "bridge");
    public static final ThingTypeUID THING_TYPE_SMARTLOCK = new ThingTypeUID(BINDING_ID, "smartlock");
    public static final ThingTypeUID THING_TYPE_OPENER = new ThingTypeUID(BINDING_ID, "opener");
    /** An MQTT broker that Nuki's bridge-less (Wi-Fi and Thread) locks publish to. */
    public static final ThingTypeUID THING_TYPE_MQTT = new ThingTypeUID(BINDING_ID, "mqtt");
    /** Nuki Hub (ESP32 firmware) on an MQTT broker: a lock and an opener over Bluetooth. */
    public static final ThingTypeUID THING_TYPE_HUB = new ThingTypeUID(BINDING_ID, "hub");

    /** A Nuki Web account: keypad codes, the names behind authorizations, the activity log; never a lock action. */
    public static final ThingTypeUID THING_TYPE_ACCOUNT = new ThingTypeUID(BINDING_ID, "account");

    public static final Set<ThingTypeUID> DEVICE_THING_TYPES = Set.of(THING_TYPE_SMARTLOCK, THING_TYPE_OPENER);
    public static final Set<ThingTypeUID> SUPPORTED_THING_TYPES = Set.of(THING_TYPE_BRIDGE, THING_TYPE_MQTT,
            THING_TYPE_HUB, THING_TYPE_SMARTLOCK, THING_TYPE_OPENER, THING_TYPE_ACCOUNT);

    // channels of both devices
    public static final String CHANNEL_LOCK = "lock";
    public static final String CHANNEL_UNLOCK = "unlock";
    public static final String CHANNEL_UNLATCH = "unlatch";
    public static final String CHANNEL_UNLATCH_ALLOWED = "unlatch-allowed";
    /** While OFF, every action that unlocks, opens or arms the door to open is refused: openHAB may only lock. */
    public static final String CHANNEL_UNLOCK_ALLOWED = "unlock-allowed";
    public static final String CHANNEL_LOW_BATTERY = "low-battery";
    public static final String CHANNEL_EVENT = "event";
    /** Who moved the device last, by name (from a Nuki Web account), or {@code openHAB}. */
    public static final String CHANNEL_LAST_ACTION_USER = "last-action-user";
    /** Keypad code changes arriving on the device (or not arriving in time). */
    public static final String CHANNEL_KEYPAD_EVENT = "keypad-event";

    // smart lock channels
    public static final String CHANNEL_LOCK_N_GO = "lock-n-go";
    public static final String CHANNEL_LOCK_N_GO_UNLATCH = "lock-n-go-unlatch";
    public static final String CHANNEL_LOCK_STATE = "lock-state";
    public static final String CHANNEL_DOOR_SENSOR = "door-sensor";
    public static final String CHANNEL_DOOR_SENSOR_STATE = "door-sensor-state";
    public static final String CHANNEL_BATTERY_LEVEL = "battery-level";
    public static final String CHANNEL_BATTERY_CHARGING = "battery-charging";
    public static final String CHANNEL_KEYPAD_LOW_BATTERY = "keypad-low-battery";

    // smart lock channels only Nuki's MQTT API feeds
    public static final String CHANNEL_FULL_LOCK = "full-lock";
    public static final String CHANNEL_LAST_ACTION = "last-action";
    public static final String CHANNEL_LAST_ACTION_TRIGGER = "last-action-trigger";
    public static final String CHANNEL_LAST_ACTION_AUTH_ID = "last-action-auth-id";
    public static final String CHANNEL_LAST_ACTION_CODE_ID = "last-action-code-id";
    public static final String CHANNEL_ACTION_EVENT = "action-event";
    public static final String CHANNEL_DOOR_SENSOR_LOW_BATTERY = "door-sensor-low-battery";
    public static final String CHANNEL_CLOUD_CONNECTED = "cloud-connected";

    // opener channels
    public static final String CHANNEL_CONTINUOUS_MODE = "continuous-mode";
    public static final String CHANNEL_OPENER_STATE = "opener-state";
    public static final String CHANNEL_RING = "ring";
    public static final String CHANNEL_LAST_RING = "last-ring";

    // events of the event and ring channels
    public static final String EVENT_LOCKED = "LOCKED";
    public static final String EVENT_UNLOCKED = "UNLOCKED";
    public static final String EVENT_UNLATCHED = "UNLATCHED";
    public static final String EVENT_LOCK_N_GO = "LOCK_N_GO";
    public static final String EVENT_MOTOR_BLOCKED = "MOTOR_BLOCKED";
    public static final String EVENT_RING_TO_OPEN_ON = "RING_TO_OPEN_ON";
    public static final String EVENT_RING_TO_OPEN_OFF = "RING_TO_OPEN_OFF";
    public static final String EVENT_CONTINUOUS_MODE_ON = "CONTINUOUS_MODE_ON";
    public static final String EVENT_CONTINUOUS_MODE_OFF = "CONTINUOUS_MODE_OFF";
    public static final String EVENT_OPENED = "OPENED";
    public static final String EVENT_UNLATCH_REFUSED = "UNLATCH_REFUSED";
    /** An action that unlocks or opens the door was refused because {@code unlock-allowed} is OFF. */
    public static final String EVENT_UNLOCK_REFUSED = "UNLOCK_REFUSED";
    /**
     * The opener's ring to open or continuous mode was switched off by the binding because a switch that forbids
     * arming it ({@code unlatch-allowed}, {@code unlock-allowed}) went OFF.
     */
    public static final String EVENT_DISARMED = "DISARMED";
    public static final String EVENT_ACTION_FAILED = "ACTION_FAILED";
    public static final String EVENT_RINGING = "RINGING";

    // events of the keypad-event channel, followed by ':' and the code's name
    public static final String KEYPAD_EVENT_ADDED = "ADDED";
    public static final String KEYPAD_EVENT_ENABLED = "ENABLED";
    public static final String KEYPAD_EVENT_DISABLED = "DISABLED";
    public static final String KEYPAD_EVENT_REMOVED = "REMOVED";
    public static final String KEYPAD_EVENT_NOT_CONFIRMED = "NOT_CONFIRMED";

    /** What {@link #CHANNEL_LAST_ACTION_USER} says for an action openHAB sent. */
    public static final String USER_OPENHAB = "openHAB";

    // bridge configuration
    public static final String CONFIG_IP = "ip";
    public static final String CONFIG_PORT = "port";
    public static final String CONFIG_API_TOKEN = "apiToken";

    // device configuration
    public static final String CONFIG_NUKI_ID = "nukiId";

    // properties
    public static final String PROPERTY_BRIDGE_ID = "bridgeId";
    public static final String PROPERTY_HARDWARE_ID = "hardwareId";
    public static final String PROPERTY_BRIDGE_TYPE = "bridgeType";
    public static final String PROPERTY_WIFI_FIRMWARE_VERSION = "wifiFirmwareVersion";
    public static final String PROPERTY_APP_VERSION = "appVersion";
    public static final String PROPERTY_NAME = "name";
    public static final String PROPERTY_DEVICE_TYPE = "deviceType";

    private NukiBindingConstants() {
    }
}
