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
package org.openhab.binding.nuki.internal.bridge.callback;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The push path end to end: the bridge thing registers its callback on the simulator, the simulator posts to the
 * binding's servlet on a real HTTP server, and channels change at once. Also every request the servlet must refuse,
 * a bridge reboot, lost callbacks (reconciliation catches up), a full table and an unknown address.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class CallbackPushTest {

    private static final String TOKEN = "push-token";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final String FOREIGN = "http://192.168.1.7:8123/api/webhook/ha";

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, 4, "Front door").withDoorSensor());
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
    }

    @AfterEach
    void stop() {
        harness.close();
        http.shutdownNow();
    }

    private Device onlineLock() {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Device lock = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(LOCK)));
        harness.initialize(lock);
        Await.until("lock online",
                () -> lock.statusValue() == ThingStatus.ONLINE && lock.state(CHANNEL_LOCK_N_GO_UNLATCH) != null);
        return lock;
    }

    private String ourUrl() {
        return harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/home/"
                + CallbackSecret.derive(TOKEN, HandlerHarness.BRIDGE_UID.getAsString());
    }

    private int post(String url, String body) throws IOException, InterruptedException {
        return http
                .send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String body(long nukiId, int state) {
        return "{\"nukiId\":" + nukiId + ",\"deviceType\":4,\"mode\":2,\"state\":" + state
                + ",\"stateName\":\"x\",\"batteryCritical\":false,\"doorsensorState\":3}";
    }

    // ------------------------------------------------------------------ registration and pushes

    @Test
    void testTheBridgeThingRegistersItsCallbackAndPushesArriveAtOnce() {
        simulator.registerCallback(FOREIGN);
        Device lock = onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        assertThat(simulator.callbackUrls(), contains(FOREIGN, ourUrl()));
        int listsBefore = simulator.stats().requestCount("/list");

        simulator.changeState(LOCK, 3);
        simulator.changeDoorSensor(LOCK, 3);
        Await.until("pushed", () -> OpenClosedType.OPEN.equals(lock.state(CHANNEL_DOOR_SENSOR)));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.OFF));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("UNLOCKED")));
        // no reconciliation was needed for that
        assertThat(simulator.stats().requestCount("/list"), is(listsBefore));
        assertThat(harness.bridgeStatus.get().getDescription(), is(nullValue()));
    }

    @Test
    void testARebootSeenAsAFailureGetsTheCallbackBackWhenTheBridgeIsBack() {
        onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        simulator.setRebootDowntime(Duration.ofSeconds(1));
        simulator.reboot();
        assertThat(simulator.callbackUrls(), is(empty()));
        // the reconciliation during the reboot fails; the one after it checks the callbacks
        harness.bridgeHandler.reconcileSoon();
        Await.until("registered again", () -> simulator.callbackUrls().contains(ourUrl()));
    }

    @Test
    void testAnUnseenRebootIsRepairedByTheFirstReconciliationAfterAMissedState() {
        Device lock = onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        int checksBefore = simulator.stats().requestCount("/callback/list");
        simulator.reboot();
        // nothing changed: reconciliations see nothing amiss and leave the callback table alone
        reconcileAndWait(lock);
        assertThat(simulator.stats().requestCount("/callback/list"), is(checksBefore));
        assertThat(simulator.callbackUrls(), is(empty()));
        // the lock turned by hand: no push came, so the next reconciliation finds the change and repairs
        simulator.changeState(LOCK, 3);
        reconcileAndWait(lock);
        Await.until("registered again", () -> simulator.callbackUrls().contains(ourUrl()));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("UNLOCKED")));
    }

    @Test
    void testReconciliationsWithNothingAmissCostOneRequestEach() {
        Device lock = onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        Await.until("queue idle", () -> harness.bridgeHandler.client().queue().isIdle());
        Map<String, Integer> before = simulator.stats().requestCounts();
        for (int i = 0; i < 5; i++) {
            reconcileAndWait(lock);
        }
        // a pushed change is no reason to check the callbacks either
        simulator.changeState(LOCK, 3);
        Await.until("pushed", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        reconcileAndWait(lock);
        Map<String, Integer> after = simulator.stats().requestCounts();
        assertThat(after.get("/list") - before.get("/list"), is(6));
        assertThat(after.getOrDefault("/callback/list", 0), is(before.getOrDefault("/callback/list", 0)));
    }

    /** Asks for a reconciliation and waits until its answer reached the lock (each answer republishes its channels). */
    private void reconcileAndWait(Device lock) {
        int lists = simulator.stats().requestCount("/list");
        int published = lock.stateLog.size();
        harness.bridgeHandler.reconcileSoon();
        Await.until("reconciled", () -> simulator.stats().requestCount("/list") > lists
                && lock.stateLog.size() > published && harness.bridgeHandler.client().queue().isIdle());
    }

    @Test
    void testABridgeThatWasDownAtStartRecoversSoonAndGetsItsCallback() throws IOException {
        simulator.down();
        harness.initializeBridge();
        Await.until("offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        simulator.up();
        // recovery tries again after 2 s, long before the 60 s reconciliation
        Await.until("online again", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        Await.until("properties", () -> "hardware".equals(harness.bridgeProperties.get("bridgeType")));
    }

    @Test
    void testLostCallbacksAreCaughtUpByReconciliation() {
        Device lock = onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        simulator.setDropCallbacks(true);
        simulator.changeState(LOCK, 3);
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        harness.bridgeHandler.reconcileSoon();
        Await.until("converged", () -> OnOffType.OFF.equals(lock.state(CHANNEL_LOCK)));
        assertThat(simulator.stats().callbacksDropped(), greaterThanOrEqualTo(1));
    }

    @Test
    void testAFullTableKeepsTheBridgeOnlineAndSaysSo() {
        simulator.registerCallback(FOREIGN);
        simulator.registerCallback("http://192.168.1.8:8882/notify/1");
        simulator.registerCallback("http://192.168.1.9:8080/nuki/bcb");
        onlineLock();
        Await.until("described",
                () -> "@text/online.callbacks-full".equals(harness.bridgeStatus.get().getDescription()));
        assertThat(harness.bridgeStatusValue(), is(ThingStatus.ONLINE));
        assertThat(simulator.callbackUrls().size(), is(3));
        assertThat(simulator.callbackUrls(), not(hasItem(ourUrl())));
        assertThat(simulator.stats().requestCount("/callback/remove"), is(0));
    }

    @Test
    void testAFullTableLearntWhileGoingOnlineIsNotLost() {
        simulator.registerCallback(FOREIGN);
        simulator.registerCallback("http://192.168.1.8:8882/notify/1");
        simulator.registerCallback("http://192.168.1.9:8080/nuki/bcb");
        // the bridge goes ONLINE slowly, as on a busy machine: the check of the callback table ends meanwhile
        AtomicBoolean first = new AtomicBoolean(true);
        harness.beforeBridgeStatus.set(info -> {
            if (info.getStatus() == ThingStatus.ONLINE && first.getAndSet(false)) {
                Await.until("the table check ended or waits for the status",
                        () -> harness.bridgeHandler.callbackProblem() != null || aThreadWaitsInTheBridgeHandler());
            }
        });
        onlineLock();
        Await.until("described",
                () -> "@text/online.callbacks-full".equals(harness.bridgeStatus.get().getDescription()));
        assertThat(harness.bridgeStatusValue(), is(ThingStatus.ONLINE));
    }

    private static boolean aThreadWaitsInTheBridgeHandler() {
        return Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(thread -> thread.getKey().getState() == Thread.State.BLOCKED
                        && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName()
                                .startsWith("org.openhab.binding.nuki.internal.bridge.NukiBridgeHandler")));
    }

    @Test
    void testUnknownOpenhabAddressSaysSo() {
        harness.setOpenhabBaseUrl(null);
        onlineLock();
        Await.until("described",
                () -> "@text/online.callback-no-address".equals(harness.bridgeStatus.get().getDescription()));
        assertThat(simulator.callbackUrls(), is(empty()));
    }

    @Test
    void testTheOverrideAddressIsUsed() {
        harness.bridgeConfiguration.put("callbackAddress",
                "127.0.0.1:" + harness.servletBaseUrl().substring(harness.servletBaseUrl().lastIndexOf(':') + 1));
        harness.setOpenhabBaseUrl("http://10.99.99.99:8080");
        Device lock = onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        simulator.changeState(LOCK, 3);
        Await.until("pushed", () -> OnOffType.OFF.equals(lock.state(CHANNEL_LOCK)));
    }

    @Test
    void testDisposeRemovesOnlyOurCallback() {
        simulator.registerCallback(FOREIGN);
        onlineLock();
        Await.until("registered", () -> simulator.callbackUrls().contains(ourUrl()));
        harness.bridgeHandler.dispose();
        Await.until("removed", () -> !simulator.callbackUrls().contains(ourUrl()));
        assertThat(simulator.callbackUrls(), contains(FOREIGN));
        assertThat(harness.callbackRegistry.isRegistered("home"), is(false));
    }

    @Test
    void testCallbackForADisposedThingIsAcceptedAndIgnored() throws Exception {
        Device lock = onlineLock();
        harness.dispose(lock);
        assertThat(post(ourUrl(), body(LOCK, 3)), is(200));
        assertThat(post(ourUrl(), body(987654, 3)), is(200));
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void testEveryBadRequestIsRefused() throws Exception {
        Device lock = onlineLock();
        String url = ourUrl();
        assertThat(
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode(),
                is(405));
        assertThat(http
                .send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode(), is(405));
        assertThat(post(url.substring(0, url.length() - 1) + "0", body(LOCK, 3)), is(403));
        assertThat(post(harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/garage/abc", body(LOCK, 3)), is(404));
        assertThat(post(harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/home", body(LOCK, 3)), is(404));
        assertThat(post(url, "x".repeat(20 * 1024)), is(413));
        assertThat(post(url, "{\"nukiId\": 1, \"state\""), is(400));
        assertThat(post(url, "[1, 2, 3]"), is(400));
        assertThat(post(url, "{\"state\": 3}"), is(400));
        assertThat(post(url, "null"), is(400));
        // none of it changed anything
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        // a well-formed callback for a device nobody configured is fine
        assertThat(post(url, body(987654, 3)), is(200));
    }

    @Test
    void testASpoofedSourceIsRefusedUnlessTheCheckIsOff() throws Exception {
        List<DeviceStateDto> received = new CopyOnWriteArrayList<>();
        NukiCallbackRegistry registry = harness.callbackRegistry;
        registry.register("spoofed", "s3cret", List.of(InetAddress.getByName("192.168.1.20")), received::add,
                Runnable::run);
        String url = harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/spoofed/s3cret";
        assertThat(post(url, body(1, 3)), is(403));
        registry.register("spoofed", "s3cret", null, received::add, Runnable::run);
        assertThat(post(url, body(1, 3)), is(200));
        assertThat(received.size(), is(1));
        assertThat(received.get(0).state, is(3));
    }

    @Test
    void testTheRequestThreadDoesNoChannelWork() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        harness.callbackRegistry.register("slow", "s", null, state -> threads.add(Thread.currentThread().getName()),
                runnable -> new Thread(runnable, "channel-worker").start());
        assertThat(post(harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/slow/s", body(1, 1)), is(200));
        Await.until("dispatched", () -> threads.size() == 1);
        assertThat(threads.get(0), is("channel-worker"));
    }
}
