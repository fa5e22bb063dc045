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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * A third client on the broker that writes down every action published on the broker's action topics (Nuki's MQTT API
 * {@code lockAction}, Nuki Hub's {@code lock/action} and {@code opener/action}), as {@code topic=payload}: what went
 * out on the wire, whether or not the device took it. The hub's own answers on its action topics ({@code ack}, ...)
 * are left out.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class ActionTopicWitness implements AutoCloseable {

    private static final Set<String> HUB_ANSWERS = Set.of("ack", "unknown_action", "denied", "error", "", "--");

    private final Mqtt3AsyncClient client;
    private final List<String> actions = new CopyOnWriteArrayList<>();

    /** Connects and subscribes to every topic (QoS 1), before anything is sent. */
    public ActionTopicWitness(String host, int port) throws Exception {
        client = MqttClient.builder().useMqttVersion3().identifier("action-witness").serverHost(host).serverPort(port)
                .buildAsync();
        client.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).callback(publish -> {
            String topic = publish.getTopic().toString();
            if (topic.endsWith("/lockAction") || topic.endsWith("/lock/action") || topic.endsWith("/opener/action")) {
                String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
                if (!HUB_ANSWERS.contains(payload)) {
                    actions.add(topic + "=" + payload);
                }
            }
        }).send().get(10, TimeUnit.SECONDS);
    }

    /** Every action seen so far, in order, as {@code topic=payload}. */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
