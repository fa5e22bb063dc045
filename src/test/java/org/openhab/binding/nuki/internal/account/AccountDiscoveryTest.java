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
package org.openhab.binding.nuki.internal.account;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.AdjustableClock;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.AccountFixture;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.RecordingInbox;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;

/**
 * The account's discovery: its devices that no thing serves yet, under the bridge that has seen them (with the UID
 * the bridge's own discovery gives, so the inbox shows each once), or without a bridge when no local thing has seen
 * them; never a Box, never a served device.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class AccountDiscoveryTest {

    private static final long CLOUD_ONLY = 0x3C4D5E6FL;
    private static final long BOX = 0x4D5E6F70L;

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private @NonNullByDefault({}) AccountFixture account;
    private final RecordingInbox inbox = new RecordingInbox();

    @BeforeEach
    void start() throws Exception {
        simulator = new NukiBridgeSimulator("discovery-token", AdjustableClock.system(),
                InetAddress.getLoopbackAddress());
        simulator.addDevice(SimulatedDevice.smartLock(NukiWebSimulator.DEMO_LOCK, 4, "Front door"));
        simulator.addDevice(SimulatedDevice.opener(NukiWebSimulator.DEMO_OPENER, "Intercom"));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        account = new AccountFixture(harness.httpClient, harness.accounts, Clock.systemUTC());
        account.cloud.addDevice(CLOUD_ONLY, 4, "Garage");
        account.cloud.addDevice(BOX, 1, "Parcel box");
        account.transports.add(HandlerHarness.BRIDGE_UID, harness.bridgeHandler);
        harness.initializeBridge();
        Await.until("bridge lists its devices", () -> harness.bridgeHandler.entries().size() == 2);
    }

    @AfterEach
    void stop() {
        account.close();
        harness.close();
    }

    @Test
    void testUnservedDevicesAreOfferedUnderTheirCarrier() {
        Device lock = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(NukiWebSimulator.DEMO_LOCK)));
        harness.initialize(lock);
        Await.until("lock online", () -> lock.statusValue() == ThingStatus.ONLINE);
        account.online();
        NukiAccountDiscoveryService discovery = new NukiAccountDiscoveryService();
        discovery.setThingHandler(account.handler);
        discovery.addDiscoveryListener(inbox);
        discovery.initialize();
        Await.until("offered", () -> inbox.results.size() >= 2);

        DiscoveryResult opener = inbox.results.stream()
                .filter(r -> r.getThingUID().equals(new ThingUID("nuki:opener:home:" + NukiWebSimulator.DEMO_OPENER)))
                .findFirst().orElseThrow();
        assertThat(opener.getBridgeUID(), is(HandlerHarness.BRIDGE_UID));
        assertThat(opener.getLabel(), is("Intercom"));
        assertThat(opener.getProperties().get("nukiId"), is(String.valueOf(NukiWebSimulator.DEMO_OPENER)));
        assertThat(opener.getRepresentationProperty(), is("nukiId"));

        DiscoveryResult garage = inbox.results.stream()
                .filter(r -> r.getThingUID().equals(new ThingUID("nuki:smartlock:" + CLOUD_ONLY))).findFirst()
                .orElseThrow();
        assertThat(garage.getBridgeUID(), is(nullValue()));
        assertThat(garage.getLabel(), is("Garage"));

        // the served lock and the Box are not offered
        assertThat(inbox.results.stream().map(r -> r.getThingUID().getId()).toList(),
                not(hasItems(String.valueOf(NukiWebSimulator.DEMO_LOCK), String.valueOf(BOX))));
        assertThat(inbox.results, hasSize(2));
        discovery.dispose();
    }
}
