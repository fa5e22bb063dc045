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
package org.openhab.binding.nuki.internal.broker;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.handler.FailureStatus;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.binding.nuki.internal.handler.NukiDeviceTransport;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two bridge things on an MQTT broker share, {@code nuki:mqtt} (Nuki's MQTT API) and {@code nuki:hub} (Nuki
 * Hub): one broker connection per thing, opened on the scheduler, and a thing status in words for every way the
 * broker can fail (no MQTT transport installed, unreachable, credentials or client id refused, connection lost).
 * What arrives on the broker is the subclass's; its devices publish every state themselves and say who acted.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class BrokerBridgeHandler extends BaseBridgeHandler implements NukiDeviceTransport {

    private final Logger logger = LoggerFactory.getLogger(BrokerBridgeHandler.class);
    private final NukiMqttConnector connector;

    private BrokerConfiguration broker = new BrokerConfiguration();
    private volatile @Nullable NukiMqttSession session;
    private volatile boolean disposed;

    protected BrokerBridgeHandler(Bridge bridge, NukiMqttConnector connector) {
        super(bridge);
        this.connector = connector;
    }

    /** Reads the thing's configuration; a problem in it is the returned status text (null: none). */
    protected abstract @Nullable String configure();

    /** The broker part of the configuration {@link #configure()} read. */
    protected abstract BrokerConfiguration brokerConfiguration();

    /** Subscribes to what the thing needs; called once per session, before it connects. */
    protected abstract void subscribe(NukiMqttSession session);

    /** The broker accepted the connection (again). By default the thing is ONLINE. */
    protected void brokerConnected() {
        updateStatus(ThingStatus.ONLINE);
    }

    /** The session ends for good: whatever waits on it gives up. */
    protected abstract void closeDevices();

    @Override
    public void initialize() {
        disposed = false;
        String problem = configure();
        broker = brokerConfiguration();
        if (problem == null && broker.host.isBlank()) {
            problem = FailureStatus.text("offline.mqtt.no-host");
        }
        String clientId = clientId();
        if (problem == null && (clientId.startsWith("Nuki_") || clientId.startsWith("SL3P_"))) {
            problem = FailureStatus.text("offline.mqtt.lock-client-id", clientId);
        }
        if (problem != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, problem);
            return;
        }
        updateStatus(ThingStatus.UNKNOWN);
        scheduler.execute(() -> connect(clientId));
    }

    /** openHAB's client id on the broker. */
    protected String clientId() {
        String configured = broker.clientId.trim();
        return configured.isEmpty() ? "openhab-nuki-" + getThing().getUID().getId() : configured;
    }

    /** The broker as the status texts name it. */
    protected String brokerName() {
        return broker.host.trim() + ":" + broker.port;
    }

    /** The open session, or null while there is none (not connected yet, or disposed). */
    protected @Nullable NukiMqttSession session() {
        return session;
    }

    protected boolean isDisposed() {
        return disposed;
    }

    private void connect(String clientId) {
        NukiMqttSession created;
        try {
            created = connector.connect(broker, clientId, new NukiMqttSession.Listener() {
                @Override
                public void connected() {
                    if (!disposed) {
                        logger.debug("Connected to the MQTT broker at {}", brokerName());
                        brokerConnected();
                    }
                }

                @Override
                public void disconnected(NukiMqttSession.Problem problem, String detail) {
                    onDisconnected(problem, detail);
                }
            });
        } catch (LinkageError e) {
            // openHAB's MQTT transport is not installed: nothing else of the binding needs it
            logger.debug("openHAB's MQTT transport is missing: {}", e.toString());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.mqtt.no-transport"));
            return;
        }
        synchronized (this) {
            if (disposed) {
                created.close();
                return;
            }
            session = created;
        }
        subscribe(created);
        created.start();
    }

    private void onDisconnected(NukiMqttSession.Problem problem, String detail) {
        if (disposed) {
            return;
        }
        String name = brokerName();
        switch (problem) {
            case CREDENTIALS_REFUSED -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.mqtt.credentials", name));
            case CLIENT_ID_REJECTED -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.mqtt.client-id-rejected", name, clientId()));
            case UNREACHABLE -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    FailureStatus.text("offline.mqtt.unreachable", name, detail));
            default -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    FailureStatus.text("offline.mqtt.lost", name));
        }
    }

    @Override
    public void dispose() {
        NukiMqttSession current;
        synchronized (this) {
            disposed = true;
            current = session;
            session = null;
        }
        closeDevices();
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge things have no channels
    }

    // ------------------------------------------------------------------ what both transports share

    /** A device thing's handler went away: nothing is handed to it any more. */
    protected abstract void detach(NukiDeviceHandler device);

    @Override
    public void actionPerformed() {
        // the devices publish their states themselves
    }

    @Override
    public boolean pushesEveryState() {
        return true;
    }

    @Override
    public boolean reportsWhoActed() {
        return true;
    }

    @Override
    public void childHandlerInitialized(ThingHandler childHandler, Thing childThing) {
        if (childHandler instanceof NukiDeviceHandler device) {
            attach(device);
        }
    }

    @Override
    public void childHandlerDisposed(ThingHandler childHandler, Thing childThing) {
        if (childHandler instanceof NukiDeviceHandler device) {
            detach(device);
        }
    }
}
