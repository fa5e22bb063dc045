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
package org.openhab.core.config.discovery;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Stand-in: the base of discovery services. As in openHAB, results and removals go to the registered listeners;
 * background discovery starts on activation when enabled.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractDiscoveryService implements DiscoveryService {

    protected final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("discovery");

    private final Set<ThingTypeUID> supportedThingTypes;
    private final int timeout;
    private final boolean backgroundDiscoveryEnabledByDefault;
    private final Set<DiscoveryListener> listeners = new CopyOnWriteArraySet<>();
    private Instant timestampOfLastScan = Instant.MIN;

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        if (timeout < 0) {
            throw new IllegalArgumentException("The timeout must not be negative");
        }
        this.supportedThingTypes = supportedThingTypes == null ? Set.of() : Set.copyOf(supportedThingTypes);
        this.timeout = timeout;
        this.backgroundDiscoveryEnabledByDefault = backgroundDiscoveryEnabledByDefault;
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout)
            throws IllegalArgumentException {
        this(supportedThingTypes, timeout, true);
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypes() {
        return supportedThingTypes;
    }

    @Override
    public int getScanTimeout() {
        return timeout;
    }

    @Override
    public boolean isBackgroundDiscoveryEnabled() {
        return backgroundDiscoveryEnabledByDefault;
    }

    @Override
    public void addDiscoveryListener(DiscoveryListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeDiscoveryListener(DiscoveryListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void abortScan() {
        stopScan();
    }

    protected abstract void startScan();

    protected void stopScan() {
    }

    protected void thingDiscovered(DiscoveryResult discoveryResult) {
        for (DiscoveryListener listener : listeners) {
            listener.thingDiscovered(this, discoveryResult);
        }
    }

    protected void thingRemoved(ThingUID thingUID) {
        for (DiscoveryListener listener : listeners) {
            listener.thingRemoved(this, thingUID);
        }
    }

    protected void removeOlderResults(Instant timestamp) {
        for (DiscoveryListener listener : listeners) {
            listener.removeOlderResults(this, timestamp, supportedThingTypes, null);
        }
    }

    protected void removeOlderResults(Instant timestamp, @Nullable ThingUID bridgeUID) {
        for (DiscoveryListener listener : listeners) {
            listener.removeOlderResults(this, timestamp, supportedThingTypes, bridgeUID);
        }
    }

    protected void activate(@Nullable Map<String, Object> configProperties) {
        if (backgroundDiscoveryEnabledByDefault) {
            startBackgroundDiscovery();
        }
    }

    protected void modified(@Nullable Map<String, Object> configProperties) {
    }

    protected void deactivate() {
        stopBackgroundDiscovery();
    }

    protected void startBackgroundDiscovery() {
    }

    protected void stopBackgroundDiscovery() {
    }

    protected synchronized Instant getTimestampOfLastScan() {
        return timestampOfLastScan;
    }
}
