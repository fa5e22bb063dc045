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
package org.openhab.binding.nuki.internal.mqtt;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.mqtt.LockActionEvent;
import org.openhab.binding.nuki.internal.api.mqtt.MqttActionException;
import org.openhab.binding.nuki.internal.api.mqtt.MqttLockCommander;
import org.openhab.binding.nuki.internal.api.mqtt.MqttLockState;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttTopic;
import org.openhab.binding.nuki.internal.broker.BrokerBridgeHandler;
import org.openhab.binding.nuki.internal.broker.BrokerConfiguration;
import org.openhab.binding.nuki.internal.broker.NukiMqttConnector;
import org.openhab.binding.nuki.internal.broker.NukiMqttSession;
import org.openhab.binding.nuki.internal.handler.AttachedDevices;
import org.openhab.binding.nuki.internal.handler.FailureStatus;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.binding.nuki.internal.handler.NukiOpenerHandler;
import org.openhab.binding.nuki.internal.handler.NukiSmartLockHandler;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code nuki:mqtt} thing: a connection to the MQTT broker that Nuki's Wi-Fi and Thread locks publish to (Nuki
 * MQTT API), carrying the same smart-lock things, channels and door-safety gate as a Nuki Bridge. It subscribes to
 * {@code nuki/#} once, turns each lock's retained topics into its state, and sends lock actions one at a time per lock
 * ({@link MqttLockCommander}). It polls nothing: the locks publish every change themselves.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiMqttBridgeHandler extends BrokerBridgeHandler {

    private final Logger logger = LoggerFactory.getLogger(NukiMqttBridgeHandler.class);

    private final AttachedDevices devices = new AttachedDevices();
    /** Every lock seen on the broker, by nukiId. */
    private final Map<Long, MqttLock> locks = new ConcurrentHashMap<>();
    private final Map<Object, Consumer<MqttLockState>> discoveryListeners = new ConcurrentHashMap<>();

    private BrokerConfiguration config = new BrokerConfiguration();

    /** One lock on the broker: what it published, the id as it writes it, and its commands. */
    private final class MqttLock {
        final MqttLockState state;
        volatile @Nullable String idText;
        final MqttLockCommander commander;

        MqttLock(long nukiId, NukiMqttSession current) {
            state = new MqttLockState(nukiId);
            commander = new MqttLockCommander(current, scheduler, () -> NukiMqttTopic.of(idText, nukiId, "lockAction"),
                    Duration.ofSeconds(Math.max(5, config.commandTimeout)));
        }
    }

    public NukiMqttBridgeHandler(Bridge bridge, NukiMqttConnector connector) {
        super(bridge, connector);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    protected @Nullable String configure() {
        config = getConfigAs(BrokerConfiguration.class);
        return null;
    }

    @Override
    protected BrokerConfiguration brokerConfiguration() {
        return config;
    }

    @Override
    protected void subscribe(NukiMqttSession session) {
        session.subscribe(NukiMqttTopic.ALL_LOCKS, this::onMessage);
    }

    @Override
    protected void closeDevices() {
        locks.values().forEach(lock -> lock.commander.close());
        locks.clear();
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NukiMqttDiscoveryService.class);
    }

    // ------------------------------------------------------------------ messages from the locks

    /** A message on {@code nuki/#}: where a lock's topic becomes its thing's state. */
    void onMessage(String topicText, String payload) {
        NukiMqttTopic topic = NukiMqttTopic.parse(topicText);
        NukiMqttSession current = session();
        if (topic == null || current == null || isDisposed()) {
            return;
        }
        MqttLock lock = Objects.requireNonNull(locks.computeIfAbsent(topic.nukiId(), id -> new MqttLock(id, current)));
        lock.idText = topic.idText();
        switch (topic.name()) {
            case "lockAction", "lock", "unlock" -> {
                // commands, ours or another client's: not state
            }
            case "commandResponse" -> {
                try {
                    lock.commander.onCommandResponse(Integer.parseInt(payload.trim()));
                } catch (NumberFormatException e) {
                    logger.debug("Unreadable commandResponse from Nuki lock {}", topic.idText());
                }
            }
            case "lockActionEvent" -> {
                LockActionEvent event = LockActionEvent.parse(payload);
                if (event == null) {
                    logger.debug("Unreadable lockActionEvent from Nuki lock {}", topic.idText());
                } else if (devices.get(topic.nukiId()) instanceof NukiSmartLockHandler smartLock) {
                    smartLock.onLockActionEvent(event);
                }
            }
            default -> onStateTopic(lock, topic.name(), payload);
        }
    }

    private void onStateTopic(MqttLock lock, String name, String payload) {
        // the state first, the device after: a thing attached meanwhile finds the state in place
        MqttLockState.Change change = lock.state.apply(name, payload);
        if (change == MqttLockState.Change.NONE) {
            return;
        }
        if ("state".equals(name)) {
            DeviceState state = lock.state.deviceState();
            if (state != null) {
                lock.commander.onState(state.stateCode());
            }
        }
        if (change == MqttLockState.Change.INFO) {
            discoveryListeners.values().forEach(listener -> listener.accept(lock.state));
        }
        NukiDeviceHandler device = devices.get(lock.state.nukiId());
        if (device != null) {
            // a state change, the frequent case, does not touch the thing's properties and detail channels
            hand(lock, device, change != MqttLockState.Change.STATE);
        }
    }

    /**
     * Hands what is known of a lock to its thing; returns whether there was a state to hand.
     *
     * @param withDetails also name, firmware, cloud connection and the door sensor's battery
     */
    private boolean hand(MqttLock lock, NukiDeviceHandler device, boolean withDetails) {
        // one hand-over at a time per lock, each reading the newest state: a thing attached while a message arrives
        // never gets an older state after a newer one
        synchronized (lock) {
            return handNewest(lock, device, withDetails);
        }
    }

    private boolean handNewest(MqttLock lock, NukiDeviceHandler device, boolean withDetails) {
        if (device instanceof NukiOpenerHandler) {
            device.onDeviceOffline(FailureStatus.text("offline.device.mqtt-opener"));
            return true;
        }
        if (Boolean.FALSE.equals(lock.state.connected())) {
            device.onDeviceOffline(FailureStatus.text("offline.device.mqtt-disconnected"));
            return true;
        }
        if (withDetails && device instanceof NukiSmartLockHandler smartLock) {
            smartLock.onMqttDetails(lock.state.name(), lock.state.firmware(), lock.state.deviceType(),
                    lock.state.serverConnected(), lock.state.doorsensorBatteryCritical());
        }
        DeviceState state = lock.state.deviceState();
        if (state == null) {
            return false;
        }
        device.onPushedState(state);
        return true;
    }

    // ------------------------------------------------------------------ NukiDeviceTransport

    @Override
    public CompletableFuture<?> lockAction(long nukiId, int deviceTypeCode, LockAction action) {
        NukiMqttSession current = session();
        if (current == null || isDisposed()) {
            return CompletableFuture.failedFuture(
                    new MqttActionException(MqttActionException.NO_RESPONSE, "the MQTT bridge thing is not connected"));
        }
        MqttLock lock = Objects.requireNonNull(locks.computeIfAbsent(nukiId, id -> new MqttLock(id, current)));
        DeviceState state = lock.state.deviceState();
        return lock.commander.send(action, state == null ? null : state.stateCode());
    }

    @Override
    public boolean knowsDevice(long nukiId) {
        return locks.containsKey(nukiId);
    }

    @Override
    public boolean attach(NukiDeviceHandler device) {
        Long nukiId = device.nukiId();
        if (isDisposed() || nukiId == null || !devices.attach(device)) {
            return false;
        }
        MqttLock lock = locks.get(nukiId);
        if (lock == null && device instanceof NukiOpenerHandler) {
            device.onDeviceOffline(FailureStatus.text("offline.device.mqtt-opener"));
            return true;
        }
        return lock != null && hand(lock, device, true);
    }

    @Override
    protected void detach(NukiDeviceHandler device) {
        devices.detach(device);
    }

    // ------------------------------------------------------------------ discovery

    /** Whether a thing serves the lock already. */
    public boolean hasDeviceThing(long nukiId) {
        return devices.contains(nukiId);
    }

    /** What every lock seen on the broker published about itself. */
    public List<MqttLockState> seenLocks() {
        return locks.values().stream().map(lock -> lock.state).toList();
    }

    /** Tells a listener about each lock whose name or type becomes known. */
    public void addDiscoveryListener(Object owner, Consumer<MqttLockState> listener) {
        discoveryListeners.put(owner, listener);
    }

    public void removeDiscoveryListener(Object owner) {
        discoveryListeners.remove(owner);
    }
}
