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
package org.openhab.binding.nuki.internal.handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The device things a bridge thing serves, by Nuki id, for either transport. A handler re-initialized with another id
 * moves to it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class AttachedDevices {

    private final Map<Long, NukiDeviceHandler> devices = new ConcurrentHashMap<>();

    /** Serves the handler under its current id; false when its configuration has no id. */
    public boolean attach(NukiDeviceHandler device) {
        Long nukiId = device.nukiId();
        if (nukiId == null) {
            return false;
        }
        devices.values().remove(device);
        devices.put(nukiId, device);
        return true;
    }

    public void detach(NukiDeviceHandler device) {
        devices.values().remove(device);
    }

    public @Nullable NukiDeviceHandler get(long nukiId) {
        return devices.get(nukiId);
    }

    /** Whether a thing serves the device (then discovery does not offer it). */
    public boolean contains(long nukiId) {
        return devices.containsKey(nukiId);
    }

    public void forEach(BiConsumer<Long, NukiDeviceHandler> action) {
        devices.forEach(action);
    }
}
