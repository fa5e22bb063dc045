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

import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.api.client.JettyBridgeTransport;
import org.openhab.binding.nuki.internal.api.client.RequestTimings;
import org.openhab.binding.nuki.internal.bridge.NukiBridgeHandler;
import org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackRegistry;
import org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackServlet;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.binding.nuki.internal.handler.NukiOpenerHandler;
import org.openhab.binding.nuki.internal.handler.NukiSmartLockHandler;
import org.openhab.binding.nuki.internal.handler.UnlatchAllowedStore;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.State;

/**
 * The openHAB framework around the binding's handlers, mocked as openHAB behaves: each thing's status mirrors what
 * its handler reported, a bridge's status change reaches its children, a child's initialization reaches its bridge,
 * and channel states and triggers are recorded. The bridge is the simulator, over a real Jetty client.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
public final class HandlerHarness implements AutoCloseable {

    /** One device thing and what the framework saw of it. */
    public static final class Device {
        public final Thing thing;
        public final ThingHandlerCallback callback;
        public final NukiDeviceHandler handler;
        public final Map<String, State> states = new ConcurrentHashMap<>();
        public final Queue<String> stateLog = new ConcurrentLinkedQueue<>();
        public final List<String> events = new CopyOnWriteArrayList<>();
        /** Told of every channel state as the framework receives it (benchmarks time the path with it). */
        public volatile @Nullable BiConsumer<String, State> stateHook;
        public final AtomicReference<ThingStatusInfo> status = new AtomicReference<>(
                new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
        public final Map<String, String> properties = new ConcurrentHashMap<>();
        public final Configuration configuration;

        Device(Thing thing, ThingHandlerCallback callback, NukiDeviceHandler handler, Configuration configuration) {
            this.thing = thing;
            this.callback = callback;
            this.handler = handler;
            this.configuration = configuration;
        }

        public @Nullable State state(String channel) {
            return states.get(channel);
        }

        public ThingStatus statusValue() {
            return status.get().getStatus();
        }

        public ChannelUID channel(String id) {
            return new ChannelUID(thing.getUID(), id);
        }

        /**
         * Waits until the thing handled every input that reached it so far (its lane had its turn): what it publishes
         * for them is recorded then.
         */
        public void settle() {
            try {
                handler.settled().get(Await.DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("The thing did not handle its inputs: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for the thing", e);
            }
        }

        /** Drops what was recorded; a mock that outlives the harness then holds next to nothing. */
        void forget() {
            states.clear();
            stateLog.clear();
            events.clear();
            properties.clear();
        }

        /** The states a channel went through, in order. */
        public List<String> history(String channel) {
            return stateLog.stream().filter(line -> line.startsWith(channel + "="))
                    .map(line -> line.substring(channel.length() + 1)).toList();
        }
    }

    public static final ThingUID BRIDGE_UID = new ThingUID(NukiBindingConstants.THING_TYPE_BRIDGE, "home");

    public final NukiBridgeSimulator simulator;
    public final HttpClient httpClient = new HttpClient();
    /** Every connection {@link #httpClient} opens and closes, pooled or not. */
    public final ConnectionStatistics connectionStatistics = new ConnectionStatistics();
    public final Clock clock;
    public final UnlatchAllowedStore store;
    /** The Nuki Web accounts the devices may ask (none unless a test adds one). */
    public final NukiAccounts accounts = new NukiAccounts();

    public final Bridge bridge = mock(Bridge.class, withSettings().stubOnly());
    public final ThingHandlerCallback bridgeCallback = mock(ThingHandlerCallback.class, withSettings().stubOnly());
    /** Runs on the handler's thread as the bridge reports a status, before the framework takes it. */
    public final AtomicReference<@Nullable Consumer<ThingStatusInfo>> beforeBridgeStatus = new AtomicReference<>();
    public final AtomicReference<ThingStatusInfo> bridgeStatus = new AtomicReference<>(
            new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
    public final Map<String, String> bridgeProperties = new ConcurrentHashMap<>();
    public final Configuration bridgeConfiguration = new Configuration();
    public final NukiBridgeHandler bridgeHandler;
    public final NukiCallbackRegistry callbackRegistry = new NukiCallbackRegistry();
    /** openHAB's HTTP service with the binding's callback servlet. */
    public final Server openhabHttp = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    private final Map<ThingUID, Device> devices = new ConcurrentHashMap<>();
    /** Every device ever added, disposed ones included, so that {@link #close()} can release their recordings. */
    private final List<Device> created = new CopyOnWriteArrayList<>();
    private final AtomicReference<@Nullable String> openhabBaseUrl = new AtomicReference<>();

    public HandlerHarness(NukiBridgeSimulator simulator, Clock clock, @Nullable Path storeFile) throws IOException {
        this(simulator, clock, storeFile, ClientFixture.FAST);
    }

    public HandlerHarness(NukiBridgeSimulator simulator, Clock clock, @Nullable Path storeFile, RequestTimings timings)
            throws IOException {
        this.simulator = simulator;
        this.clock = clock;
        this.store = new UnlatchAllowedStore(storeFile);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new NukiCallbackServlet(callbackRegistry)),
                NukiCallbackRegistry.PATH + "/*");
        openhabHttp.setHandler(context);
        httpClient.addBean(connectionStatistics);
        try {
            httpClient.start();
            openhabHttp.start();
        } catch (Exception e) {
            throw new IOException(e);
        }
        openhabBaseUrl.set(servletBaseUrl());
        if (!simulator.isUp()) {
            simulator.start();
        }
        bridgeConfiguration.put("ip", simulator.host());
        bridgeConfiguration.put("port", simulator.port());
        bridgeConfiguration.put("apiToken", simulator.token());
        bridgeConfiguration.put("authentication", "encrypted");
        when(bridge.getUID()).thenReturn(BRIDGE_UID);
        when(bridge.getThingTypeUID()).thenReturn(NukiBindingConstants.THING_TYPE_BRIDGE);
        when(bridge.getConfiguration()).thenReturn(bridgeConfiguration);
        // The answers capture what they need, never this harness: Mockito keeps the mock last called on each thread
        // (its per-thread stubbing progress) after the test, and a long soak must not be measured with the whole
        // harness, simulator and recordings still reachable through it.
        AtomicReference<ThingStatusInfo> status = bridgeStatus;
        Map<String, String> properties = bridgeProperties;
        Map<ThingUID, Device> children = devices;
        AtomicReference<@Nullable Consumer<ThingStatusInfo>> statusHook = beforeBridgeStatus;
        when(bridge.getStatus()).thenAnswer(i -> status.get().getStatus());
        when(bridge.getStatusInfo()).thenAnswer(i -> status.get());
        when(bridge.getProperties()).thenAnswer(i -> Map.copyOf(properties));
        when(bridge.setProperty(anyString(), any()))
                .thenAnswer(i -> properties.put(i.getArgument(0, String.class), i.getArgument(1, String.class)));
        bridgeHandler = new NukiBridgeHandler(bridge, new JettyBridgeTransport(httpClient), Clock.systemUTC(), timings,
                callbackRegistry, openhabBaseUrl::get);
        when(bridge.getHandler()).thenReturn(bridgeHandler);
        doAnswer(i -> {
            ThingStatusInfo info = i.getArgument(1);
            Consumer<ThingStatusInfo> hook = statusHook.get();
            if (hook != null) {
                hook.accept(info);
            }
            ThingStatusInfo before = status.getAndSet(info);
            if (before.getStatus() != info.getStatus()) {
                // the framework tells the children when their bridge's status changes
                for (Device device : children.values()) {
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

    public Device addSmartLock(String id, Map<String, Object> configuration) {
        return add(NukiBindingConstants.THING_TYPE_SMARTLOCK, id, configuration);
    }

    public Device addOpener(String id, Map<String, Object> configuration) {
        return add(NukiBindingConstants.THING_TYPE_OPENER, id, configuration);
    }

    private Device add(ThingTypeUID type, String id, Map<String, Object> settings) {
        Device device = mockDevice(type, BRIDGE_UID, bridge, id, settings, store, accounts, clock);
        devices.put(device.thing.getUID(), device);
        created.add(device);
        return device;
    }

    /**
     * A device thing with a mocked framework around its handler, under the given bridge: the callback records states,
     * events, status and properties in the returned {@link Device}.
     */
    static Device mockDevice(ThingTypeUID type, ThingUID bridgeUID, Bridge bridge, String id,
            Map<String, Object> settings, UnlatchAllowedStore store, NukiAccounts accounts, Clock clock) {
        // stub-only mocks keep no invocation history: a long soak calls them millions of times
        Thing thing = mock(Thing.class, withSettings().stubOnly());
        ThingHandlerCallback callback = mock(ThingHandlerCallback.class, withSettings().stubOnly());
        ThingUID uid = new ThingUID(type, bridgeUID, id);
        Configuration configuration = new Configuration(new HashMap<>(settings));
        NukiDeviceHandler handler = NukiBindingConstants.THING_TYPE_OPENER.equals(type)
                ? new NukiOpenerHandler(thing, store, accounts, clock)
                : new NukiSmartLockHandler(thing, store, accounts, clock);
        Device device = new Device(thing, callback, handler, configuration);
        when(thing.getUID()).thenReturn(uid);
        when(thing.getThingTypeUID()).thenReturn(type);
        when(thing.getBridgeUID()).thenReturn(bridgeUID);
        when(thing.getConfiguration()).thenReturn(configuration);
        when(thing.getStatus()).thenAnswer(i -> device.status.get().getStatus());
        when(thing.getStatusInfo()).thenAnswer(i -> device.status.get());
        when(thing.getProperties()).thenAnswer(i -> Map.copyOf(device.properties));
        when(thing.setProperty(anyString(), any()))
                .thenAnswer(i -> device.properties.put(i.getArgument(0, String.class), i.getArgument(1, String.class)));
        when(thing.getHandler()).thenReturn(handler);
        when(callback.getBridge(bridgeUID)).thenReturn(bridge);
        doAnswer(i -> {
            device.status.set(i.getArgument(1));
            return null;
        }).when(callback).statusUpdated(any(), any());
        doAnswer(i -> {
            ChannelUID channel = i.getArgument(0);
            State state = i.getArgument(1);
            device.states.put(channel.getId(), state);
            device.stateLog.add(channel.getId() + "=" + state);
            BiConsumer<String, State> hook = device.stateHook;
            if (hook != null) {
                hook.accept(channel.getId(), state);
            }
            return null;
        }).when(callback).stateUpdated(any(), any());
        doAnswer(i -> {
            ChannelUID channel = i.getArgument(1);
            device.events.add(channel.getId() + ":" + i.getArgument(2));
            return null;
        }).when(callback).channelTriggered(any(), any(), any());
        handler.setCallback(callback);
        return device;
    }

    /** Initializes a device as the framework does: initialize, then tell the bridge. */
    public void initialize(Device device) {
        device.handler.initialize();
        bridgeHandler.childHandlerInitialized(device.handler, device.thing);
        device.settle();
    }

    /**
     * Saves a changed configuration as openHAB does, through the handler's handleConfigurationUpdate: for an
     * initialized handler, BaseThingHandler disposes it, stores the configuration and initializes it again, and the
     * bridge handler hears nothing of it. (openHAB 5.2 reads a handler's configuration anew only when it is saved this
     * way: a change put into the thing's configuration directly is not seen.)
     */
    public void reconfigure(Device device, Map<String, Object> changes) {
        device.handler.handleConfigurationUpdate(changes);
        device.settle();
    }

    /** Disposes a device as the framework does. */
    public void dispose(Device device) {
        device.handler.dispose();
        device.settle();
        bridgeHandler.childHandlerDisposed(device.handler, device.thing);
        device.handler.setCallback(null);
        devices.remove(device.thing.getUID());
    }

    /** openHAB's address as the binding tells the bridge; null: unknown. */
    public void setOpenhabBaseUrl(@Nullable String baseUrl) {
        openhabBaseUrl.set(baseUrl);
    }

    /** Where the servlet listens: {@code http://127.0.0.1:port}. */
    public String servletBaseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) openhabHttp.getConnectors()[0]).getLocalPort();
    }

    public ThingStatus bridgeStatusValue() {
        return bridgeStatus.get().getStatus();
    }

    @Override
    public void close() {
        for (Device device : devices.values()) {
            device.handler.dispose();
        }
        bridgeHandler.dispose();
        simulator.close();
        // Mockito's inline mocks are kept by Mockito until cleared, and the mock last called on a thread stays
        // reachable from that thread; what their answers hold is released here
        org.mockito.Mockito.framework().clearInlineMocks();
        created.forEach(Device::forget);
        created.clear();
        devices.clear();
        bridgeProperties.clear();
        try {
            openhabHttp.stop();
            httpClient.stop();
        } catch (Exception e) {
            // a test is over
        }
    }
}
