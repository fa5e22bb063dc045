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
import java.util.stream.Collectors;

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
 * The simulated Nuki Hub on a real broker, against the firmware contract (nuki-hub-firmware-contract.md), driven
 * through the binding's Nuki Hub protocol layer: its last will when its network breaks (at once) and when it goes
 * silent (after the keep-alive), only {@code online} republished on a reconnect, messages right after a connect dropped
 * and actions ignored, every Bluetooth attempt's {@code commandResult} and {@code retry}, a Bluetooth loss seen only in
 * {@code query/lockstateCommandResult}, the log's name before its state, and keypad codes answered with a word, the
 * list following later, nothing answering while keypad control is off.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class SimulatedNukiHubTest {

    private static final HubTopics TOPICS = new HubTopics("nukihub");
    private static final Duration KEYPAD_DELAY = Duration.ofMillis(1500);

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
                .withStepDelay(Duration.ofMillis(40)).withReconnectWindow(Duration.ZERO).withKeypadDelay(KEYPAD_DELAY)
                .withKeepAlive(Duration.ofSeconds(2));
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
                () -> "online".equals(last(TOPICS.connectionState())) && "locked".equals(last(TOPICS.lock("state")))
                        && !last(TOPICS.lock("keypad/json")).isEmpty()
                        && !last(TOPICS.opener("keypad/json")).isEmpty());
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

    /** The messages of one device topic, in order, as "topic=payload" with the topic below the device. */
    private List<String> of(String device, String... topics) {
        String prefix = "nukihub/" + device + "/";
        List<String> wanted = List.of(topics);
        return messages.stream().filter(m -> m.startsWith(prefix)).map(m -> m.substring(prefix.length()))
                .filter(m -> wanted.contains(m.substring(0, m.indexOf('=')))).collect(Collectors.toList());
    }

    @Test
    void testAnActionIsAcknowledgedTakenAndThenRead() throws Exception {
        messages.clear();
        send(TOPICS.lock("action"), java.util.Objects.requireNonNull(HubActions.payload(LockAction.UNLOCK)));
        Await.until("unlocked", () -> HubStates.lockState(last(TOPICS.lock("state"))) == 3);
        Await.until("named", () -> of("lock", "authorizationName").size() == 1);
        // ack, the attempt's success, then the reads: the log's name comes before the state it belongs to
        assertThat(of("lock", "action", "commandResult", "retry", "state", "authorizationName"),
                contains("action=unlock", "action=ack", "commandResult=success", "retry=--", "state=unlocking",
                        "authorizationName=" + SimulatedNukiHub.HUB_AUTHORIZATION, "state=unlocked"));
        assertThat(SimulatedNukiHub.HUB_AUTHORIZATION, is("NukiHub"));
        // what changed follows the state it belongs to
        Await.until("completed", () -> "success".equals(last(TOPICS.lock("completionStatus"))));
        assertThat(last(TOPICS.lock("lastLockAction")), is("Unlock"));

        send(TOPICS.opener("action"),
                java.util.Objects.requireNonNull(HubActions.payload(LockAction.ACTIVATE_RING_TO_OPEN)));
        Await.until("ring to open", () -> HubStates.openerState(last(TOPICS.opener("state"))) == 3);
        assertThat(hub.actionsReceived(), contains("lock:unlock", "opener:activateRTO"));
    }

    @Test
    void testABluetoothHiccupIsRetriedAndEveryAttemptSaysSo() throws Exception {
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.HICCUP);
        messages.clear();
        send(TOPICS.lock("action"), "unlock");
        Await.until("unlocked", () -> HubStates.lockState(last(TOPICS.lock("state"))) == 3);
        assertThat(of("lock", "commandResult", "retry"),
                contains("commandResult=timeOut", "retry=1", "commandResult=success", "retry=--"));
    }

    @Test
    void testEveryAttemptFailingEndsWithRetryFailedAndNothingMoves() throws Exception {
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.FAILING);
        messages.clear();
        send(TOPICS.lock("action"), "unlock");
        Await.until("given up", () -> "failed".equals(last(TOPICS.lock("retry"))));
        assertThat(of("lock", "commandResult", "retry"),
                contains("commandResult=timeOut", "retry=1", "commandResult=timeOut", "retry=2",
                        "commandResult=timeOut", "retry=3", "commandResult=timeOut", "retry=failed"));
        assertThat(hub.lockState(), is("locked"));
        assertThat(of("lock", "state"), is(empty()));
    }

    @Test
    void testABluetoothLossShowsOnlyInTheReadResult() throws Exception {
        messages.clear();
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.LOST);
        Await.until("the read failed", () -> "timeOut".equals(last(TOPICS.lock("query/lockstateCommandResult")))
                && "timeOut".equals(last(TOPICS.opener("query/lockstateCommandResult"))));
        assertThat(last(TOPICS.lock("availability")), is("online"));
        assertThat(of("lock", "state", "availability"), is(empty()));
        send(TOPICS.lock("action"), "lock");
        Await.until("given up", () -> "failed".equals(last(TOPICS.lock("retry"))));
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.OK);
        Await.until("read again", () -> "success".equals(last(TOPICS.lock("query/lockstateCommandResult"))));
        assertThat(last(TOPICS.lock("state")), is("locked"));
    }

    @Test
    void testRefusedAndUnknownActionsAreAnsweredAndNothingMoves() throws Exception {
        hub.refuseActionsWith("denied");
        send(TOPICS.lock("action"), "unlatch");
        Await.until("denied", () -> HubActions.Reply.of(last(TOPICS.lock("action"))) == HubActions.Reply.DENIED);
        send(TOPICS.lock("action"), "dance");
        Await.until("unknown", () -> "unknown_action".equals(last(TOPICS.lock("action"))));
        assertThat(hub.lockState(), is("locked"));
        // Nuki Hub never answers error
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> hub.refuseActionsWith("error"));
    }

    @Test
    void testAReconnectRepublishesOnlyOnlineAndIgnoresWhatComesRightAfter() throws Exception {
        hub.withReconnectWindow(Duration.ofSeconds(6));
        hub.drop();
        // the broker saw the connection break: the hub's will, at once
        Await.until("offline", () -> "offline".equals(last(TOPICS.connectionState())), Duration.ofSeconds(5));
        messages.clear();
        hub.back().get(10, TimeUnit.SECONDS);
        Await.until("online", () -> "online".equals(last(TOPICS.connectionState())));
        send(TOPICS.lock("action"), "unlock");
        send(TOPICS.lock("keypad/actionJson"), "{\"action\":\"delete\",\"codeId\":1}");
        Await.holds("the action and the keypad command ignored",
                () -> hub.actionsReceived().isEmpty() && "locked".equals(hub.lockState())
                        && !messages.contains(TOPICS.lock("action") + "=ack")
                        && of("lock", "keypad/commandResultJson").isEmpty(),
                Duration.ofMillis(500));
        // nothing but online and the address republished
        assertThat(
                messages.stream()
                        .filter(m -> !m.startsWith(TOPICS.lock("action"))
                                && !m.startsWith(TOPICS.lock("keypad/actionJson")))
                        .toList(),
                containsInAnyOrder(TOPICS.connectionState() + "=online", "nukihub/info/nukiHubIp=127.0.0.1"));
    }

    @Test
    void testASilentNetworkLossIsNoticedByTheBrokerOnlyAfterTheKeepAlive() throws Exception {
        long start = System.nanoTime();
        hub.vanish();
        Await.until("offline by the keep-alive", () -> "offline".equals(last(TOPICS.connectionState())),
                Duration.ofSeconds(15));
        // keep-alive 2 s: the broker waits 1.5 times it
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), greaterThanOrEqualTo(2000L));
        hub.back().get(10, TimeUnit.SECONDS);
        Await.until("online again", () -> "online".equals(last(TOPICS.connectionState())));
    }

    @Test
    void testKeypadCodesAreAnsweredWithAWordAndListedLater() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.add(KeypadCodeRequest.always("Guest", "234567"), zone).json());
        Await.until("answered", () -> "success".equals(last(TOPICS.lock("keypad/commandResultJson"))));
        // the answer first, the new list about the keypad delay later
        assertThat(HubKeypad.entries(last(TOPICS.lock("keypad/json"))), hasSize(1));
        assertThat(last(TOPICS.lock("keypad/actionJson")), is("--"));
        Await.until("listed", () -> HubKeypad.entries(last(TOPICS.lock("keypad/json"))).size() == 2);
        assertThat(last(TOPICS.lock("keypad/json")),
                allOf(containsString("Guest"), not(containsString("234567")), not(containsString("345678"))));

        HubKeypad.Entry guest = HubKeypad.entries(last(TOPICS.lock("keypad/json"))).stream()
                .filter(e -> "Guest".equals(e.name)).findFirst().orElseThrow();
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.setEnabled(guest, false).json());
        Await.until("switched off", () -> HubKeypad.entries(last(TOPICS.lock("keypad/json"))).stream()
                .anyMatch(e -> "Guest".equals(e.name) && e.enabled == 0));
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.delete(guest).json());
        Await.until("removed", () -> HubKeypad.entries(last(TOPICS.lock("keypad/json"))).size() == 1);

        // the opener's keypad has topics of its own
        assertThat(HubKeypad.entries(last(TOPICS.opener("keypad/json"))).get(0).name, is("Postman"));

        hub.setKeypadControl(SimulatedNukiHub.KeypadControl.DISABLED);
        messages.clear();
        send(TOPICS.lock("keypad/actionJson"), HubKeypad.add(KeypadCodeRequest.always("Guest", "234567"), zone).json());
        Await.until("refused",
                () -> messages.contains(TOPICS.lock("keypad/commandResultJson") + "=keypadControlDisabled"));
    }

    @Test
    void testWithKeypadControlOffNothingAnswersAKeypadCommand() throws Exception {
        hub.setKeypadControl(SimulatedNukiHub.KeypadControl.OFF);
        hub.setPublishKeypad(false);
        messages.clear();
        // the unsubscription reached the broker once a command after it goes unanswered; the state query still works
        send(TOPICS.lock("query/lockstate"), "1");
        Await.until("queried", () -> of("lock", "query/lockstateCommandResult").size() == 1);
        send(TOPICS.lock("keypad/actionJson"),
                HubKeypad.add(KeypadCodeRequest.always("Guest", "234567"), ZoneId.of("Europe/Berlin")).json());
        try {
            Await.holds("no answer", () -> of("lock", "keypad/commandResultJson", "keypad/json").isEmpty(),
                    KEYPAD_DELAY.plusMillis(500));
        } catch (AssertionError e) {
            throw new AssertionError("answered: " + messages, e);
        }
        assertThat(messages.toString(), hub.actionsReceived(), is(empty()));
    }
}
