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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.RawBridgeRequests;
import org.openhab.binding.nuki.test.RawBridgeRequests.Answer;

import com.google.gson.JsonObject;

/**
 * Bridge-wide behaviour of the simulator: one request at a time, latencies and 503 storms, /info for both kinds of
 * bridge, the button flow of /auth, maintenance endpoints, the bridge going away, and the discovery stub.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorBridgeTest {

    private static final String TOKEN = "bridge123";
    private static final long LOCK = 0x151105FDL;
    private static final long OPENER = 0x1B7873CAL;

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2025-06-01T12:00:00Z"));
    private final NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN, clock,
            InetAddress.getLoopbackAddress());
    private @NonNullByDefault({}) RawBridgeRequests bridge;

    @BeforeEach
    void start() throws IOException {
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, SimulatedDevice.TYPE_SMARTLOCK, "Front"));
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Street"));
        simulator.start();
        bridge = new RawBridgeRequests(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Answer call(String path, String query) throws IOException, InterruptedException {
        return bridge.plain(path, query, TOKEN);
    }

    @Test
    void testARequestDuringAnotherIsAnsweredBusy() throws Exception {
        simulator.setLatency("/lockAction", Duration.ofMillis(800));
        CompletableFuture<Answer> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return call("/lockAction", "nukiId=" + LOCK + "&action=1");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the slow request to arrive", () -> simulator.stats().requestCount("/lockAction") == 1);
        Answer busy = call("/list", "");
        assertThat(busy.status(), is(503));
        assertThat(busy.body(), is("HTTP 503 Unavailable"));
        assertThat(slow.get().status(), is(200));
        assertThat(call("/list", "").status(), is(200));
        assertThat(simulator.stats().busyRejections(), is(1));
        assertThat(simulator.stats().requestCount("/list"), is(2));
    }

    @Test
    void testStormsOfBusyAnswers() throws Exception {
        simulator.busyForNextRequests(2);
        assertThat(call("/list", "").status(), is(503));
        assertThat(call("/list", "").status(), is(503));
        assertThat(call("/list", "").status(), is(200));
        simulator.setBusyProbability(1.0, 7);
        assertThat(call("/info", "").status(), is(503));
        simulator.setBusyProbability(0, 7);
        assertThat(call("/info", "").status(), is(200));
    }

    @Test
    void testLatencyPerEndpoint() throws Exception {
        simulator.setLatency("/info", Duration.ofMillis(300));
        long started = System.nanoTime();
        call("/info", "");
        assertThat(Duration.ofNanos(System.nanoTime() - started), greaterThanOrEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void testInfoOfAHardwareBridge() throws Exception {
        simulator.setClockSkew(Duration.ofSeconds(-90));
        JsonObject info = call("/info", "").json().getAsJsonObject();
        assertThat(info.get("bridgeType").getAsInt(), is(1));
        assertThat(info.getAsJsonObject("ids").keySet(), containsInAnyOrder("hardwareId", "serverId"));
        assertThat(info.getAsJsonObject("versions").keySet(),
                containsInAnyOrder("firmwareVersion", "wifiFirmwareVersion"));
        assertThat(info.get("currentTime").getAsString(), is("2025-06-01T11:58:30+00:00"));
        assertThat(info.get("wlanConnected").getAsBoolean(), is(true));
        JsonObject scan = info.getAsJsonArray("scanResults").get(1).getAsJsonObject();
        assertThat(scan.get("name").getAsString(), is("Nuki_Opener_1B7873CA"));
        assertThat(scan.get("deviceType").getAsInt(), is(2));
        assertThat(info.getAsJsonArray("scanResults").get(0).getAsJsonObject().get("name").getAsString(),
                is("Nuki_151105FD"));
    }

    @Test
    void testSoftwareBridgeDiffers() throws Exception {
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        JsonObject info = call("/info", "").json().getAsJsonObject();
        assertThat(info.get("bridgeType").getAsInt(), is(2));
        assertThat(info.getAsJsonObject("ids").keySet(), contains("serverId"));
        assertThat(info.getAsJsonObject("versions").keySet(), contains("appVersion"));
        for (String path : new String[] { "/auth", "/configAuth", "/unpair", "/log", "/clearlog", "/reboot",
                "/fwupdate", "/factoryReset" }) {
            assertThat(path, call(path, "").status(), is(404));
        }
    }

    @Test
    void testAuthHandsOutTheTokenWhenTheButtonIsPressedInTime() throws Exception {
        CompletableFuture<Answer> auth = CompletableFuture.supplyAsync(() -> {
            try {
                return bridge.get("/auth");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("/auth to wait for the button", simulator::isWaitingForButton);
        assertThat(call("/list", "").status(), is(503));
        assertThat(simulator.pressButton(), is(true));
        JsonObject answer = auth.get().json().getAsJsonObject();
        assertThat(answer.get("success").getAsBoolean(), is(true));
        assertThat(answer.get("token").getAsString(), is(TOKEN));
        assertThat(simulator.pressButton(), is(false));
    }

    @Test
    void testAuthFailsWithoutAButtonPressAndIsForbiddenWhenDisabled() throws Exception {
        simulator.setButtonWindow(Duration.ofMillis(200));
        JsonObject answer = bridge.get("/auth").json().getAsJsonObject();
        assertThat(answer.get("success").getAsBoolean(), is(false));
        assertThat(answer.has("token"), is(false));

        assertThat(call("/configAuth", "enable=2").status(), is(400));
        assertThat(call("/configAuth", "enable=0").status(), is(200));
        assertThat(bridge.get("/auth").status(), is(403));
    }

    @Test
    void testAuthGeneratesATokenWhenNoneWasSet() throws Exception {
        simulator.setToken(null);
        CompletableFuture<Answer> auth = CompletableFuture.supplyAsync(() -> {
            try {
                return bridge.get("/auth");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("/auth to wait", simulator::isWaitingForButton);
        simulator.pressButton();
        String token = auth.get().json().getAsJsonObject().get("token").getAsString();
        assertThat(token.length(), is(20));
        assertThat(bridge.plain("/list", "", token).status(), is(200));
    }

    @Test
    void testLogClearLogFirmwareUpdateAndFactoryReset() throws Exception {
        assertThat(call("/fwupdate", "scope=1").status(), is(200));
        JsonObject entry = call("/log", "offset=0&count=10").json().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(entry.get("type").getAsString(), is("FW-UpdateRequested"));
        assertThat(entry.has("timestamp"), is(true));
        assertThat(call("/clearlog", "").status(), is(200));
        assertThat(call("/log", "").json().getAsJsonArray().size(), is(0));
        assertThat(call("/factoryReset", "").status(), is(200));
        assertThat(simulator.devices(), is(empty()));
        assertThat(call("/list", "").status(), is(401));
    }

    @Test
    void testBridgeDownRefusesConnectionsAndComesBackOnTheSamePort() throws Exception {
        int port = simulator.port();
        simulator.down();
        assertThrows(ConnectException.class, () -> call("/list", ""));
        simulator.up();
        assertThat(simulator.port(), is(port));
        assertThat(call("/list", "").status(), is(200));
    }

    @Test
    void testASilentBridgeLetsConnectionsHangUntilItComesBack() throws Exception {
        int port = simulator.port();
        simulator.silent();
        assertThrows(HttpConnectTimeoutException.class, () -> call("/list", ""));
        simulator.down();
        assertThrows(ConnectException.class, () -> call("/list", ""));
        simulator.silent();
        simulator.up();
        assertThat(simulator.port(), is(port));
        assertThat(call("/list", "").status(), is(200));
    }

    @Test
    void testRebootWithDowntime() throws Exception {
        simulator.setRebootDowntime(Duration.ofMillis(300));
        simulator.registerCallback("http://127.0.0.1:1/cb");
        assertThat(call("/reboot", "").status(), is(200));
        Await.until("the bridge to go down", () -> !simulator.isUp());
        Await.until("the bridge to come back", simulator::isUp);
        Await.until("the bridge to answer again", () -> {
            try {
                return call("/list", "").status() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(simulator.callbackUrls(), is(empty()));
        JsonObject info = call("/info", "").json().getAsJsonObject();
        assertThat(info.get("uptime").getAsLong(), is(0L));
    }

    @Test
    void testDiscoveryStub() throws Exception {
        JsonObject found = bridge.get("/discover/bridges").json().getAsJsonObject();
        assertThat(found.get("errorCode").getAsInt(), is(0));
        JsonObject entry = found.getAsJsonArray("bridges").get(0).getAsJsonObject();
        assertThat(entry.get("bridgeId").getAsLong(), is(simulator.serverId()));
        assertThat(entry.get("ip").getAsString(), is("127.0.0.1"));
        assertThat(entry.get("port").getAsInt(), is(simulator.port()));
        simulator.setDiscoveryMode(NukiBridgeSimulator.DiscoveryMode.ZERO_ADDRESS);
        entry = bridge.get("/discover/bridges").json().getAsJsonObject().getAsJsonArray("bridges").get(0)
                .getAsJsonObject();
        assertThat(entry.get("ip").getAsString(), is("0.0.0.0"));
        assertThat(entry.get("port").getAsInt(), is(0));
        simulator.setDiscoveryMode(NukiBridgeSimulator.DiscoveryMode.FORBIDDEN);
        assertThat(bridge.get("/discover/bridges").status(), is(403));
    }

    @Test
    void testRequestLogRedactsSecrets() throws Exception {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        simulator.setRequestLog(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        call("/list", "");
        bridge.hashed("/info", "", TOKEN, simulator.bridgeTime());
        String printed = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(printed, containsString("GET /list?token=*** -> 200"));
        assertThat(printed, containsString("hash=***"));
        assertThat(printed, not(containsString(TOKEN)));
    }
}
