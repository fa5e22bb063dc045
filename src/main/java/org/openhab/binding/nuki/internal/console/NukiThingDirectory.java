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
package org.openhab.binding.nuki.internal.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.bridge.NukiBridgeHandler;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.osgi.service.component.annotations.Component;

/**
 * The bridge and device handlers alive now, by thing UID, for the console command. The handler factory keeps it up
 * to date.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = NukiThingDirectory.class)
public class NukiThingDirectory {

    private final Map<String, NukiBridgeHandler> bridges = new ConcurrentSkipListMap<>();
    private final Map<String, NukiDeviceHandler> devices = new ConcurrentSkipListMap<>();

    public void addDevice(NukiDeviceHandler handler) {
        devices.put(handler.getThing().getUID().getAsString(), handler);
    }

    public void removeDevice(NukiDeviceHandler handler) {
        devices.remove(handler.getThing().getUID().getAsString(), handler);
    }

    /**
     * A smart lock or opener by its full thing UID or its id alone ({@code nuki:smartlock:home:front} or
     * {@code front}).
     */
    public @Nullable NukiDeviceHandler findDevice(String name) {
        NukiDeviceHandler exact = devices.get(name);
        if (exact != null) {
            return exact;
        }
        for (NukiDeviceHandler handler : devices.values()) {
            if (handler.getThing().getUID().getId().equals(name)) {
                return handler;
            }
        }
        return null;
    }

    public void add(NukiBridgeHandler handler) {
        bridges.put(handler.getThing().getUID().getAsString(), handler);
    }

    public void remove(NukiBridgeHandler handler) {
        bridges.remove(handler.getThing().getUID().getAsString(), handler);
    }

    public Collection<NukiBridgeHandler> all() {
        return List.copyOf(bridges.values());
    }

    /** A bridge by its full thing UID or its id alone ({@code nuki:bridge:home} or {@code home}). */
    public @Nullable NukiBridgeHandler find(String name) {
        NukiBridgeHandler exact = bridges.get(name);
        if (exact != null) {
            return exact;
        }
        for (NukiBridgeHandler handler : bridges.values()) {
            if (handler.getThing().getUID().getId().equals(name)) {
                return handler;
            }
        }
        return null;
    }
}
