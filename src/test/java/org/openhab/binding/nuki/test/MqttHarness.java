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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.broker.NukiMqttConnector;
import org.openhab.binding.nuki.internal.mqtt.NukiMqttBridgeHandler;
import org.openhab.core.thing.ThingUID;

/**
 * A {@code nuki:mqtt} thing and its smart locks on a real embedded broker; simulated bridge-less locks connect to the
 * same broker.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class MqttHarness extends BrokerThingHarness<NukiMqttBridgeHandler> {

    public static final ThingUID BRIDGE_UID = new ThingUID(NukiBindingConstants.THING_TYPE_MQTT, "broker");

    public MqttHarness() throws IOException {
        this(transport());
    }

    /** With a broker that accepts this user only. */
    public MqttHarness(String user, String password) throws IOException {
        super(BRIDGE_UID, NukiBindingConstants.THING_TYPE_MQTT, transport(), loopbackBroker().withUser(user, password),
                NukiMqttBridgeHandler::new);
    }

    public MqttHarness(NukiMqttConnector connector) throws IOException {
        super(BRIDGE_UID, NukiBindingConstants.THING_TYPE_MQTT, connector, loopbackBroker(),
                NukiMqttBridgeHandler::new);
    }
}
