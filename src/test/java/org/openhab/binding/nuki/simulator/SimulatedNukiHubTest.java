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
package org.openhab.binding.nuki.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.hub.HubActions;
import org.openhab.binding.nuki.internal.api.hub.HubKeypad;
import org.openhab.binding.nuki.internal.api.hub.HubStates;
import org.openhab.binding.nuki.internal.api.hub.HubTopics;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.test.Await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * The simulated Nuki Hub on a real broker, driven through the binding's Nuki Hub protocol layer: its last will, its
 * retained states, actions answered and performed, refused, ignored in the reconnect window, and keypad codes added,
 * switched off and removed with their results, listed without codes.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class SimulatedNukiHubTest {

    private static final HubTopics TOPICS = new HubTopics("nukihub");

    private @NonNullByDefault({}) EmbeddedBroker broker;
    private @NonNullByDefault({}) SimulatedNukiHub hub;
    private @NonNullByDefault({}) Mqtt3AsyncClient client;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same broker and hub, which stop() closes
    void start() throws Exception {
        broker = new EmbeddedBroker("127.0.0.1", 0).start();
        hub = new SimulatedNukiHub("nukihub", 0x1A2B3C4DL, 0x2B3C4D5EL, broker.host(), broker.port())
                .withStepDelay(Duration.ofMillis(40)).withReconnectWindow(Duration.ZERO);
        // the observer subscribes first and sees the hub's topics arrive (Moquette 0.17 once closed a subscriber
        // whose subscription crossed the retained messages being published)
        client = MqttClient.builder().useMqttVersion3().identifier("hub-test").serverHost(broker.host())
                .serverPort(broker.port()).buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, message -> {
            String payload = new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8);
            seen.put(message.getTopic().toString(), payload);
            messages.add(message.getTopic() + "=" + payload);
        });
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(TOPICS.all()).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        hub.connect().get(10, TimeUnit.SECONDS);
        Await.until("retained state",
                () -> "online".equals(last(TOPICS.connectionState())) && "locked".equals(last(TOPICS.lock("state"))));
    }

    @AfterEach
    void stop() {
        client.disconnect();
        hub.close();
        broker.stop();
    }

    private void send(String topic, String payload) throws Exception {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                .send().get(10, TimeUnit.SECONDS);
    }

    private String last(String topic) {
        return seen.getOrDefault(topic, "");
    }

    @Test
    void testAnActionIsAcknowledgedAndPerformed() throws Exception {
        send(TOPICS.lock("action"), java.util.Objects.requireNonNull(HubActions.payload(LockAction.UNLOCK)));
        Await.until("unlocked", () -> HubStates.lockState(last(TOPICS.lock("state"))) == 3);
        assertThat(messages, hasItem(TOPICS.lock("action") + "=ack"));
        assertThat(messages, hasItem(TOPICS.lock("state") + "=unlocking"));
        assertThat(last(TOPICS.lock("commandResult")), is("success"));
        Await.until("completed", () -> "success".equals(last(TOPICS.lock("completionStatus"))));

        send(TOPICS.opener("action"),
                java.util.Objects.requireNonNull(HubActions.payload(LockAction.ACTIVATE_RING_TO_OPEN)));
        Await.until("ring to open", () -> HubStates.openerState(last(TOPICS.opener("state"))) == 3);
        assertThat(hub.actionsReceived(), contains("lock:unlock", "opener:activateRTO"));
    }

    @Test
    void testRefusedAndUnknownActionsAreAnsweredAndNothingMoves() throws Exception {
        hub.refuseActionsWith("denied");
        send(TOPICS.lock("action"), "unlatch");
        Await.until("denied", () -> HubActions.Reply.of(last(TOPICS.lock("action"))) == HubActions.Reply.DENIED);
        send(TOPICS.lock("action"), "dance");
        Await.until("unknown", () -> "unknown_action".equals(last(TOPICS.lock("action"))));
        assertThat(hub.lockState(), is("locked"));
    }

    @Test
    void testActionsRightAfterAReconnectAreIgnoredAndTheLastWillTellsTheHubGone() throws Exception {
        hub.withReconnectWindow(Duration.ofSeconds(6));
        hub.drop();
        Await.until("offline", () -> "offline".equals(last(TOPICS.connectionState())));
        hub.back().get(10, TimeUnit.SECONDS);
        Await.until("online", () -> "online".equals(last(TOPICS.connectionState())));
        send(TOPICS.lock("action"), "unlock");
        Await.holds("the action ignored", () -> hub.actionsReceived().isEmpty() && "locked".equals(hub.lockState())
                && !messages.contains(TOPICS.lock("action") + "=ack"), Duration.ofMillis(500));
    }

    @Test
    void testKeypadCodesAreManagedAndListedWithoutCodes() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.add(KeypadCodeRequest.always("Guest", "234567"), zone).json());
        Await.until("added", () -> HubKeypad.entries(last(TOPICS.lock("keypad/json"))).size() == 2);
        assertThat(HubKeypad.result(last(TOPICS.lock("keypad/commandResultJson"))), is("success"));
        assertThat(last(TOPICS.lock("keypad/json")),
                allOf(containsString("Guest"), not(containsString("234567")), not(containsString("345678"))));

        HubKeypad.Entry guest = HubKeypad.entries(last(TOPICS.lock("keypad/json"))).stream()
                .filter(e -> "Guest".equals(e.name)).findFirst().orElseThrow();
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.setEnabled(guest, false).json());
        Await.until("switched off", () -> HubKeypad.entries(last(TOPICS.lock("keypad/json"))).stream()
                .anyMatch(e -> "Guest".equals(e.name) && e.enabled == 0));
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.delete(guest).json());
        Await.until("removed", () -> HubKeypad.entries(last(TOPICS.lock("keypad/json"))).size() == 1);

        hub.setKeypadControl(false);
        messages.clear();
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.add(KeypadCodeRequest.always("Guest", "234567"), zone).json());
        Await.until("refused", () -> messages
                .contains(TOPICS.lock("keypad/commandResultJson") + "={\"general\":\"keypadControlDisabled\"}"));
        assertThat(HubKeypad.explain(HubKeypad.result(last(TOPICS.lock("keypad/commandResultJson")))),
                containsString("access level settings"));
    }
}
