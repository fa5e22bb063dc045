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
package org.openhab.binding.nuki.internal.mqtt;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.SimulatedMqttLock;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.binding.nuki.test.RecordingInbox;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;

/**
 * Locks on the broker appear in the inbox under their {@code nuki:mqtt} bridge, named as they call themselves; a lock a
 * thing serves is not offered.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiMqttDiscoveryTest {

    private @NonNullByDefault({}) MqttHarness harness;
    private @NonNullByDefault({}) SimulatedMqttLock front;
    private @NonNullByDefault({}) SimulatedMqttLock back;
    private final RecordingInbox inbox = new RecordingInbox();

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same locks, which stop() closes
    void start() throws Exception {
        harness = new MqttHarness();
        front = new SimulatedMqttLock(0x1A2B3C4DL, "Front door", harness.broker.host(), harness.broker.port())
                .withRetainedQos(EmbeddedBroker.RETAINED_QOS).withStepDelay(Duration.ofMillis(50));
        back = new SimulatedMqttLock(0x0B0C0D0EL, "Back door", harness.broker.host(), harness.broker.port())
                .withRetainedQos(EmbeddedBroker.RETAINED_QOS).withStepDelay(Duration.ofMillis(50));
        front.connect().get();
        back.connect().get();
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
    }

    @AfterEach
    void stop() {
        front.close();
        back.close();
        harness.close();
    }

    private NukiMqttDiscoveryService discovery() {
        NukiMqttDiscoveryService discovery = new NukiMqttDiscoveryService();
        discovery.setThingHandler(harness.bridgeHandler);
        discovery.addDiscoveryListener(inbox);
        discovery.initialize();
        return discovery;
    }

    private DiscoveryResult offered(long nukiId) {
        ThingUID uid = new ThingUID("nuki:smartlock:broker:" + nukiId);
        return inbox.results.stream().filter(result -> result.getThingUID().equals(uid)).findFirst().orElseThrow();
    }

    @Test
    void testLocksSeenOnTheBrokerAppearUnderTheirBridge() {
        NukiMqttDiscoveryService discovery = discovery();
        Await.until("both locks offered", () -> inbox.results.stream().map(r -> r.getLabel()).toList()
                .containsAll(java.util.List.of("Front door", "Back door")));
        DiscoveryResult result = offered(0x1A2B3C4DL);
        assertThat(result.getBridgeUID(), is(MqttHarness.BRIDGE_UID));
        assertThat(result.getRepresentationProperty(), is("nukiId"));
        assertThat(result.getProperties().get("nukiId"), is(String.valueOf(0x1A2B3C4DL)));
        assertThat(offered(0x0B0C0D0EL).getProperties().get("nukiId"), is(String.valueOf(0x0B0C0D0EL)));
        discovery.dispose();
    }

    @Test
    void testALockAThingServesIsNotOfferedAgain() {
        Device device = harness.addSmartLock("front", Map.of("nukiId", "1A2B3C4D"));
        harness.initialize(device);
        Await.until("front online", () -> device.statusValue() == ThingStatus.ONLINE);
        NukiMqttDiscoveryService discovery = discovery();
        Await.until("back offered", () -> inbox.results.stream().anyMatch(r -> "Back door".equals(r.getLabel())));
        discovery.startScan();
        assertThat(inbox.results.stream().map(r -> r.getLabel()).toList(), not(hasItem("Front door")));
        discovery.dispose();
    }
}
