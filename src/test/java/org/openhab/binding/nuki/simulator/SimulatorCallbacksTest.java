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

import java.io.IOException;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.CallbackReceiver;
import org.openhab.binding.nuki.test.RawBridgeRequests;
import org.openhab.binding.nuki.test.RawBridgeRequests.Answer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The simulator's callback table and sender: the limits of fact sheet 1.11, the POSTs of section 4, and the fault
 * switches.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorCallbacksTest {

    private static final String TOKEN = "callbacks1";
    private static final long LOCK = 305419896L;

    private final NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN);
    private @NonNullByDefault({}) RawBridgeRequests bridge;
    private @NonNullByDefault({}) CallbackReceiver first;
    private @NonNullByDefault({}) CallbackReceiver second;

    @BeforeEach
    void start() throws IOException {
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, SimulatedDevice.TYPE_SMARTLOCK3, "Front"));
        simulator.start();
        bridge = new RawBridgeRequests(simulator.baseUri());
        first = new CallbackReceiver();
        second = new CallbackReceiver();
    }

    @AfterEach
    void stop() {
        simulator.close();
        first.close();
        second.close();
    }

    private Answer add(String url) throws IOException, InterruptedException {
        return bridge.plain("/callback/add", "url=" + RawBridgeRequests.encode(url), TOKEN);
    }

    private JsonArray list() throws IOException, InterruptedException {
        return bridge.plain("/callback/list", "", TOKEN).json().getAsJsonObject().getAsJsonArray("callbacks");
    }

    @Test
    void testAtMostThreeCallbacksAndDuplicatesAreAccepted() throws Exception {
        String url = first.url("/nuki/callback");
        for (int i = 0; i < 3; i++) {
            assertThat(add(url).json().getAsJsonObject().get("success").getAsBoolean(), is(true));
        }
        JsonObject full = add(second.url("/x")).json().getAsJsonObject();
        assertThat(full.get("success").getAsBoolean(), is(false));
        assertThat(full.get("message").getAsString(), is("too many callbacks registered"));
        JsonArray callbacks = list();
        assertThat(callbacks.size(), is(3));
        assertThat(callbacks.get(2).getAsJsonObject().get("id").getAsInt(), is(2));
        assertThat(callbacks.get(2).getAsJsonObject().get("url").getAsString(), is(url));
    }

    @Test
    void testOnlyHttpUrlsOfAtMost254Characters() throws Exception {
        assertThat(add("https://192.168.1.2:8443/cb").status(), is(400));
        assertThat(add("ftp://192.168.1.2/cb").status(), is(400));
        String base = "http://192.168.1.2:8080/";
        assertThat(add(base + "a".repeat(254 - base.length())).status(), is(200));
        assertThat(add(base + "a".repeat(255 - base.length())).status(), is(400));
        assertThat(bridge.plain("/callback/add", "", TOKEN).status(), is(400));
    }

    @Test
    void testRemovalRenumbersTheRemainingEntries() throws Exception {
        add("http://10.0.0.1/a");
        add("http://10.0.0.1/b");
        add("http://10.0.0.1/c");
        assertThat(
                bridge.plain("/callback/remove", "id=0", TOKEN).json().getAsJsonObject().get("success").getAsBoolean(),
                is(true));
        JsonArray callbacks = list();
        assertThat(callbacks.size(), is(2));
        assertThat(callbacks.get(0).getAsJsonObject().get("url").getAsString(), is("http://10.0.0.1/b"));
        assertThat(callbacks.get(0).getAsJsonObject().get("id").getAsInt(), is(0));
        assertThat(bridge.plain("/callback/remove", "id=5", TOKEN).status(), is(400));
        assertThat(bridge.plain("/callback/remove", "id=x", TOKEN).status(), is(400));
    }

    @Test
    void testEveryRegisteredUrlGetsAPostWithTheJsonState() throws Exception {
        add(first.url("/one"));
        add(second.url("/two"));
        bridge.plain("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1", TOKEN);
        Await.until("both receivers", () -> first.received().size() == 1 && second.received().size() == 1);
        CallbackReceiver.Received received = first.received().get(0);
        assertThat(received.method(), is("POST"));
        assertThat(received.path(), is("/one"));
        assertThat(received.body(), containsString("\"state\":3"));
        assertThat(received.body(), containsString("\"nukiId\":" + LOCK));
        Await.until("both deliveries counted", () -> simulator.stats().callbacksSent() == 2);
    }

    @Test
    void testDroppedCallbacksAreNotSent() throws Exception {
        add(first.url("/one"));
        simulator.setDropCallbacks(true);
        simulator.changeState(LOCK, 3);
        assertThat(simulator.stats().callbacksDropped(), is(1));
        simulator.setDropCallbacks(false);
        simulator.changeState(LOCK, 1);
        Await.until("the next one arrives", () -> first.received().size() == 1);
        assertThat(first.received().get(0).body(), containsString("\"state\":1"));
    }

    @Test
    void testDelayedCallbacksDoNotBlockTheApi() throws Exception {
        add(first.url("/one"));
        simulator.setCallbackDelay(Duration.ofMillis(500));
        long started = System.nanoTime();
        bridge.plain("/lockAction", "nukiId=" + LOCK + "&deviceType=4&action=1", TOKEN);
        assertThat(bridge.plain("/list", "", TOKEN).status(), is(200));
        assertThat(first.received(), is(empty()));
        Await.until("the delayed callback", () -> first.received().size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started), greaterThanOrEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void testFirstFailingCallbackBlocksTheRestWhenSwitchedOn() throws Exception {
        add(first.url("/one"));
        add(second.url("/two"));
        first.answer(500);
        simulator.changeState(LOCK, 3);
        Await.until("both tried", () -> second.received().size() == 1);
        assertThat(simulator.stats().callbacksFailed(), is(1));
        assertThat(simulator.logTypes(), hasItem("HTTP-PostTimeout"));

        simulator.setFirstFailingCallbackBlocksRest(true);
        simulator.changeState(LOCK, 1);
        Await.until("the first tried again", () -> first.received().size() == 2);
        Await.until("the sender is idle", () -> simulator.pendingCallbacks() == 0);
        assertThat(second.received().size(), is(1));
    }

    @Test
    void testRebootForgetsEveryCallback() throws Exception {
        add(first.url("/one"));
        assertThat(bridge.plain("/reboot", "", TOKEN).status(), is(200));
        Await.until("callbacks forgotten", () -> simulator.callbackUrls().isEmpty());
        assertThat(list().size(), is(0));
    }
}
