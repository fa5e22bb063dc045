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
package org.openhab.binding.nuki.internal.api.callback;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.callback.CallbackRegistration.Outcome;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.test.ClientFixture;

/**
 * Callback registration in every state of the bridge's table: never a foreign entry removed.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class CallbackRegistrationTest {

    private static final String PREFIX = "/nuki/callback/home/";
    private static final String OURS = "http://192.168.1.5:8080" + PREFIX + "0123456789abcdef0123456789abcdef";
    private static final String STALE_HOST = "http://192.168.1.99:8080" + PREFIX + "0123456789abcdef0123456789abcdef";
    private static final String STALE_SECRET = "http://192.168.1.5:8080" + PREFIX + "ffffffffffffffffffffffffffffffff";
    private static final String OTHER_BRIDGE = "http://192.168.1.5:8080/nuki/callback/garage/0123456789abcdef";
    private static final String HOME_ASSISTANT = "http://192.168.1.7:8123/api/webhook/abc";
    private static final String HOMEBRIDGE = "http://192.168.1.8:8882/notify/123";
    private static final String OLD_OPENHAB = "http://192.168.1.5:8080/nuki/bcb";

    private @NonNullByDefault({}) ClientFixture fixture;
    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) NukiBridgeClient client;
    private @NonNullByDefault({}) CallbackRegistration registration;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator("cb");
        fixture = new ClientFixture(simulator);
        client = fixture.client(AuthenticationMode.PLAIN, "cb");
        registration = new CallbackRegistration(client, OURS, PREFIX);
    }

    @AfterEach
    void stop() {
        client.close();
        fixture.close();
    }

    private Outcome ensure() throws Exception {
        return registration.ensure().get(10, TimeUnit.SECONDS);
    }

    @Test
    void testEmptyTable() throws Exception {
        assertThat(ensure(), is(Outcome.ADDED));
        assertThat(simulator.callbackUrls(), contains(OURS));
    }

    @Test
    void testOursAlreadyPresentIsLeftAlone() throws Exception {
        simulator.registerCallback(HOME_ASSISTANT);
        simulator.registerCallback(OURS);
        int before = simulator.stats().totalRequests();
        assertThat(ensure(), is(Outcome.PRESENT));
        assertThat(simulator.callbackUrls(), contains(HOME_ASSISTANT, OURS));
        assertThat(simulator.stats().totalRequests() - before, is(1));
    }

    @Test
    void testStaleEntriesOfOursAreReplaced() throws Exception {
        simulator.registerCallback(STALE_HOST);
        simulator.registerCallback(HOME_ASSISTANT);
        simulator.registerCallback(STALE_SECRET);
        assertThat(ensure(), is(Outcome.ADDED));
        assertThat(simulator.callbackUrls(), contains(HOME_ASSISTANT, OURS));
    }

    @Test
    void testATableFullOfOtherAppsIsNeverTouched() throws Exception {
        simulator.registerCallback(HOME_ASSISTANT);
        simulator.registerCallback(HOMEBRIDGE);
        simulator.registerCallback(OLD_OPENHAB);
        assertThat(ensure(), is(Outcome.TABLE_FULL));
        assertThat(simulator.callbackUrls(), contains(HOME_ASSISTANT, HOMEBRIDGE, OLD_OPENHAB));
        assertThat(simulator.stats().requestCount("/callback/remove"), is(0));
        assertThat(simulator.stats().requestCount("/callback/add"), is(0));
    }

    @Test
    void testDuplicatesOfOursAreReducedToOne() throws Exception {
        simulator.registerCallback(OURS);
        simulator.registerCallback(HOMEBRIDGE);
        simulator.registerCallback(OURS);
        assertThat(ensure(), is(Outcome.PRESENT));
        assertThat(simulator.callbackUrls(), contains(OURS, HOMEBRIDGE));
    }

    @Test
    void testTwoChecksAtOnceAddOneCallback() throws Exception {
        // two reconciliations end together after a bridge reboot: both would see the table without ours
        CompletableFuture<Outcome> first = registration.ensure();
        CompletableFuture<Outcome> second = registration.ensure();
        assertThat(first.get(10, TimeUnit.SECONDS), is(Outcome.ADDED));
        assertThat(second.get(10, TimeUnit.SECONDS), is(Outcome.ADDED));
        assertThat(simulator.callbackUrls(), contains(OURS));
        assertThat(simulator.stats().requestCount("/callback/add"), is(1));
    }

    @Test
    void testRemovalWaitsForACheckThatIsUnderWay() throws Exception {
        // the thing goes away while a check is about to add ours: ours must not stay behind
        CompletableFuture<Outcome> check = registration.ensure();
        registration.remove().get(10, TimeUnit.SECONDS);
        assertThat(check.isDone(), is(true));
        assertThat(simulator.callbackUrls(), is(empty()));
    }

    @Test
    void testAnotherBridgesCallbackIsNotOurs() throws Exception {
        simulator.registerCallback(OTHER_BRIDGE);
        assertThat(ensure(), is(Outcome.ADDED));
        assertThat(simulator.callbackUrls(), contains(OTHER_BRIDGE, OURS));
        assertThat(registration.isOurs(OTHER_BRIDGE), is(false));
        assertThat(registration.isOurs(STALE_HOST), is(true));
        assertThat(registration.isOurs("not a url at all"), is(false));
    }

    @Test
    void testARebootForgetsOursAndTheNextCheckAddsItAgain() throws Exception {
        assertThat(ensure(), is(Outcome.ADDED));
        simulator.reboot();
        assertThat(simulator.callbackUrls(), is(empty()));
        assertThat(ensure(), is(Outcome.ADDED));
        assertThat(simulator.callbackUrls(), contains(OURS));
    }

    @Test
    void testRemoveTakesOnlyOurs() throws Exception {
        simulator.registerCallback(HOME_ASSISTANT);
        simulator.registerCallback(OURS);
        simulator.registerCallback(STALE_HOST);
        registration.remove().get(10, TimeUnit.SECONDS);
        assertThat(simulator.callbackUrls(), contains(HOME_ASSISTANT));
    }

    @Test
    void testSecretIsStableSecretAndPerBridge() {
        String secret = CallbackSecret.derive("token", "nuki:bridge:home");
        assertThat(secret.length(), is(32));
        assertThat(CallbackSecret.derive("token", "nuki:bridge:home"), is(secret));
        assertThat(CallbackSecret.derive("token", "nuki:bridge:garage"), is(not(secret)));
        assertThat(CallbackSecret.derive("other", "nuki:bridge:home"), is(not(secret)));
        assertThat(secret, not(containsString("token")));
        assertThat(CallbackSecret.matches(secret, secret), is(true));
        assertThat(CallbackSecret.matches(secret, secret.substring(1)), is(false));
    }
}
