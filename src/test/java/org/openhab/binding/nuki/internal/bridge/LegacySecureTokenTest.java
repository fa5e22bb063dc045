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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.ThingStatus;

/**
 * A bridge thing of openHAB's earlier Nuki binding keeps its {@code secureToken} through the thing-type update (update
 * instructions cannot change configuration): the bridge thing reads it and turns it into {@code authentication}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class LegacySecureTokenTest {

    private static final String TOKEN = "legacy-token-42";

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(SimulatedDevice.smartLock(0x1111L, 4, "Front"));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void testSecureTokenNamesTheEarlierBindingsSchemes() {
        assertThat(LegacySecureToken.authentication(new Configuration(Map.of("secureToken", true))), is("hashed"));
        assertThat(LegacySecureToken.authentication(new Configuration(Map.of("secureToken", "false"))), is("plain"));
        assertThat(LegacySecureToken.authentication(new Configuration(Map.of("authentication", "plain"))),
                is(nullValue()));

        Configuration migrated = LegacySecureToken.migrated(
                new Configuration(Map.of("ip", "192.168.1.20", "secureToken", false, "authentication", "encrypted")));
        assertThat(migrated.getProperties(), is(Map.of("ip", "192.168.1.20", "authentication", "plain")));
    }

    /** As openHAB hands it over: the earlier key, and this binding's default filled in beside it. */
    private void configureLikeTheEarlierBinding(boolean secureToken) {
        harness.bridgeConfiguration.put("secureToken", secureToken);
        harness.bridgeConfiguration.put("authentication", "encrypted");
    }

    @Test
    void testSecureTokenFalseTalksPlainAndBecomesAuthenticationPlain() {
        // a software bridge takes the plain token only: encrypted, the default, would be refused
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        configureLikeTheEarlierBinding(false);
        harness.initializeBridge();

        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        assertThat(harness.bridgeConfiguration.get("authentication"), is("plain"));
        assertThat(harness.bridgeConfiguration.containsKey("secureToken"), is(false));
    }

    @Test
    void testSecureTokenTrueBecomesTheHashedToken() {
        configureLikeTheEarlierBinding(true);
        harness.initializeBridge();

        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        assertThat(harness.bridgeConfiguration.get("authentication"), is("hashed"));
        assertThat(harness.bridgeConfiguration.containsKey("secureToken"), is(false));
    }

    @Test
    void testWithoutSecureTokenTheAuthenticationSettingCounts() {
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        harness.bridgeConfiguration.put("authentication", "encrypted");
        harness.initializeBridge();

        Await.until("bridge offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        assertThat(harness.bridgeConfiguration.get("authentication"), is("encrypted"));
    }

    @Test
    void testAThingFromAThingsFileKeepsSecureTokenAndItStillChooses() {
        // the configuration change is refused (a thing openHAB cannot store); what follows is taken
        doThrow(new IllegalStateException("not a managed thing")).doNothing().when(harness.bridgeCallback)
                .thingUpdated(any());
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        configureLikeTheEarlierBinding(false);
        harness.initializeBridge();

        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        assertThat(harness.bridgeConfiguration.get("secureToken"), is(false));
        assertThat(harness.bridgeConfiguration.get("authentication"), is("encrypted"));
    }
}
