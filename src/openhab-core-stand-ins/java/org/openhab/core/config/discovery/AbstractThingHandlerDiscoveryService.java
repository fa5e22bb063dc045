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

import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.DefaultLocation;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;

/**
 * Stand-in: a discovery service that lives beside one (bridge) handler.
 *
 * @param <T> the handler's type
 * @author Nuki binding team - Initial contribution
 */
// T's bound is left out of the default: thingHandler is set by setThingHandler after construction, so it cannot be
// a field of a non-null type variable for the Eclipse compiler's null analysis
@NonNullByDefault({ DefaultLocation.PARAMETER, DefaultLocation.RETURN_TYPE, DefaultLocation.FIELD,
        DefaultLocation.TYPE_ARGUMENT })
@SuppressWarnings("null") // the same: thingHandler stays unset until setThingHandler
public abstract class AbstractThingHandlerDiscoveryService<T extends ThingHandler> extends AbstractDiscoveryService
        implements ThingHandlerService {

    private final Class<T> thingClazz;
    protected @NonNullByDefault({}) T thingHandler;

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClazz, @Nullable Set<ThingTypeUID> supportedThingTypes,
            int timeout, boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        super(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault);
        this.thingClazz = thingClazz;
    }

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClazz, @Nullable Set<ThingTypeUID> supportedThingTypes,
            int timeout) throws IllegalArgumentException {
        this(thingClazz, supportedThingTypes, timeout, true);
    }

    @Override
    protected abstract void startScan();

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (thingClazz.isInstance(handler)) {
            this.thingHandler = thingClazz.cast(handler);
        } else {
            throw new IllegalArgumentException("Expected a " + thingClazz.getName() + " but got " + handler);
        }
    }

    @Override
    public T getThingHandler() {
        return thingHandler;
    }

    @Override
    public void activate(@Nullable Map<String, Object> config) {
        super.activate(config);
    }

    @Override
    public void modified(@Nullable Map<String, Object> config) {
        super.modified(config);
    }

    @Override
    public void deactivate() {
        super.deactivate();
    }

    @Override
    public void initialize() {
        activate(null);
    }

    @Override
    public void dispose() {
        deactivate();
    }
}
