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
package org.openhab.binding.nuki.internal.broker;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Opens broker connections for {@code nuki:mqtt} things. The one in production ({@link OpenhabMqttSession#open}) is
 * the only code that touches openHAB's MQTT transport, which an installation has only when a feature asked for it:
 * calling it without the transport throws a {@link LinkageError}, which the bridge handler turns into a status that
 * says what to install.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@FunctionalInterface
public interface NukiMqttConnector {

    NukiMqttSession connect(BrokerConfiguration config, String clientId, NukiMqttSession.Listener listener);
}
