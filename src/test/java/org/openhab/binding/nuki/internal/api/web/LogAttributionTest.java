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
package org.openhab.binding.nuki.internal.api.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;

/**
 * Who moved a lock that a Nuki Bridge reports without a trigger: the activity log's fitting entry, read once, used
 * once, and nobody rather than a wrong name.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class LogAttributionTest {

    private static final String TOKEN = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final long WEB_ID = 17_618_910_285L;
    private static final Set<Integer> UNLOCKED = Set.of(1, 3);

    private final NukiWebSimulator cloud = new NukiWebSimulator(TOKEN);
    private final HttpClient httpClient = new HttpClient();
    private LogAttribution attribution = new LogAttribution((id, n) -> CompletableFuture.failedFuture(new Exception()));
    private NukiWebSimulator.Device lock = cloud.addDevice(LOCK, 4, "Front door");

    @BeforeEach
    void start() throws Exception {
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4b", 0, 7, "Tom's phone", null);
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4c", 13, 4097, "Cleaner", 345678);
        cloud.start();
        httpClient.start();
        WebApiClient client = new WebApiClient(httpClient, cloud.baseUri(), TOKEN, Duration.ofSeconds(2));
        attribution = new LogAttribution(client::log);
    }

    @AfterEach
    void stop() throws Exception {
        httpClient.stop();
        cloud.close();
    }

    private Optional<String> nameFor(Set<Integer> actions, Instant changedAt) throws Exception {
        return attribution.nameFor(WEB_ID, actions, changedAt).get(10, TimeUnit.SECONDS);
    }

    @Test
    void testTheFittingEntryNamesTheChangeOnceWithOneRequest() throws Exception {
        Instant now = Instant.parse("2026-12-02T20:00:10Z");
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 2, 5, 0, "2026-12-02T19:40:00.000Z");
        cloud.logAction(lock, "6775e353c52a77633bf92c4c", 1, 255, 1, "2026-12-02T20:00:08.000Z");
        assertThat(nameFor(UNLOCKED, now), is(Optional.of("Cleaner")));
        assertThat(cloud.requestCount("/smartlock/{id}/log"), is(1));
        // the same entry never names a second change
        assertThat(nameFor(UNLOCKED, now.plusSeconds(30)), is(Optional.empty()));
    }

    @Test
    void testAnEntryOfAnotherActionOrTooOldNamesNobody() throws Exception {
        Instant now = Instant.parse("2026-12-02T20:00:10Z");
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 2, 5, 0, "2026-12-02T20:00:05.000Z");
        assertThat("a lock does not explain an unlock", nameFor(UNLOCKED, now), is(Optional.empty()));
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 1, 5, 0, "2026-12-02T19:50:00.000Z");
        assertThat("ten minutes before the change", nameFor(UNLOCKED, now), is(Optional.empty()));
        cloud.logAction(lock, "", 1, 1, 0, "2026-12-02T20:00:09.000Z");
        assertThat("turned by hand: no authorization", nameFor(UNLOCKED, now), is(Optional.empty()));
    }

    @Test
    void testAnEntryAFailedReadLeftBehindNamesNoLaterChange() throws Exception {
        Instant now = Instant.parse("2026-12-02T20:00:10Z");
        // the cleaner unlocked, but that change's read failed (throttled): the entry was never used
        cloud.logAction(lock, "6775e353c52a77633bf92c4c", 1, 255, 1, "2026-12-02T20:00:08.000Z");
        cloud.throttleNext(1, 30);
        assertThat(nameFor(UNLOCKED, now), is(Optional.empty()));
        // Tom locked: named
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 2, 5, 0, "2026-12-02T20:00:20.000Z");
        assertThat(nameFor(Set.of(2, 4, 5), now.plusSeconds(12)), is(Optional.of("Tom's phone")));
        // someone unlocks by hand (no entry): the cleaner's old unlock below Tom's lock is not theirs
        assertThat(nameFor(UNLOCKED, now.plusSeconds(20)), is(Optional.empty()));
    }

    @Test
    void testAnUnreadableOrThrottledLogNamesNobody() throws Exception {
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 1, 5, 0, "2026-12-02T20:00:05.000Z");
        cloud.throttleNext(1, 30);
        assertThat(nameFor(UNLOCKED, Instant.parse("2026-12-02T20:00:10Z")), is(Optional.empty()));
        cloud.setTokenRefused(true);
        assertThat(nameFor(UNLOCKED, Instant.parse("2026-12-02T20:00:10Z")), is(Optional.empty()));
    }
}
