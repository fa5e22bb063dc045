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
package org.openhab.core.io.transport.mqtt.reconnect;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.io.transport.mqtt.MqttBrokerConnection;

/**
 * Stand-in: how a broker connection comes back after it was lost.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractReconnectStrategy {

    protected @Nullable MqttBrokerConnection brokerConnection;

    public void setBrokerConnection(MqttBrokerConnection brokerConnection) {
        this.brokerConnection = brokerConnection;
    }

    public @Nullable MqttBrokerConnection getBrokerConnection() {
        return brokerConnection;
    }

    public abstract boolean isReconnecting();

    public abstract void lostConnection();

    public abstract void connectionEstablished();

    public abstract void start();

    public abstract void stop();
}
