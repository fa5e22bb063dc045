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

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.io.transport.mqtt.MqttBrokerConnection;

/**
 * Stand-in: tries to connect again after a first delay, then periodically, until connected.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class PeriodicReconnectStrategy extends AbstractReconnectStrategy {

    private final int reconnectFrequency;
    private final int firstReconnectAfter;
    private final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("MqttReconnect");
    private @Nullable ScheduledFuture<?> job;
    private boolean started;

    public PeriodicReconnectStrategy() {
        this(60000, 10000);
    }

    public PeriodicReconnectStrategy(int reconnectFrequency, int firstReconnectAfter) {
        this.reconnectFrequency = reconnectFrequency;
        this.firstReconnectAfter = firstReconnectAfter;
    }

    @Override
    public synchronized void start() {
        started = true;
    }

    @Override
    public synchronized void stop() {
        started = false;
        cancel();
    }

    public synchronized boolean isStarted() {
        return started;
    }

    @Override
    public synchronized void lostConnection() {
        MqttBrokerConnection connection = brokerConnection;
        if (!started || connection == null || job != null) {
            return;
        }
        job = scheduler.scheduleWithFixedDelay(connection::start, firstReconnectAfter, reconnectFrequency,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void connectionEstablished() {
        cancel();
    }

    @Override
    public synchronized boolean isReconnecting() {
        return job != null;
    }

    private void cancel() {
        ScheduledFuture<?> current = job;
        if (current != null) {
            current.cancel(false);
            job = null;
        }
    }
}
