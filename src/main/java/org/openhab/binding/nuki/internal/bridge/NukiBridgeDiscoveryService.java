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
package org.openhab.binding.nuki.internal.bridge;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.client.BridgeTransport;
import org.openhab.binding.nuki.internal.api.client.JettyBridgeTransport;
import org.openhab.binding.nuki.internal.api.dto.DiscoveryDto;
import org.openhab.core.config.discovery.AbstractDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.config.discovery.DiscoveryService;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Finds bridges through Nuki's discovery web service, which lists the bridges that reported from the same public
 * address. A bridge shows up in the inbox with its id and address and without a token: adding it starts the button
 * pairing. The service being down, refusing (403) or listing 0.0.0.0 (discovery switched off on the bridge) costs a
 * debug line, nothing more; manual configuration always works.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = DiscoveryService.class, configurationPid = "discovery.nuki")
public class NukiBridgeDiscoveryService extends AbstractDiscoveryService {

    /** Nuki's discovery web service; the {@code discoveryUrl} configuration of {@code discovery.nuki} replaces it. */
    public static final String DEFAULT_DISCOVERY_URL = "https://api.nuki.io/discover/bridges";
    private static final int TIMEOUT_SECONDS = 15;

    private final Logger logger = LoggerFactory.getLogger(NukiBridgeDiscoveryService.class);
    private final Gson gson = new Gson();
    private final BridgeTransport transport;
    private volatile URI discoveryUrl = URI.create(DEFAULT_DISCOVERY_URL);

    @Activate
    public NukiBridgeDiscoveryService(@Reference HttpClientFactory httpClientFactory) {
        this(new JettyBridgeTransport(httpClientFactory.getCommonHttpClient()));
    }

    public NukiBridgeDiscoveryService(BridgeTransport transport) {
        super(Set.of(THING_TYPE_BRIDGE), TIMEOUT_SECONDS, false);
        this.transport = transport;
    }

    @Override
    @Activate
    protected void activate(@Nullable Map<String, Object> configProperties) {
        super.activate(configProperties);
        configure(configProperties);
    }

    @Override
    @Modified
    protected void modified(@Nullable Map<String, Object> configProperties) {
        super.modified(configProperties);
        configure(configProperties);
    }

    private void configure(@Nullable Map<String, Object> properties) {
        Object url = properties == null ? null : properties.get("discoveryUrl");
        try {
            discoveryUrl = URI
                    .create(url == null || url.toString().isBlank() ? DEFAULT_DISCOVERY_URL : url.toString().trim());
        } catch (IllegalArgumentException e) {
            logger.warn("Ignoring the discovery URL '{}': {}", url, e.getMessage());
        }
    }

    /** Uses another discovery service (tests, private mirrors). */
    public void setDiscoveryUrl(URI url) {
        this.discoveryUrl = url;
    }

    @Override
    protected void startScan() {
        transport.get(discoveryUrl, Duration.ofSeconds(TIMEOUT_SECONDS)).whenComplete((response, error) -> {
            if (error != null) {
                logger.debug("Nuki's discovery service cannot be reached: {}", error.getMessage());
                return;
            }
            if (response.status() != 200) {
                logger.debug("Nuki's discovery service answered HTTP {}", response.status());
                return;
            }
            DiscoveryDto found;
            try {
                found = gson.fromJson(response.body(), DiscoveryDto.class);
            } catch (JsonParseException e) {
                logger.debug("Nuki's discovery service sent no JSON: {}", e.getMessage());
                return;
            }
            if (found == null || found.bridges == null || (found.errorCode != null && found.errorCode != 0)) {
                logger.debug("Nuki's discovery service found no bridge");
                return;
            }
            report(found.bridges);
        });
    }

    private void report(List<DiscoveryDto.@Nullable Bridge> bridges) {
        for (DiscoveryDto.Bridge bridge : bridges) {
            if (bridge == null || bridge.bridgeId == null) {
                continue;
            }
            String ip = bridge.ip;
            Integer port = bridge.port;
            if (ip == null || ip.isBlank() || "0.0.0.0".equals(ip) || port == null || port <= 0) {
                // discovery is switched off on that bridge (or a software bridge): it has to be added by hand
                logger.debug("Nuki bridge {} does not publish its address", bridge.bridgeId);
                continue;
            }
            String bridgeId = String.valueOf(bridge.bridgeId);
            thingDiscovered(DiscoveryResultBuilder.create(new ThingUID(THING_TYPE_BRIDGE, bridgeId))
                    .withProperty(CONFIG_IP, ip).withProperty(CONFIG_PORT, port)
                    .withProperty(PROPERTY_BRIDGE_ID, bridgeId).withRepresentationProperty(PROPERTY_BRIDGE_ID)
                    .withLabel("@text/discovery.nuki.bridge.label [\"" + ip + "\"]").build());
        }
    }
}
