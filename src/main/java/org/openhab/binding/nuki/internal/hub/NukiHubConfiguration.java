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
package org.openhab.binding.nuki.internal.hub;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.hub.HubTopics;
import org.openhab.binding.nuki.internal.broker.BrokerConfiguration;

/**
 * Configuration of a {@code nuki:hub} thing: the broker Nuki Hub publishes to, and the hub's base topic ("MQTT Nuki
 * Hub Path" in its settings), unique per hub on a broker.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiHubConfiguration extends BrokerConfiguration {

    public String baseTopic = HubTopics.DEFAULT_BASE;
}
