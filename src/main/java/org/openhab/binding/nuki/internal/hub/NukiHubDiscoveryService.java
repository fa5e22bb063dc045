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
package org.openhab.binding.nuki.internal.hub;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.hub.HubDeviceState;
import org.openhab.binding.nuki.internal.api.hub.HubIds;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Offers Nuki Hub's lock and opener in the inbox under the {@code nuki:hub} thing, once the hub published the
 * device's {@code configuration/basicJson} (its Nuki id and name). A device a thing serves already is not offered;
 * the representation property {@code nukiId} (the decimal id, or the hexadecimal id when its decimal would read as
 * hexadecimal under a hub: {@link HubIds}) keeps the inbox from offering a device that a thing serves through a Nuki
 * Bridge or Nuki's MQTT API.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = NukiHubDiscoveryService.class)
public class NukiHubDiscoveryService extends AbstractThingHandlerDiscoveryService<NukiHubHandler> {

    private static final int TIMEOUT_SECONDS = 5;

    public NukiHubDiscoveryService() {
        super(NukiHubHandler.class, Set.of(THING_TYPE_SMARTLOCK, THING_TYPE_OPENER), TIMEOUT_SECONDS, true);
    }

    @Override
    public void initialize() {
        thingHandler.addDiscoveryListener(this, this::report);
        super.initialize();
        // what the hub published before this service started
        startScan();
    }

    @Override
    public void dispose() {
        thingHandler.removeDiscoveryListener(this);
        super.dispose();
    }

    @Override
    protected void startScan() {
        thingHandler.forEachDevice(this::report);
    }

    /** Offers the lock or the opener once its Nuki id is known, unless a thing serves it. */
    void report(boolean isOpener, HubDeviceState device) {
        Long nukiId = device.nukiId();
        if (nukiId == null || thingHandler.hasDeviceThing(isOpener)) {
            return;
        }
        ThingTypeUID type = isOpener ? THING_TYPE_OPENER : THING_TYPE_SMARTLOCK;
        ThingUID bridgeUID = thingHandler.getThing().getUID();
        String name = device.name();
        String hex = " [\"" + NukiId.hex(nukiId) + "\"]";
        String label = name != null && !name.isBlank() ? name
                : isOpener ? "@text/discovery.nuki.opener.label" + hex : "@text/discovery.nuki.smartlock.label" + hex;
        thingDiscovered(DiscoveryResultBuilder.create(new ThingUID(type, bridgeUID, String.valueOf(nukiId)))
                .withBridge(bridgeUID).withProperty(CONFIG_NUKI_ID, HubIds.configured(nukiId))
                .withRepresentationProperty(CONFIG_NUKI_ID).withLabel(label).build());
    }
}
