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
package org.openhab.binding.nuki.internal.hub;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HubHarness;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * The {@code hub} thing's status when the broker fails it, in the words the broker thing shares with {@code mqtt}:
 * credentials refused, no broker, a base topic that is none, a client id that is a lock's.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class NukiHubStatusTest {

    @Test
    void testRefusedCredentialsAreAConfigurationError() throws Exception {
        try (HubHarness harness = new HubHarness(Duration.ZERO, "openhab", "right-password")) {
            harness.bridgeConfiguration.put("username", "openhab");
            harness.bridgeConfiguration.put("password", "wrong-password");
            harness.initializeBridge();
            Await.until("offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), startsWith("@text/offline.mqtt.credentials"));
            assertThat(harness.bridgeStatusDescription(), not(containsString("password")));
        }
    }

    @Test
    void testNoBrokerIsACommunicationErrorThatNamesTheAddress() throws Exception {
        try (HubHarness harness = new HubHarness(Duration.ZERO)) {
            int port = harness.broker.port();
            harness.broker.stop();
            harness.initializeBridge();
            Await.until("offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.COMMUNICATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), containsString(":" + port));
        }
    }

    @Test
    void testABaseTopicWithWildcardsIsRefusedBeforeConnecting() throws Exception {
        try (HubHarness harness = new HubHarness(Duration.ZERO)) {
            harness.bridgeConfiguration.put("baseTopic", "nukihub/#");
            harness.initializeBridge();
            assertThat(harness.bridgeStatusValue(), is(ThingStatus.OFFLINE));
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), is("@text/offline.hub.bad-base-topic [\"nukihub/#\"]"));
            assertThat(harness.broker.connectedClients(), is(empty()));
        }
    }

    @Test
    void testALocksClientIdIsRefused() throws Exception {
        try (HubHarness harness = new HubHarness(Duration.ZERO)) {
            harness.bridgeConfiguration.put("clientId", "Nuki_1A2B3C4D");
            harness.initializeBridge();
            assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
            assertThat(harness.bridgeStatusDescription(), startsWith("@text/offline.mqtt.lock-client-id"));
        }
    }
}
