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
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;

/**
 * Keypad codes through the Nuki Web account, against the Web API simulator: each rule refuses before anything is
 * sent, accepted writes are followed until the lock has them (a bounded number of re-reads), and no answer carries a
 * code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class WebKeypadCodesTest {

    private static final String TOKEN = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210abcdef01";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final long LOCK_WEB_ID = 17_618_910_285L;
    private static final List<Duration> QUICK = List.of(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(900));

    private final NukiWebSimulator cloud = new NukiWebSimulator(TOKEN);
    private final HttpClient httpClient = new HttpClient();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private WebKeypadCodes codes = new WebKeypadCodes(
            new WebApiClient(httpClient, java.net.URI.create("http://x"), TOKEN, Duration.ofSeconds(1)), LOCK_WEB_ID,
            scheduler, QUICK);

    @BeforeEach
    void start() throws Exception {
        NukiWebSimulator.Device lock = cloud.addDevice(LOCK, 4, "Front door");
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4b", 0, 7, "Tom's phone", null);
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4c", 13, 4097, "Cleaner", 345678);
        cloud.start();
        httpClient.start();
        codes = codes(TOKEN);
    }

    private WebKeypadCodes codes(String token) {
        return new WebKeypadCodes(new WebApiClient(httpClient, cloud.baseUri(), token, Duration.ofSeconds(2)),
                LOCK_WEB_ID, scheduler, QUICK);
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        httpClient.stop();
        cloud.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void testACodeIsAcceptedThenSeenOnTheLockAndListedWithoutItsCode() throws Exception {
        cloud.setWriteDelay(Duration.ofMillis(200));
        Instant from = Instant.parse("2026-12-20T15:00:00Z");
        Instant until = Instant.parse("2026-12-27T11:00:00Z");
        KeypadWrite write = await(codes.add(new KeypadCodeRequest("Guest Anna", "456789", from, until, 127,
                LocalTime.of(8, 0), LocalTime.of(20, 30))));
        assertThat(write.message(), write.accepted(), is(true));
        assertThat(write.message(), allOf(containsString("Guest Anna"), not(containsString("456789"))));
        assertThat("the follow-up sees the code arrive", await(write.onTheLock()), is(true));

        List<KeypadCode> listed = await(codes.list());
        assertThat(listed.stream().map(KeypadCode::name).toList(), contains("Cleaner", "Guest Anna"));
        KeypadCode anna = listed.get(1);
        assertThat(anna.enabled(), is(true));
        assertThat(anna.validFrom(), is(from));
        assertThat(anna.validUntil(), is(until));
        assertThat(anna.weekdays(), is(127));
        assertThat(anna.dailyFrom(), is(LocalTime.of(8, 0)));
        assertThat(anna.dailyUntil(), is(LocalTime.of(20, 30)));
        assertThat(listed.toString(), not(containsString("456789")));
        assertThat(cloud.requestCount("PUT /smartlock/{id}/auth"), is(1));
    }

    @Test
    void testEveryRuleRefusesWithItsReasonBeforeAWriteIsSent() throws Exception {
        Map<String, KeypadCodeRules.Problem> refused = Map.of("45678", KeypadCodeRules.Problem.NOT_SIX_DIGITS, "456780",
                KeypadCodeRules.Problem.HAS_ZERO, "123456", KeypadCodeRules.Problem.STARTS_WITH_12, "345678",
                KeypadCodeRules.Problem.TAKEN);
        for (Map.Entry<String, KeypadCodeRules.Problem> rule : refused.entrySet()) {
            KeypadWrite write = await(codes.add(KeypadCodeRequest.always("Guest", rule.getKey())));
            assertThat(rule.getKey(), write.accepted(), is(false));
            assertThat(write.message(), is(rule.getValue().message));
            assertThat(write.message(), not(containsString(rule.getKey())));
            assertThat(await(write.onTheLock()), is(false));
        }
        assertThat(await(codes.add(KeypadCodeRequest.always("A name far too long for it", "456789"))).message(),
                is(KeypadCodeRules.Problem.NAME_TOO_LONG.message));
        assertThat(await(codes.add(KeypadCodeRequest.always("cleaner", "456789"))).message(),
                is(KeypadCodeRules.Problem.NAME_TAKEN.message));
        assertThat("nothing was written", cloud.requestCount("PUT /smartlock/{id}/auth"), is(0));
        // the format rules need no list: only the two checks against the lock's codes read it
        assertThat(cloud.requestCount("GET /smartlock/{id}/auth"), is(2));
    }

    @Test
    void testACodeIsSwitchedOffOnAgainAndRemoved() throws Exception {
        KeypadWrite off = await(codes.setEnabled("Cleaner", false));
        assertThat(off.message(), off.accepted(), is(true));
        assertThat(await(off.onTheLock()), is(true));
        assertThat(await(codes.list()).get(0).enabled(), is(false));
        assertThat(cloud.device(LOCK).authorizations().get(1).get("code"), is(345678));

        KeypadWrite on = await(codes.setEnabled("Cleaner", true));
        assertThat(await(on.onTheLock()), is(true));
        assertThat(await(codes.list()).get(0).enabled(), is(true));

        KeypadWrite removed = await(codes.remove("Cleaner"));
        assertThat(removed.accepted(), is(true));
        assertThat(await(removed.onTheLock()), is(true));
        assertThat(await(codes.list()), is(empty()));
        assertThat(await(codes.remove("Cleaner")).message(), containsString("no keypad code named 'Cleaner'"));
    }

    @Test
    void testAChangeThatNeverReachesTheLockIsToldSoAfterABoundedWait() throws Exception {
        cloud.setWriteDelay(Duration.ofMinutes(10));
        KeypadWrite write = await(codes.remove("Cleaner"));
        assertThat(write.accepted(), is(true));
        assertThat(await(write.onTheLock()), is(false));
        int reads = cloud.requestCount("GET /smartlock/{id}/auth");
        assertThat("one read before the write, one per follow-up", reads, is(1 + QUICK.size()));
    }

    @Test
    void testTheCloudsFailuresAreToldWithoutTheToken() throws Exception {
        KeypadWrite refused = await(codes("a-deleted-token").add(KeypadCodeRequest.always("Guest", "456789")));
        assertThat(refused.accepted(), is(false));
        assertThat(refused.message(), allOf(containsString("refused the API token"), not(containsString(TOKEN))));

        cloud.throttleNext(2, 60);
        KeypadWrite throttled = await(codes.setEnabled("Cleaner", false));
        assertThat(throttled.message(), containsString("come back later"));
    }
}
