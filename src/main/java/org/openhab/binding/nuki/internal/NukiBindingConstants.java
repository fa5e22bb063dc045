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
package org.openhab.binding.nuki.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Identifiers shared across the binding: thing types, channels and configuration keys.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiBindingConstants {

    public static final String BINDING_ID = "nuki";

    public static final ThingTypeUID THING_TYPE_BRIDGE = new ThingTypeUID(BINDING_ID, "bridge");
    public static final ThingTypeUID THING_TYPE_SMARTLOCK = new ThingTypeUID(BINDING_ID, "smartlock");
    public static final ThingTypeUID THING_TYPE_OPENER = new ThingTypeUID(BINDING_ID, "opener");

    public static final Set<ThingTypeUID> DEVICE_THING_TYPES = Set.of(THING_TYPE_SMARTLOCK, THING_TYPE_OPENER);

    private NukiBindingConstants() {
    }
}
