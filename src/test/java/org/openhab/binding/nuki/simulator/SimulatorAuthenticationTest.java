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
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.RawBridgeRequests;
import org.openhab.binding.nuki.test.RawBridgeRequests.Answer;

/**
 * The simulator authenticates as the fact sheet (section 2) says the bridge does, including the documented test
 * vectors, which it accepts when its clock stands at the vectors' time.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorAuthenticationTest {

    private static final Instant VECTOR_TIME = Instant.parse("2019-03-05T01:06:53Z");
    private static final String VECTOR_HASH = "f52eb5ce382e356c4239f8fb4d0a87402bb95b7b3124f0762b806ad7d0d01cb6";
    private static final String VECTOR_NONCE = "119c38fb6d7d707b8a45f14e688b74b8c4c1acf33643c71a";
    private static final String VECTOR_CTOKEN = "a7f6b4df6758b92445bd5470b755b43ba41cf50af8b3f6e19368348ddfb1686291555dfd90b31f9333";

    private final AdjustableClock clock = AdjustableClock.fixedAt(VECTOR_TIME);
    private final NukiBridgeSimulator simulator = new NukiBridgeSimulator("123456", clock,
            InetAddress.getLoopbackAddress());
    private @org.eclipse.jdt.annotation.NonNullByDefault({}) RawBridgeRequests bridge;

    @BeforeEach
    void start() throws IOException {
        simulator.start();
        bridge = new RawBridgeRequests(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void testPlainToken() throws Exception {
        assertThat(bridge.plain("/list", "", "123456").status(), is(200));
        Answer wrong = bridge.plain("/list", "", "654321");
        assertThat(wrong.status(), is(401));
        assertThat(wrong.body(), is("HTTP 401 Unauthorized"));
        assertThat(bridge.get("/list").status(), is(401));
    }

    @Test
    void testHashedTokenVectorIsAcceptedOnceAtItsTime() throws Exception {
        String query = "/list?ts=2019-03-05T01:06:53Z&rnr=4711&hash=" + VECTOR_HASH;
        assertThat(bridge.get(query).status(), is(200));
        Answer replay = bridge.get(query);
        assertThat(replay.status(), is(401));
        assertThat(replay.body(), is("HTTP 401 Unauthorized"));
    }

    @Test
    void testHashedTokenWindowIsSixtySeconds() throws Exception {
        assertThat(bridge.hashed("/list", "", "123456", VECTOR_TIME.minusSeconds(59)).status(), is(200));
        assertThat(bridge.hashed("/list", "", "123456", VECTOR_TIME.plusSeconds(60)).status(), is(200));
        assertThat(bridge.hashed("/list", "", "123456", VECTOR_TIME.minusSeconds(61)).status(), is(401));
        assertThat(bridge.hashed("/list", "", "123456", VECTOR_TIME.plusSeconds(61)).status(), is(401));
    }

    @Test
    void testHashedTokenWithWrongTokenOrMissingPartsIsRefused() throws Exception {
        assertThat(bridge.hashed("/list", "", "000000", VECTOR_TIME).status(), is(401));
        assertThat(bridge.get("/list?ts=2019-03-05T01:06:53Z&hash=" + VECTOR_HASH).status(), is(401));
        assertThat(bridge.get("/list?rnr=4711&hash=" + VECTOR_HASH).status(), is(401));
    }

    @Test
    void testSameTimestampWithAnotherRandomNumberIsAccepted() throws Exception {
        String ts = "2019-03-05T01:06:53Z";
        assertThat(bridge.get("/list?" + RawBridgeRequests.hashedParams(ts, 1, "123456")).status(), is(200));
        assertThat(bridge.get("/list?" + RawBridgeRequests.hashedParams(ts, 2, "123456")).status(), is(200));
    }

    @Test
    void testEncryptedTokenVectorIsAcceptedOnce() throws Exception {
        String query = "/list?ctoken=" + VECTOR_CTOKEN + "&nonce=" + VECTOR_NONCE;
        assertThat(bridge.get(query).status(), is(200));
        assertThat(bridge.get(query).status(), is(401));
    }

    @Test
    void testEncryptedTokenAcceptsTheDocumentedNounceSpelling() throws Exception {
        assertThat(bridge.get("/list?ctoken=" + VECTOR_CTOKEN + "&nounce=" + VECTOR_NONCE).status(), is(200));
    }

    @Test
    void testEncryptedTokenWindowAndWrongToken() throws Exception {
        assertThat(bridge.encrypted("/list", "", "123456", VECTOR_TIME.plusSeconds(30)).status(), is(200));
        assertThat(bridge.encrypted("/list", "", "123456", VECTOR_TIME.minusSeconds(90)).status(), is(401));
        assertThat(bridge.encrypted("/list", "", "999999", VECTOR_TIME).status(), is(401));
        assertThat(bridge.get("/list?ctoken=zz&nonce=" + VECTOR_NONCE).status(), is(401));
        assertThat(bridge.get("/list?ctoken=" + VECTOR_CTOKEN).status(), is(401));
    }

    @Test
    void testClockSkewBreaksTimedTokensButNotThePlainOne() throws Exception {
        simulator.setClockSkew(Duration.ofMinutes(5));
        assertThat(bridge.hashed("/list", "", "123456", VECTOR_TIME).status(), is(401));
        assertThat(bridge.encrypted("/list", "", "123456", VECTOR_TIME).status(), is(401));
        assertThat(bridge.plain("/list", "", "123456").status(), is(200));
        // a client that follows the bridge's clock gets in again
        assertThat(bridge.encrypted("/list", "", "123456", simulator.bridgeTime()).status(), is(200));
    }

    @Test
    void testSoftwareBridgeTakesThePlainTokenOnly() throws Exception {
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        assertThat(bridge.plain("/list", "", "123456").status(), is(200));
        assertThat(bridge.hashed("/list", "", "123456", VECTOR_TIME).status(), is(401));
        assertThat(bridge.encrypted("/list", "", "123456", VECTOR_TIME).status(), is(401));
    }

    @Test
    void testEveryEndpointButAuthNeedsTheToken() throws Exception {
        for (String path : new String[] { "/info", "/list", "/lockState", "/lockAction", "/lock", "/unlock",
                "/callback/add", "/callback/list", "/callback/remove", "/configAuth", "/log", "/clearlog", "/reboot",
                "/fwupdate", "/factoryReset", "/unpair" }) {
            assertThat(path, bridge.get(path).status(), is(401));
        }
    }
}
