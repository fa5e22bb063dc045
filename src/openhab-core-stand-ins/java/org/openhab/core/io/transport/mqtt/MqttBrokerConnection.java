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
package org.openhab.core.io.transport.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.io.transport.mqtt.reconnect.AbstractReconnectStrategy;
import org.openhab.core.io.transport.mqtt.reconnect.PeriodicReconnectStrategy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

/**
 * Stand-in: a connection to an MQTT broker, as openHAB's MQTT transport offers it, on the same HiveMQ client. Topic
 * filters may hold wildcards; each filter is one broker subscription, whose messages go to every subscriber of it.
 * A lost connection is reported to the observers and handed to the reconnect strategy.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class MqttBrokerConnection {

    /** Stand-in: the transport under MQTT. */
    public enum Protocol {
        TCP,
        WEBSOCKETS
    }

    /** Stand-in: the MQTT protocol version. */
    public enum MqttVersion {
        V3,
        V5
    }

    private final String brokerHost;
    private final int brokerPort;
    private final boolean tls;
    private final String id;
    private @Nullable String user;
    private @Nullable String password;
    private int keepAlive = 60;
    private int subscriptionQos;
    private @Nullable AbstractReconnectStrategy reconnect = new PeriodicReconnectStrategy();
    private final List<MqttConnectionObserver> observers = new CopyOnWriteArrayList<>();
    private final Map<String, Set<MqttMessageSubscriber>> subscriptions = new ConcurrentHashMap<>();
    private volatile MqttConnectionState state = MqttConnectionState.DISCONNECTED;
    private volatile @Nullable Mqtt3AsyncClient mqttClient;
    private volatile boolean stopped;

    public MqttBrokerConnection(Protocol protocol, MqttVersion mqttVersion, String host, @Nullable Integer port,
            boolean secure, String clientId) {
        this.brokerHost = host;
        this.brokerPort = port != null ? port : secure ? 8883 : 1883;
        this.tls = secure;
        this.id = clientId;
        AbstractReconnectStrategy strategy = reconnect;
        if (strategy != null) {
            strategy.setBrokerConnection(this);
        }
    }

    public void setReconnectStrategy(AbstractReconnectStrategy reconnectStrategy) {
        reconnect = reconnectStrategy;
        reconnectStrategy.setBrokerConnection(this);
    }

    public @Nullable AbstractReconnectStrategy getReconnectStrategy() {
        return reconnect;
    }

    public String getHost() {
        return brokerHost;
    }

    public int getPort() {
        return brokerPort;
    }

    public boolean isSecure() {
        return tls;
    }

    public void setCredentials(@Nullable String user, @Nullable String password) {
        this.user = user;
        this.password = password;
    }

    public int getQos() {
        return subscriptionQos;
    }

    public void setQos(int qos) {
        this.subscriptionQos = qos;
    }

    public String getClientId() {
        return id;
    }

    public MqttConnectionState connectionState() {
        return state;
    }

    public void setKeepAliveInterval(int keepAliveInterval) {
        this.keepAlive = keepAliveInterval;
    }

    public int getKeepAliveInterval() {
        return keepAlive;
    }

    public synchronized void addConnectionObserver(MqttConnectionObserver connectionObserver) {
        observers.add(connectionObserver);
    }

    public synchronized void removeConnectionObserver(MqttConnectionObserver connectionObserver) {
        observers.remove(connectionObserver);
    }

    public CompletableFuture<Boolean> subscribe(String topic, MqttMessageSubscriber subscriber) {
        Set<MqttMessageSubscriber> subscribers = Objects
                .requireNonNull(subscriptions.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()));
        boolean first = subscribers.isEmpty();
        subscribers.add(subscriber);
        Mqtt3AsyncClient current = mqttClient;
        if (!first || current == null || state != MqttConnectionState.CONNECTED) {
            return CompletableFuture.completedFuture(true);
        }
        return subscribeOnBroker(current, topic);
    }

    public CompletableFuture<Boolean> unsubscribe(String topic, MqttMessageSubscriber subscriber) {
        Set<MqttMessageSubscriber> subscribers = subscriptions.get(topic);
        if (subscribers == null || !subscribers.remove(subscriber)) {
            return CompletableFuture.completedFuture(false);
        }
        Mqtt3AsyncClient current = mqttClient;
        if (subscribers.isEmpty()) {
            subscriptions.remove(topic);
            if (current != null && state == MqttConnectionState.CONNECTED) {
                return current.unsubscribeWith().topicFilter(topic).send().handle((ok, error) -> error == null);
            }
        }
        return CompletableFuture.completedFuture(true);
    }

    private CompletableFuture<Boolean> subscribeOnBroker(Mqtt3AsyncClient current, String topic) {
        return current.subscribeWith().topicFilter(topic).qos(qos(subscriptionQos))
                .callback(message -> deliver(topic, message)).send().handle((ack, error) -> error == null);
    }

    private void deliver(String filter, Mqtt3Publish message) {
        Set<MqttMessageSubscriber> subscribers = subscriptions.get(filter);
        if (subscribers == null) {
            return;
        }
        String topic = message.getTopic().toString();
        byte[] payload = message.getPayloadAsBytes();
        for (MqttMessageSubscriber subscriber : subscribers) {
            subscriber.processMessage(topic, payload);
        }
    }

    public CompletableFuture<Boolean> start() {
        if (state == MqttConnectionState.CONNECTED) {
            return CompletableFuture.completedFuture(true);
        }
        synchronized (this) {
            if (state == MqttConnectionState.CONNECTING) {
                return CompletableFuture.completedFuture(false);
            }
            stopped = false;
            setState(MqttConnectionState.CONNECTING, null);
        }
        AbstractReconnectStrategy strategy = reconnect;
        if (strategy != null) {
            strategy.start();
        }
        Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3().identifier(id).serverHost(brokerHost)
                .serverPort(brokerPort).addDisconnectedListener(context -> {
                    if (state == MqttConnectionState.CONNECTED) {
                        lost(context.getCause());
                    }
                });
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        Mqtt3AsyncClient created = builder.buildAsync();
        mqttClient = created;
        Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect = created.connectWith().keepAlive(keepAlive)
                .cleanSession(true);
        String currentUser = user;
        if (currentUser != null && !currentUser.isEmpty()) {
            String currentPassword = password;
            connect = connect.simpleAuth().username(currentUser)
                    .password(currentPassword == null ? new byte[0] : currentPassword.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return Objects.requireNonNull(connect).send().handle((ack, error) -> {
            if (error != null) {
                lost(error);
                return false;
            }
            if (stopped) {
                created.disconnect();
                return false;
            }
            for (String topic : subscriptions.keySet()) {
                subscribeOnBroker(created, topic);
            }
            AbstractReconnectStrategy current = reconnect;
            if (current != null) {
                current.connectionEstablished();
            }
            setState(MqttConnectionState.CONNECTED, null);
            return true;
        });
    }

    private void lost(@Nullable Throwable cause) {
        setState(MqttConnectionState.DISCONNECTED, cause);
        AbstractReconnectStrategy strategy = reconnect;
        if (!stopped && strategy != null) {
            strategy.lostConnection();
        }
    }

    private void setState(MqttConnectionState newState, @Nullable Throwable cause) {
        state = newState;
        for (MqttConnectionObserver observer : observers) {
            observer.connectionStateChanged(newState, cause);
        }
    }

    public CompletableFuture<Boolean> stop() {
        stopped = true;
        AbstractReconnectStrategy strategy = reconnect;
        if (strategy != null) {
            strategy.stop();
        }
        Mqtt3AsyncClient current = mqttClient;
        mqttClient = null;
        boolean wasConnected = state == MqttConnectionState.CONNECTED;
        state = MqttConnectionState.DISCONNECTED;
        if (current == null || !wasConnected) {
            if (current != null) {
                current.disconnect();
            }
            return CompletableFuture.completedFuture(true);
        }
        return current.disconnect().handle((ok, error) -> {
            for (MqttConnectionObserver observer : observers) {
                observer.connectionStateChanged(MqttConnectionState.DISCONNECTED, null);
            }
            return true;
        });
    }

    public CompletableFuture<Boolean> publish(String topic, byte[] payload, int qos, boolean retain) {
        Mqtt3AsyncClient current = mqttClient;
        if (current == null || state != MqttConnectionState.CONNECTED) {
            return CompletableFuture.completedFuture(false);
        }
        return current.publishWith().topic(topic).payload(payload).qos(qos(qos)).retain(retain).send()
                .handle((sent, error) -> error == null);
    }

    private static MqttQos qos(int qos) {
        MqttQos value = MqttQos.fromCode(qos);
        return value == null ? MqttQos.AT_MOST_ONCE : value;
    }
}
