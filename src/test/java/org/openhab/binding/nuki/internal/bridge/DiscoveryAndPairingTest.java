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
package org.openhab.binding.nuki.internal.bridge;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.api.client.JettyBridgeTransport;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.RecordingInbox;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingUID;

/**
 * Bridge discovery through the (simulated) discovery web service, device discovery from /list, and pairing by the
 * bridge's button: pressed in time, too late, never; software bridges and disabled authentication.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class DiscoveryAndPairingTest {

    private static final String TOKEN = "paired-token-123";

    /** Collects what a discovery service reports, as the inbox would. */
    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private final RecordingInbox inbox = new RecordingInbox();

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(SimulatedDevice.smartLock(0x11111111L, 0, "Cellar"));
        simulator.addDevice(SimulatedDevice.smartLock(0x22222222L, 3, "Smart Door"));
        simulator.addDevice(SimulatedDevice.smartLock(0x33333333L, 4, "Front door"));
        simulator.addDevice(SimulatedDevice.opener(0x44444444L, "Street door"));
        simulator.addDevice(SimulatedDevice.smartLock(0x55555555L, 7, ""));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    // ------------------------------------------------------------------ bridge discovery

    /** Answers the discovery service has received so far, failures included. */
    private final java.util.concurrent.atomic.AtomicInteger scansAnswered = new java.util.concurrent.atomic.AtomicInteger();

    private NukiBridgeDiscoveryService bridgeDiscovery() {
        JettyBridgeTransport jetty = new JettyBridgeTransport(harness.httpClient);
        NukiBridgeDiscoveryService discovery = new NukiBridgeDiscoveryService(
                (uri, timeout) -> jetty.get(uri, timeout).whenComplete((r, e) -> scansAnswered.incrementAndGet()));
        discovery.setDiscoveryUrl(simulator.baseUri().resolve("/discover/bridges"));
        discovery.addDiscoveryListener(inbox);
        return discovery;
    }

    @Test
    void testBridgesAppearWithTheirIdAndAddress() {
        bridgeDiscovery().startScan();
        Await.until("a bridge", () -> inbox.results.size() == 1);
        DiscoveryResult result = inbox.results.get(0);
        assertThat(result.getThingUID(), is(new ThingUID("nuki:bridge:" + simulator.serverId())));
        assertThat(result.getProperties().get("ip"), is("127.0.0.1"));
        assertThat(result.getProperties().get("port"), is(simulator.port()));
        assertThat(result.getRepresentationProperty(), is("bridgeId"));
        assertThat(result.getProperties().get("bridgeId"), is(String.valueOf(simulator.serverId())));
        assertThat(result.getProperties().containsKey("apiToken"), is(false));
        assertThat(result.getLabel(), is("@text/discovery.nuki.bridge.label [\"127.0.0.1\"]"));
    }

    @Test
    void testQuietWhenTheServiceRefusesListsNoAddressOrIsDown() throws IOException {
        NukiBridgeDiscoveryService discovery = bridgeDiscovery();
        int scans = 0;
        for (NukiBridgeSimulator.DiscoveryMode mode : List.of(NukiBridgeSimulator.DiscoveryMode.FORBIDDEN,
                NukiBridgeSimulator.DiscoveryMode.ZERO_ADDRESS, NukiBridgeSimulator.DiscoveryMode.SERVER_ERROR)) {
            simulator.setDiscoveryMode(mode);
            discovery.startScan();
            int expected = ++scans;
            Await.until("scan answered", () -> simulator.stats().requestCount("/discover/bridges") == expected);
        }
        simulator.down();
        discovery.startScan();
        Await.until("the scan of a bridge that is down failed", () -> scansAnswered.get() == 4);
        simulator.setDiscoveryMode(NukiBridgeSimulator.DiscoveryMode.NORMAL);
        simulator.up();
        // one more scan that finds the bridge: the earlier ones found nothing
        discovery.startScan();
        Await.until("the last scan", () -> !inbox.results.isEmpty());
        assertThat(inbox.results.size(), is(1));
    }

    // ------------------------------------------------------------------ device discovery

    @Test
    void testDevicesOfEachTypeWithTheirNamesAndNoDuplicateOfAConfiguredThing() {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Device front = harness.addSmartLock("front-door", Map.of("nukiId", "0x33333333"));
        harness.initialize(front);
        NukiDeviceDiscoveryService discovery = new NukiDeviceDiscoveryService();
        discovery.setThingHandler(harness.bridgeHandler);
        discovery.addDiscoveryListener(inbox);
        discovery.startScan();
        Await.until("four devices", () -> inbox.results.size() == 4);

        Map<String, DiscoveryResult> byId = new java.util.HashMap<>();
        inbox.results.forEach(result -> byId.put(String.valueOf(result.getProperties().get("nukiId")), result));
        assertThat(byId.keySet(), containsInAnyOrder(String.valueOf(0x11111111L), String.valueOf(0x22222222L),
                String.valueOf(0x44444444L), String.valueOf(0x55555555L)));
        DiscoveryResult cellar = byId.get(String.valueOf(0x11111111L));
        assertThat(cellar.getThingUID(),
                is(new ThingUID(NukiBindingConstants.THING_TYPE_SMARTLOCK, HandlerHarness.BRIDGE_UID, "286331153")));
        assertThat(cellar.getLabel(), is("Cellar"));
        assertThat(cellar.getBridgeUID(), is(HandlerHarness.BRIDGE_UID));
        assertThat(cellar.getRepresentationProperty(), is("nukiId"));
        assertThat(byId.get(String.valueOf(0x22222222L)).getThingTypeUID(),
                is(NukiBindingConstants.THING_TYPE_SMARTLOCK));
        assertThat(byId.get(String.valueOf(0x44444444L)).getThingTypeUID(), is(NukiBindingConstants.THING_TYPE_OPENER));
        DiscoveryResult unknown = byId.get(String.valueOf(0x55555555L));
        assertThat(unknown.getThingTypeUID(), is(NukiBindingConstants.THING_TYPE_SMARTLOCK));
        assertThat(unknown.getLabel(), is("@text/discovery.nuki.smartlock.label [\"55555555\"]"));
    }

    // ------------------------------------------------------------------ pairing

    private void withoutToken() {
        harness.bridgeConfiguration.remove("apiToken");
        simulator.setButtonWindow(Duration.ofMillis(800));
    }

    @Test
    void testButtonPressedInTimeStoresTheTokenAndConnects() {
        withoutToken();
        harness.initializeBridge();
        assertThat(harness.bridgeStatus.get().getDescription(), is("@text/offline.bridge.press-button"));
        assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_PENDING));
        Await.until("the bridge waits for its button", simulator::isWaitingForButton);
        assertThat(simulator.pressButton(), is(true));
        Await.until("online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        assertThat(harness.bridgeConfiguration.get("apiToken"), is(TOKEN));
        assertThat(harness.bridgeProperties.values(), not(hasItem(containsString(TOKEN))));
    }

    @Test
    void testButtonPressedTooLate() {
        withoutToken();
        harness.initializeBridge();
        Await.until("the bridge waits for its button", simulator::isWaitingForButton);
        Await.until("the window closes", () -> !simulator.isWaitingForButton());
        assertThat(simulator.pressButton(), is(false));
        Await.until("told",
                () -> "@text/offline.bridge.button-not-pressed".equals(harness.bridgeStatus.get().getDescription()));
        assertThat(harness.bridgeConfiguration.get("apiToken"), is(nullValue()));
    }

    @Test
    void testButtonNeverPressed() {
        withoutToken();
        harness.initializeBridge();
        Await.until("told",
                () -> "@text/offline.bridge.button-not-pressed".equals(harness.bridgeStatus.get().getDescription()));
        assertThat(harness.bridgeStatusValue(), is(ThingStatus.OFFLINE));
        assertThat(simulator.stats().requestCount("/auth"), is(1));
    }

    @Test
    void testSoftwareBridgeNeedsTheTokenFromTheApp() {
        withoutToken();
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        harness.initializeBridge();
        Await.until("told",
                () -> "@text/offline.bridge.software-needs-token".equals(harness.bridgeStatus.get().getDescription()));
    }

    @Test
    void testDisabledAuthenticationSaysSo() {
        withoutToken();
        simulator.setAuthEnabled(false);
        harness.initializeBridge();
        Await.until("told",
                () -> "@text/offline.bridge.pairing-disabled".equals(harness.bridgeStatus.get().getDescription()));
    }
}
