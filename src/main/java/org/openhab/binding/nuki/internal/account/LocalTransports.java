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

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.handler.NukiDeviceTransport;
import org.openhab.core.thing.ThingUID;

/**
 * The things that carry devices locally (Nuki Bridges, MQTT brokers), so that the account's discovery offers each of
 * its devices under the thing that can carry it. The handler factory keeps it up to date.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class LocalTransports {

    private final Map<String, Map.Entry<ThingUID, NukiDeviceTransport>> transports = new ConcurrentSkipListMap<>();

    public void add(ThingUID thing, NukiDeviceTransport transport) {
        transports.put(thing.getAsString(), Map.entry(thing, transport));
    }

    public void remove(ThingUID thing) {
        transports.remove(thing.getAsString());
    }

    /** The first thing (by UID) whose transport has seen the device, or null. */
    public @Nullable ThingUID carrierOf(long nukiId) {
        for (Map.Entry<ThingUID, NukiDeviceTransport> entry : transports.values()) {
            if (entry.getValue().knowsDevice(nukiId)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
