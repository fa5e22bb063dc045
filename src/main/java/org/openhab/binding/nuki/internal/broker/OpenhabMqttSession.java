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

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;
import org.openhab.core.io.transport.mqtt.MqttBrokerConnection;
import org.openhab.core.io.transport.mqtt.MqttConnectionObserver;
import org.openhab.core.io.transport.mqtt.MqttConnectionState;
import org.openhab.core.io.transport.mqtt.reconnect.PeriodicReconnectStrategy;

/**
 * A {@code nuki:mqtt} thing's broker connection on openHAB's MQTT transport ({@link MqttBrokerConnection}). This is
 * the only class of the binding that uses the transport; the rest of the binding loads without it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class OpenhabMqttSession implements NukiMqttSession, MqttConnectionObserver {

    /** Subscriptions at QoS 2: the broker hands each lock message to openHAB once. */
    private static final int SUBSCRIPTION_QOS = 2;
    /** Reconnect 1 s after a loss, then every 5 s: a front door should not wait a minute. */
    private static final int FIRST_RECONNECT_MS = 1000;
    private static final int RECONNECT_EVERY_MS = 5000;

    private final MqttBrokerConnection connection;
    private final Listener listener;

    private OpenhabMqttSession(MqttBrokerConnection connection, Listener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    /** A connection for the configuration, not started yet. */
    public static NukiMqttSession open(BrokerConfiguration config, String clientId, Listener listener) {
        MqttBrokerConnection connection = new MqttBrokerConnection(MqttBrokerConnection.Protocol.TCP,
                MqttBrokerConnection.MqttVersion.V3, config.host.trim(), config.port, config.secure, clientId);
        if (!config.username.isBlank()) {
            connection.setCredentials(config.username, config.password);
        }
        connection.setQos(SUBSCRIPTION_QOS);
        connection.setReconnectStrategy(new PeriodicReconnectStrategy(RECONNECT_EVERY_MS, FIRST_RECONNECT_MS));
        OpenhabMqttSession session = new OpenhabMqttSession(connection, listener);
        connection.addConnectionObserver(session);
        return session;
    }

    @Override
    public CompletableFuture<Boolean> start() {
        return connection.start();
    }

    @Override
    public void close() {
        connection.removeConnectionObserver(this);
        connection.stop();
    }

    @Override
    public CompletableFuture<Boolean> subscribe(String topicFilter, NukiMqttConnection.Listener messages) {
        return connection.subscribe(topicFilter,
                (topic, payload) -> messages.onMessage(topic, new String(payload, StandardCharsets.UTF_8)));
    }

    @Override
    public CompletableFuture<Boolean> publish(String topic, String payload, int qos, boolean retain) {
        return connection.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    @Override
    public void connectionStateChanged(MqttConnectionState state, @Nullable Throwable error) {
        if (state == MqttConnectionState.CONNECTED) {
            listener.connected();
        } else if (state == MqttConnectionState.DISCONNECTED) {
            listener.disconnected(problem(error), detail(error));
        }
    }

    /** What a connection failure means, read from the exception chain (the MQTT client's CONNACK codes). */
    static Problem problem(@Nullable Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage()).toUpperCase(Locale.ROOT);
            if (text.contains("NOT_AUTHORIZED") || text.contains("BAD_USER_NAME_OR_PASSWORD")) {
                return Problem.CREDENTIALS_REFUSED;
            }
            if (text.contains("IDENTIFIER_REJECTED")) {
                return Problem.CLIENT_ID_REJECTED;
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return Problem.UNREACHABLE;
            }
        }
        return error == null ? Problem.LOST : Problem.UNREACHABLE;
    }

    private static String detail(@Nullable Throwable error) {
        if (error == null) {
            return "";
        }
        Throwable root = error;
        for (Throwable next = root.getCause(); next != null && !next.equals(root); next = next.getCause()) {
            root = next;
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
