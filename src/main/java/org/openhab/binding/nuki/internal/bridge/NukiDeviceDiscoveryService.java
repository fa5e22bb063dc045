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

import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the smart locks and openers paired with a bridge, from its /list: labelled with the names the bridge
 * reports, identified by {@code nukiId}, and skipping devices a thing already serves (from a .things file too).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = NukiDeviceDiscoveryService.class)
public class NukiDeviceDiscoveryService extends AbstractThingHandlerDiscoveryService<NukiBridgeHandler> {

    private static final int TIMEOUT_SECONDS = 10;

    private final Logger logger = LoggerFactory.getLogger(NukiDeviceDiscoveryService.class);

    public NukiDeviceDiscoveryService() {
        super(NukiBridgeHandler.class, DEVICE_THING_TYPES, TIMEOUT_SECONDS, false);
    }

    @Override
    protected void startScan() {
        NukiBridgeClient client = thingHandler.client();
        if (client == null) {
            return;
        }
        Instant started = Instant.now();
        client.list().whenComplete((entries, error) -> {
            if (error != null) {
                logger.debug("Cannot list the devices of bridge {}: {}", thingHandler.getThing().getUID(),
                        error.getMessage());
                return;
            }
            report(entries);
            removeOlderResults(started, thingHandler.getThing().getUID());
        });
    }

    /** Reports every listed device no thing serves yet. */
    public void report(List<ListEntryDto> entries) {
        ThingUID bridgeUID = thingHandler.getThing().getUID();
        for (ListEntryDto entry : entries) {
            long nukiId = entry.nukiId;
            if (thingHandler.hasDeviceThing(nukiId)) {
                continue;
            }
            DeviceType type = DeviceType.of(entry.deviceType);
            ThingTypeUID thingType = type.isOpener() ? THING_TYPE_OPENER : THING_TYPE_SMARTLOCK;
            String name = entry.name == null || entry.name.isBlank() ? null : entry.name;
            String labelKey = type.isOpener() ? "@text/discovery.nuki.opener.label"
                    : "@text/discovery.nuki.smartlock.label";
            String label = name != null ? name : labelKey + " [\"" + NukiId.hex(nukiId) + "\"]";
            DiscoveryResultBuilder result = DiscoveryResultBuilder
                    .create(new ThingUID(thingType, bridgeUID, String.valueOf(nukiId))).withBridge(bridgeUID)
                    .withProperty(CONFIG_NUKI_ID, String.valueOf(nukiId))
                    .withProperty(PROPERTY_DEVICE_TYPE, String.valueOf(entry.deviceType == null ? 0 : entry.deviceType))
                    .withRepresentationProperty(CONFIG_NUKI_ID).withLabel(label);
            if (name != null) {
                result.withProperty(PROPERTY_NAME, name);
            }
            thingDiscovered(result.build());
        }
    }
}
