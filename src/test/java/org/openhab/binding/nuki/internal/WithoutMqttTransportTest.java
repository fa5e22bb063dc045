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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.test.Await;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.net.NetworkAddressService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;

/**
 * An installation with only a Nuki Bridge has no MQTT transport (openHAB installs it only when a feature asks for
 * it). The binding's classes are loaded here by a class loader that cannot see the transport nor the HiveMQ client:
 * the handler factory, the bridge and smart-lock handlers load and a bridge goes ONLINE, and a {@code nuki:mqtt} thing
 * made by the same factory goes OFFLINE saying what to install.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class WithoutMqttTransportTest {

    /** Loads the binding's classes itself, from the same class files, and nothing of the MQTT transport. */
    private static final class NoMqttTransportLoader extends ClassLoader {
        NoMqttTransportLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.openhab.core.io.transport.mqtt") || name.startsWith("com.hivemq")) {
                throw new ClassNotFoundException(name + " (no MQTT transport in this installation)");
            }
            if (!name.startsWith("org.openhab.binding.nuki.internal")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    private static Bridge bridge(String type, String id, Configuration configuration,
            AtomicReference<ThingStatusInfo> status) {
        Bridge bridge = mock(Bridge.class);
        ThingUID uid = new ThingUID("nuki", type, id);
        when(bridge.getUID()).thenReturn(uid);
        when(bridge.getThingTypeUID()).thenReturn(new org.openhab.core.thing.ThingTypeUID("nuki", type));
        when(bridge.getConfiguration()).thenReturn(configuration);
        when(bridge.getStatus()).thenAnswer(i -> status.get().getStatus());
        return bridge;
    }

    private static ThingHandler create(Object factory, Bridge bridge, AtomicReference<ThingStatusInfo> status)
            throws Exception {
        Method createHandler = factory.getClass().getDeclaredMethod("createHandler",
                org.openhab.core.thing.Thing.class);
        createHandler.setAccessible(true);
        ThingHandler handler = (ThingHandler) createHandler.invoke(factory, bridge);
        ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        doAnswer(i -> {
            status.set(i.getArgument(1));
            return null;
        }).when(callback).statusUpdated(any(), any());
        handler.setCallback(callback);
        return handler;
    }

    @Test
    void testTheBridgePathRunsAndAnMqttBridgeSaysWhatToInstall() throws Exception {
        ClassLoader loader = new NoMqttTransportLoader(java.util.Objects.requireNonNull(getClass().getClassLoader()));
        assertThat(Class.forName("org.openhab.core.io.transport.mqtt.MqttBrokerConnection", false,
                getClass().getClassLoader()), is(notNullValue()));
        for (String name : new String[] { "NukiHandlerFactory", "bridge.NukiBridgeHandler",
                "handler.NukiSmartLockHandler", "handler.NukiOpenerHandler", "mqtt.NukiMqttBridgeHandler",
                "hub.NukiHubHandler" }) {
            // loading and linking them needs nothing of the transport
            Class.forName("org.openhab.binding.nuki.internal." + name, true, loader);
        }

        Class<?> storeType = loader.loadClass("org.openhab.binding.nuki.internal.handler.UnlatchAllowedStore");
        Class<?> registryType = loader
                .loadClass("org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackRegistry");
        Class<?> directoryType = loader.loadClass("org.openhab.binding.nuki.internal.console.NukiThingDirectory");
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient();
        http.start();
        try (NukiBridgeSimulator simulator = new NukiBridgeSimulator("isolated-token")) {
            simulator.start();
            Constructor<?> factoryConstructor = loader.loadClass("org.openhab.binding.nuki.internal.NukiHandlerFactory")
                    .getDeclaredConstructor(org.eclipse.jetty.client.HttpClient.class, storeType,
                            NetworkAddressService.class, registryType, directoryType);
            factoryConstructor.setAccessible(true);
            Object factory = factoryConstructor.newInstance(http,
                    storeType.getConstructor(Path.class).newInstance((@Nullable Path) null),
                    mock(NetworkAddressService.class), registryType.getConstructor().newInstance(),
                    directoryType.getConstructor().newInstance());
            assertNotNull(factory);

            Configuration bridgeConfig = new Configuration();
            bridgeConfig.put("ip", InetAddress.getLoopbackAddress().getHostAddress());
            bridgeConfig.put("port", simulator.port());
            bridgeConfig.put("apiToken", simulator.token());
            bridgeConfig.put("manageCallbacks", false);
            AtomicReference<ThingStatusInfo> bridgeStatus = new AtomicReference<>(
                    new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
            ThingHandler bridgeHandler = create(factory, bridge("bridge", "home", bridgeConfig, bridgeStatus),
                    bridgeStatus);
            bridgeHandler.initialize();
            Await.until("the Nuki Bridge online", () -> bridgeStatus.get().getStatus() == ThingStatus.ONLINE);

            Configuration mqttConfig = new Configuration();
            mqttConfig.put("host", "127.0.0.1");
            AtomicReference<ThingStatusInfo> mqttStatus = new AtomicReference<>(
                    new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
            ThingHandler mqttHandler = create(factory, bridge("mqtt", "broker", mqttConfig, mqttStatus), mqttStatus);
            mqttHandler.initialize();
            Await.until("the MQTT bridge offline", () -> mqttStatus.get().getStatus() == ThingStatus.OFFLINE);
            assertThat(mqttStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(mqttStatus.get().getDescription(), is("@text/offline.mqtt.no-transport"));
            mqttHandler.dispose();

            AtomicReference<ThingStatusInfo> hubStatus = new AtomicReference<>(
                    new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
            ThingHandler hubHandler = create(factory, bridge("hub", "esp", mqttConfig, hubStatus), hubStatus);
            hubHandler.initialize();
            Await.until("the Nuki Hub thing offline", () -> hubStatus.get().getStatus() == ThingStatus.OFFLINE);
            assertThat(hubStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(hubStatus.get().getDescription(), is("@text/offline.mqtt.no-transport"));
            hubHandler.dispose();
            bridgeHandler.dispose();
        } finally {
            http.stop();
        }
    }
}
