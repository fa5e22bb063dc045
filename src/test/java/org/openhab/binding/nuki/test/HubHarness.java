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
package org.openhab.binding.nuki.test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.hub.NukiHubHandler;
import org.openhab.core.thing.ThingUID;

/**
 * A {@code nuki:hub} thing and its smart lock and opener on a real embedded broker; a simulated Nuki Hub connects to
 * the same broker.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubHarness extends BrokerThingHarness<NukiHubHandler> {

    public static final ThingUID BRIDGE_UID = new ThingUID(NukiBindingConstants.THING_TYPE_HUB, "esp");

    /** @param window how long the hub thing expects Nuki Hub to ignore actions after it connected */
    public HubHarness(Duration window) throws IOException {
        super(BRIDGE_UID, NukiBindingConstants.THING_TYPE_HUB, transport(), loopbackBroker(),
                (bridge, connector) -> new NukiHubHandler(bridge, connector, Clock.systemUTC(), window));
    }

    /** With a broker that accepts this user only. */
    public HubHarness(Duration window, String user, String password) throws IOException {
        super(BRIDGE_UID, NukiBindingConstants.THING_TYPE_HUB, transport(), loopbackBroker().withUser(user, password),
                (bridge, connector) -> new NukiHubHandler(bridge, connector, Clock.systemUTC(), window));
    }
}
