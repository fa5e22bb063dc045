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

import java.net.ServerSocket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * What the {@code nuki:mqtt} thing's status says when it cannot serve: no broker there, a lock's client id, no MQTT
 * transport installed.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiMqttBridgeStatusTest {

    @Test
    void testNoBrokerAtTheAddressSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (MqttHarness harness = new MqttHarness()) {
            harness.bridgeConfiguration.put("port", closedPort);
            harness.initializeBridge();
            Await.until("offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.COMMUNICATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), startsWith("@text/offline.mqtt.unreachable"));
            assertThat(harness.bridgeStatusDescription(), containsString(":" + closedPort));
        }
    }

    @Test
    void testRefusedCredentialsSaySo() throws Exception {
        try (MqttHarness harness = new MqttHarness("openhab", "right-password")) {
            harness.bridgeConfiguration.put("username", "openhab");
            harness.bridgeConfiguration.put("password", "wrong-password");
            harness.initializeBridge();
            Await.until("offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), startsWith("@text/offline.mqtt.credentials"));
        }
        try (MqttHarness harness = new MqttHarness("openhab", "right-password")) {
            harness.bridgeConfiguration.put("username", "openhab");
            harness.bridgeConfiguration.put("password", "right-password");
            harness.initializeBridge();
            Await.until("online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        }
    }

    @Test
    void testALocksClientIdIsRefusedBeforeItKicksTheLockOff() throws Exception {
        try (MqttHarness harness = new MqttHarness()) {
            harness.bridgeConfiguration.put("clientId", "Nuki_1A2B3C4D");
            harness.initializeBridge();
            assertThat(harness.bridgeStatusValue(), is(ThingStatus.OFFLINE));
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), startsWith("@text/offline.mqtt.lock-client-id"));
        }
    }

    @Test
    void testWithoutOpenhabsMqttTransportTheStatusSaysWhatToInstall() throws Exception {
        // what calling the transport does in an installation without it
        try (MqttHarness harness = new MqttHarness((config, clientId, listener) -> {
            throw new NoClassDefFoundError("org/openhab/core/io/transport/mqtt/MqttBrokerConnection");
        })) {
            harness.initializeBridge();
            Await.until("offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), is("@text/offline.mqtt.no-transport"));
        }
    }
}
