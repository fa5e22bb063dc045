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
 * The MQTT broker of a {@code nuki:mqtt} thing (where Nuki's bridge-less locks publish) and of a {@code nuki:hub}
 * thing (where Nuki Hub publishes).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class BrokerConfiguration {

    public String host = "";
    public int port = 1883;
    public String username = "";
    public String password = "";
    /** openHAB's client id on the broker; empty: {@code openhab-nuki-<thing id>}. Never a lock's or a hub's own. */
    public String clientId = "";
    /** TLS between openHAB and the broker (Nuki's locks themselves always use plain MQTT on port 1883). */
    public boolean secure = false;
    /** Seconds a lock or opener has to answer a command and get to its state. */
    public int commandTimeout = 20;
}
