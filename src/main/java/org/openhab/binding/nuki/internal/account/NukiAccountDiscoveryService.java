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
package org.openhab.binding.nuki.internal.account;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.binding.nuki.internal.api.web.WebSmartlockDto;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Offers the Nuki Web account's smart locks and openers that no thing serves yet, each under the Nuki Bridge or
 * {@code nuki:mqtt} thing that has seen it, with the UID that thing's own discovery gives it (so the inbox shows it
 * once); a device no local thing has seen is offered without one, and its thing asks for a bridge.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = NukiAccountDiscoveryService.class)
public class NukiAccountDiscoveryService extends AbstractThingHandlerDiscoveryService<NukiAccountHandler> {

    private static final int TIMEOUT_SECONDS = 10;

    public NukiAccountDiscoveryService() {
        super(NukiAccountHandler.class, DEVICE_THING_TYPES, TIMEOUT_SECONDS, true);
    }

    @Override
    public void initialize() {
        thingHandler.setDevicesListener(this::report);
        super.initialize();
        report(thingHandler.devices());
    }

    @Override
    public void dispose() {
        thingHandler.setDevicesListener(null);
        super.dispose();
    }

    @Override
    protected void startScan() {
        thingHandler.readDevices();
    }

    /** Offers every listed lock and opener no thing serves. */
    void report(List<WebSmartlockDto> devices) {
        Set<Long> served = thingHandler.servedIds();
        for (WebSmartlockDto device : devices) {
            long nukiId = device.nukiId();
            boolean opener = device.type == WebSmartlockDto.TYPE_OPENER;
            // a Box has no local API
            if (served.contains(nukiId) || device.type == 1) {
                continue;
            }
            ThingTypeUID type = opener ? THING_TYPE_OPENER : THING_TYPE_SMARTLOCK;
            @Nullable
            ThingUID carrier = thingHandler.carrierOf(nukiId);
            String id = String.valueOf(nukiId);
            String name = device.name;
            String label = name != null && !name.isBlank() ? name
                    : (opener ? "@text/discovery.nuki.opener.label" : "@text/discovery.nuki.smartlock.label") + " [\""
                            + NukiId.hex(nukiId) + "\"]";
            DiscoveryResultBuilder result = DiscoveryResultBuilder
                    .create(carrier != null ? new ThingUID(type, carrier, id) : new ThingUID(type, id))
                    .withProperty(CONFIG_NUKI_ID, id).withRepresentationProperty(CONFIG_NUKI_ID).withLabel(label);
            if (carrier != null) {
                result.withBridge(carrier);
            }
            if (name != null && !name.isBlank()) {
                result.withProperty(PROPERTY_NAME, name);
            }
            thingDiscovered(result.build());
        }
    }
}
