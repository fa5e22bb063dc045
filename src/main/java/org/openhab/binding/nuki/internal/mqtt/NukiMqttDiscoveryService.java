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

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.binding.nuki.internal.api.mqtt.MqttLockState;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Finds the bridge-less locks on a {@code nuki:mqtt} thing's broker: each lock that published
 * {@code nuki/<id>/deviceType}
 * appears in the inbox under that bridge, named as its {@code nuki/<id>/name} says. Locks a thing already serves are
 * not offered; the representation property {@code nukiId} (the decimal id, as under a Nuki Bridge) keeps the inbox
 * from offering a lock that a thing serves through a Nuki Bridge.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = NukiMqttDiscoveryService.class)
public class NukiMqttDiscoveryService extends AbstractThingHandlerDiscoveryService<NukiMqttBridgeHandler> {

    private static final int TIMEOUT_SECONDS = 5;

    public NukiMqttDiscoveryService() {
        super(NukiMqttBridgeHandler.class, Set.of(THING_TYPE_SMARTLOCK), TIMEOUT_SECONDS, true);
    }

    @Override
    public void initialize() {
        thingHandler.addDiscoveryListener(this, this::report);
        super.initialize();
        // the locks the bridge saw before this service started
        startScan();
    }

    @Override
    public void dispose() {
        thingHandler.removeDiscoveryListener(this);
        super.dispose();
    }

    @Override
    protected void startScan() {
        thingHandler.seenLocks().forEach(this::report);
    }

    /** Offers a lock once its device type is known, unless a thing serves it. */
    void report(MqttLockState lock) {
        Integer type = lock.deviceType();
        long nukiId = lock.nukiId();
        if (type == null || DeviceType.of(type).isOpener() || thingHandler.hasDeviceThing(nukiId)) {
            return;
        }
        ThingUID bridgeUID = thingHandler.getThing().getUID();
        String name = lock.name();
        String label = name != null && !name.isBlank() ? name
                : "@text/discovery.nuki.smartlock.label [\"" + NukiId.hex(nukiId) + "\"]";
        DiscoveryResultBuilder result = DiscoveryResultBuilder
                .create(new ThingUID(THING_TYPE_SMARTLOCK, bridgeUID, String.valueOf(nukiId))).withBridge(bridgeUID)
                .withProperty(CONFIG_NUKI_ID, String.valueOf(nukiId))
                .withProperty(PROPERTY_DEVICE_TYPE, String.valueOf(type)).withRepresentationProperty(CONFIG_NUKI_ID)
                .withLabel(label);
        thingDiscovered(result.build());
    }
}
