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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.ThingUID;

/**
 * The Nuki Web account things alive now, and the smart lock and opener things that may ask them: which account knows a
 * device, and which devices have a thing already (discovery offers the others). The handler factory keeps one.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiAccounts {

    private final List<NukiAccountHandler> accounts = new CopyOnWriteArrayList<>();
    /** Device things by UID, with the Nuki id each serves. */
    private final Map<ThingUID, Long> devices = new ConcurrentHashMap<>();

    public void add(NukiAccountHandler account) {
        accounts.add(account);
    }

    public void remove(NukiAccountHandler account) {
        accounts.remove(account);
    }

    /**
     * The account that knows a device, or null when no account thing exists (the thing then works without names, as
     * it would without this feature) or none lists it (each account then says so in its status).
     *
     * @param opener whether the thing is an opener (an id could be listed for two device types)
     */
    public @Nullable AccountDevice find(long nukiId, boolean opener) {
        for (NukiAccountHandler account : accounts) {
            AccountDevice device = account.device(nukiId, opener);
            if (device != null) {
                return device;
            }
        }
        for (NukiAccountHandler account : accounts) {
            account.notListed(nukiId);
        }
        return null;
    }

    /** Whether any account thing exists. */
    public boolean any() {
        return !accounts.isEmpty();
    }

    /** A device thing was initialized for this Nuki id (null: its configuration has none). */
    public void deviceThing(ThingUID thing, @Nullable Long nukiId) {
        if (nukiId == null) {
            devices.remove(thing);
        } else {
            devices.put(thing, nukiId);
        }
    }

    public void deviceThingGone(ThingUID thing) {
        devices.remove(thing);
    }

    /** The Nuki ids some smart lock or opener thing serves. */
    public Set<Long> servedIds() {
        return Set.copyOf(devices.values());
    }
}
