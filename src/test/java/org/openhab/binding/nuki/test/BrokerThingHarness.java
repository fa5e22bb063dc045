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
package org.openhab.binding.nuki.test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.*;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.broker.BrokerBridgeHandler;
import org.openhab.binding.nuki.internal.broker.NukiMqttConnector;
import org.openhab.binding.nuki.internal.broker.OpenhabMqttSession;
import org.openhab.binding.nuki.internal.handler.UnlatchAllowedStore;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;

/**
 * A bridge thing on an MQTT broker ({@code nuki:mqtt} or {@code nuki:hub}) and its device things with a mocked openHAB
 * framework, connected through openHAB's MQTT transport (its stand-in here, on the same HiveMQ client) to a real broker
 * embedded in the test JVM. The simulated locks or hubs connect to the same broker.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class BrokerThingHarness<H extends BrokerBridgeHandler> implements AutoCloseable {

    /** Makes the bridge handler under test. */
    @FunctionalInterface
    protected interface HandlerMaker<H> {
        H make(Bridge bridge, NukiMqttConnector connector);
    }

    public final ThingUID bridgeUID;
    public final EmbeddedBroker broker;
    public final Bridge bridge = mock(Bridge.class, withSettings().stubOnly());
    public final ThingHandlerCallback bridgeCallback = mock(ThingHandlerCallback.class, withSettings().stubOnly());
    public final AtomicReference<ThingStatusInfo> bridgeStatus = new AtomicReference<>(
            new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
    public final Configuration bridgeConfiguration = new Configuration();
    /** The bridge thing's properties as the handler set them. */
    public final Map<String, String> bridgeProperties = new ConcurrentHashMap<>();
    public final H bridgeHandler;
    private final UnlatchAllowedStore store = new UnlatchAllowedStore(null);
    /** The Nuki Web accounts the locks may ask (none unless a test adds one). */
    public final NukiAccounts accounts = new NukiAccounts();
    private final List<Device> devices = new CopyOnWriteArrayList<>();

    /** The production connector: openHAB's MQTT transport. */
    protected static NukiMqttConnector transport() {
        return (config, clientId, listener) -> OpenhabMqttSession.open(config, clientId, listener);
    }

    protected static EmbeddedBroker loopbackBroker() {
        return new EmbeddedBroker(InetAddress.getLoopbackAddress().getHostAddress(), 0);
    }

    protected BrokerThingHarness(ThingUID bridgeUID, ThingTypeUID bridgeType, NukiMqttConnector connector,
            EmbeddedBroker unstarted, HandlerMaker<H> maker) throws IOException {
        this.bridgeUID = bridgeUID;
        broker = unstarted.start();
        bridgeConfiguration.put("host", broker.host());
        bridgeConfiguration.put("port", broker.port());
        bridgeConfiguration.put("commandTimeout", 5);
        when(bridge.getUID()).thenReturn(bridgeUID);
        when(bridge.getThingTypeUID()).thenReturn(bridgeType);
        when(bridge.getConfiguration()).thenReturn(bridgeConfiguration);
        AtomicReference<ThingStatusInfo> status = bridgeStatus;
        List<Device> children = devices;
        when(bridge.getStatus()).thenAnswer(i -> status.get().getStatus());
        Map<String, String> properties = bridgeProperties;
        when(bridge.getProperties()).thenAnswer(i -> Map.copyOf(properties));
        when(bridge.setProperty(anyString(), any()))
                .thenAnswer(i -> properties.put(i.getArgument(0, String.class), i.getArgument(1, String.class)));
        when(bridge.getStatusInfo()).thenAnswer(i -> status.get());
        bridgeHandler = maker.make(bridge, connector);
        when(bridge.getHandler()).thenReturn(bridgeHandler);
        doAnswer(i -> {
            ThingStatusInfo info = i.getArgument(1);
            ThingStatusInfo before = status.getAndSet(info);
            if (before.getStatus() != info.getStatus()) {
                for (Device device : children) {
                    device.handler.bridgeStatusChanged(info);
                }
            }
            return null;
        }).when(bridgeCallback).statusUpdated(any(), any());
        bridgeHandler.setCallback(bridgeCallback);
    }

    public void initializeBridge() {
        bridgeHandler.initialize();
    }

    public ThingStatus bridgeStatusValue() {
        return bridgeStatus.get().getStatus();
    }

    public @Nullable String bridgeStatusDescription() {
        return bridgeStatus.get().getDescription();
    }

    public Device addSmartLock(String id, Map<String, Object> configuration) {
        return add(NukiBindingConstants.THING_TYPE_SMARTLOCK, id, configuration);
    }

    public Device addOpener(String id, Map<String, Object> configuration) {
        return add(NukiBindingConstants.THING_TYPE_OPENER, id, configuration);
    }

    private Device add(ThingTypeUID type, String id, Map<String, Object> configuration) {
        Device device = HandlerHarness.mockDevice(type, bridgeUID, bridge, id, configuration, store, accounts,
                Clock.systemUTC());
        devices.add(device);
        return device;
    }

    /** Initializes a device as the framework does: initialize, then tell the bridge. */
    public void initialize(Device device) {
        device.handler.initialize();
        bridgeHandler.childHandlerInitialized(device.handler, device.thing);
        // initialize() returns at once; the thing had its turn once its lane handled it
        device.settle();
    }

    @Override
    public void close() {
        for (Device device : devices) {
            device.handler.dispose();
            bridgeHandler.childHandlerDisposed(device.handler, device.thing);
        }
        bridgeHandler.dispose();
        broker.stop();
        devices.forEach(Device::forget);
        org.mockito.Mockito.framework().clearInlineMocks();
    }
}
