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

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.time.Clock;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.nuki.internal.account.LocalTransports;
import org.openhab.binding.nuki.internal.account.NukiAccountHandler;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.api.client.BridgeTransport;
import org.openhab.binding.nuki.internal.api.client.JettyBridgeTransport;
import org.openhab.binding.nuki.internal.api.client.RequestTimings;
import org.openhab.binding.nuki.internal.api.web.WebKeypadCodes;
import org.openhab.binding.nuki.internal.bridge.NukiBridgeHandler;
import org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackRegistry;
import org.openhab.binding.nuki.internal.broker.OpenhabMqttSession;
import org.openhab.binding.nuki.internal.console.NukiThingDirectory;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.binding.nuki.internal.handler.NukiOpenerHandler;
import org.openhab.binding.nuki.internal.handler.NukiSmartLockHandler;
import org.openhab.binding.nuki.internal.handler.UnlatchAllowedStore;
import org.openhab.binding.nuki.internal.hub.NukiHubHandler;
import org.openhab.binding.nuki.internal.mqtt.NukiMqttBridgeHandler;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.net.HttpServiceUtil;
import org.openhab.core.net.NetworkAddressService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the handlers of the Nuki things. All bridges share openHAB's HTTP client.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = "binding.nuki", service = ThingHandlerFactory.class)
public class NukiHandlerFactory extends BaseThingHandlerFactory {

    private final BridgeTransport transport;
    private final HttpClient httpClient;
    private final NukiAccounts accounts = new NukiAccounts();
    private final LocalTransports localTransports = new LocalTransports();
    private final UnlatchAllowedStore unlatchAllowedStore;
    private final NetworkAddressService networkAddressService;
    private final NukiCallbackRegistry callbackRegistry;
    private final NukiThingDirectory thingDirectory;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public NukiHandlerFactory(@Reference HttpClientFactory httpClientFactory,
            @Reference NetworkAddressService networkAddressService, @Reference NukiCallbackRegistry callbackRegistry,
            @Reference NukiThingDirectory thingDirectory) {
        this(httpClientFactory.getCommonHttpClient(), UnlatchAllowedStore.inUserData(), networkAddressService,
                callbackRegistry, thingDirectory);
    }

    NukiHandlerFactory(HttpClient httpClient, UnlatchAllowedStore unlatchAllowedStore,
            NetworkAddressService networkAddressService, NukiCallbackRegistry callbackRegistry,
            NukiThingDirectory thingDirectory) {
        // one client for the bridges and the cloud: openHAB's, with TLS as openHAB configures it
        this.httpClient = httpClient;
        this.transport = new JettyBridgeTransport(httpClient);
        this.unlatchAllowedStore = unlatchAllowedStore;
        this.networkAddressService = networkAddressService;
        this.callbackRegistry = callbackRegistry;
        this.thingDirectory = thingDirectory;
    }

    /** openHAB's primary IPv4 address and HTTP port, as the bridge should call back, or null. */
    private @Nullable String openhabBaseUrl() {
        String host = networkAddressService.getPrimaryIpv4HostAddress();
        int port = bundleContext == null ? -1 : HttpServiceUtil.getHttpServicePort(bundleContext);
        return host == null || host.isBlank() || port <= 0 ? null : "http://" + host + ":" + port;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return SUPPORTED_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID type = thing.getThingTypeUID();
        if (THING_TYPE_BRIDGE.equals(type) && thing instanceof Bridge bridge) {
            NukiBridgeHandler handler = new NukiBridgeHandler(bridge, transport, clock, RequestTimings.DEFAULT,
                    callbackRegistry, this::openhabBaseUrl);
            thingDirectory.add(handler);
            localTransports.add(bridge.getUID(), handler);
            return handler;
        } else if (THING_TYPE_MQTT.equals(type) && thing instanceof Bridge bridge) {
            // the lambda's body alone touches openHAB's MQTT transport, and only when the thing connects
            NukiMqttBridgeHandler handler = new NukiMqttBridgeHandler(bridge,
                    (config, clientId, listener) -> OpenhabMqttSession.open(config, clientId, listener));
            localTransports.add(bridge.getUID(), handler);
            return handler;
        } else if (THING_TYPE_HUB.equals(type) && thing instanceof Bridge bridge) {
            // the same broker session as the mqtt thing's, one per hub thing
            NukiHubHandler handler = new NukiHubHandler(bridge,
                    (config, clientId, listener) -> OpenhabMqttSession.open(config, clientId, listener), clock);
            localTransports.add(bridge.getUID(), handler);
            return handler;
        } else if (THING_TYPE_SMARTLOCK.equals(type)) {
            NukiSmartLockHandler handler = new NukiSmartLockHandler(thing, unlatchAllowedStore, accounts, clock);
            thingDirectory.addDevice(handler);
            return handler;
        } else if (THING_TYPE_OPENER.equals(type)) {
            NukiOpenerHandler handler = new NukiOpenerHandler(thing, unlatchAllowedStore, accounts, clock);
            thingDirectory.addDevice(handler);
            return handler;
        } else if (THING_TYPE_ACCOUNT.equals(type)) {
            return new NukiAccountHandler(thing, httpClient, accounts, localTransports, clock,
                    WebKeypadCodes.DEFAULT_CONFIRM_AFTER);
        }
        return null;
    }

    @Override
    protected void removeHandler(ThingHandler thingHandler) {
        if (thingHandler instanceof NukiBridgeHandler bridge) {
            thingDirectory.remove(bridge);
        }
        if (thingHandler instanceof NukiDeviceHandler device) {
            thingDirectory.removeDevice(device);
        }
        if (thingHandler instanceof NukiBridgeHandler || thingHandler instanceof NukiMqttBridgeHandler
                || thingHandler instanceof NukiHubHandler) {
            localTransports.remove(thingHandler.getThing().getUID());
        }
    }
}
