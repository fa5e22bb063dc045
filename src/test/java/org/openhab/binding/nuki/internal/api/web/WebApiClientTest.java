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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.test.Await;

/**
 * The Web API client against the Web API simulator, a real HTTP server: the account's devices with their Nuki ids,
 * authorizations, and each failure in the words a user acts on, never with the token.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class WebApiClientTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01234567";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final long OPENER = 0x2B3C4D5EL;

    private final NukiWebSimulator cloud = new NukiWebSimulator(TOKEN);
    private final HttpClient httpClient = new HttpClient();

    @BeforeEach
    void start() throws Exception {
        NukiWebSimulator.Device lock = cloud.addDevice(LOCK, 4, "Front door");
        cloud.addDevice(OPENER, 2, "Street door");
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4b", 0, 7, "Tom's phone", null);
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4c", 13, 4097, "Cleaner", 345678);
        cloud.start();
        httpClient.start();
    }

    @AfterEach
    void stop() throws Exception {
        httpClient.stop();
        cloud.close();
    }

    private WebApiClient client(String token) {
        return new WebApiClient(httpClient, cloud.baseUri(), token, Duration.ofSeconds(2));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static WebApiException failureOf(CompletableFuture<?> future) {
        ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        WebApiException web = WebApiException.unwrap(error);
        assertThat(error.toString(), web, is(notNullValue()));
        assertThat(web.getMessage(), not(containsString(TOKEN)));
        return web;
    }

    @Test
    void testTheAccountsDevicesCarryTheirNukiIds() throws Exception {
        List<WebSmartlockDto> devices = await(client(TOKEN).smartlocks());
        assertThat(devices.stream().map(WebSmartlockDto::nukiId).toList(), contains(LOCK, OPENER));
        assertThat(devices.get(0).smartlockId, is(17_618_910_285L));
        assertThat(devices.get(1).type, is(2));
        assertThat(devices.get(0).isOnline(), is(true));
        cloud.setOffline(LOCK, true);
        assertThat(await(client(TOKEN).smartlocks()).get(0).isOnline(), is(false));
    }

    @Test
    void testAuthorizationsNameWhoIsBehindAnId() throws Exception {
        List<WebAuthorizationDto> authorizations = await(client(TOKEN).authorizations(17_618_910_285L));
        assertThat(authorizations.stream().map(a -> a.name).toList(), contains("Tom's phone", "Cleaner"));
        WebAuthorizationDto code = authorizations.get(1);
        assertThat(code.type, is(WebAuthorizationDto.TYPE_KEYPAD_CODE));
        assertThat(code.authId, is(4097));
        // the code is read, but never printed
        assertThat(code.code, is(345678));
        assertThat(code.toString(), not(containsString("345678")));
    }

    @Test
    void testAWrongTokenIsToldAsSuch() {
        WebApiException failure = failureOf(client("not-the-token").smartlocks());
        assertThat(failure.failure(), is(WebApiFailure.TOKEN_REFUSED));
        assertThat(failure.status(), is(401));
    }

    @Test
    void testThrottlingCarriesTheWaitAndPasses() throws Exception {
        cloud.throttleNext(1, 42);
        WebApiException failure = failureOf(client(TOKEN).smartlocks());
        assertThat(failure.failure(), is(WebApiFailure.THROTTLED));
        assertThat(failure.retryAfter(), is(Duration.ofSeconds(42)));
        assertThat(await(client(TOKEN).smartlocks()), hasSize(2));
    }

    @Test
    void testAProxysHtmlErrorIsAPassingFault() {
        cloud.serverErrorsNext(1);
        WebApiException failure = failureOf(client(TOKEN).smartlocks());
        assertThat(failure.failure(), is(WebApiFailure.THROTTLED));
        assertThat(failure.status(), is(502));
    }

    @Test
    void testAnUnknownDeviceAndASlowCloud() {
        // a smart lock the token may not see is forbidden (the API's 403), not unknown
        assertThat(failureOf(client(TOKEN).authorizations(4_000_000_000L)).failure(), is(WebApiFailure.FORBIDDEN));
        cloud.setLatency(Duration.ofSeconds(4));
        assertThat(failureOf(client(TOKEN).smartlocks()).failure(), is(WebApiFailure.UNREACHABLE));
    }

    private List<WebAuthorizationDto> codes() {
        try {
            return await(client(TOKEN).authorizations(17_618_910_285L)).stream()
                    .filter(a -> a.type == WebAuthorizationDto.TYPE_KEYPAD_CODE).toList();
        } catch (Exception e) {
            throw new AssertionError("reading the authorizations", e);
        }
    }

    @Test
    void testAKeypadCodeIsAddedDisabledAndRemovedAndArrivesLater() throws Exception {
        cloud.setWriteDelay(Duration.ofMillis(300));
        WebApiClient client = client(TOKEN);
        await(client.addKeypadCode(17_618_910_285L, new KeypadCodeRequest("Guest Anna", "456789",
                Instant.parse("2026-12-24T15:00:00Z"), Instant.parse("2026-12-27T11:00:00Z"), 127, null, null)));
        // accepted is not arrived: the cloud passes it on to the lock later
        assertThat(codes().stream().map(a -> a.name).toList(), contains("Cleaner"));
        Await.until("the code on the lock", () -> codes().size() == 2);
        WebAuthorizationDto anna = codes().get(1);
        assertThat(anna.name, is("Guest Anna"));
        assertThat(anna.code, is(456789));
        assertThat(anna.allowedUntilDate, is("2026-12-27T11:00:00Z"));

        await(client.setEnabled(17_618_910_285L, anna, false));
        Await.until("disabled", () -> !codes().get(1).enabled);
        assertThat(codes().get(1).allowedUntilDate, is("2026-12-27T11:00:00Z")); // the window is kept

        await(client.remove(17_618_910_285L, String.valueOf(anna.id)));
        Await.until("removed", () -> codes().size() == 1);
    }

    @Test
    void testRequestBodiesAreAsTheApiDefinesThem() {
        // a create carries what the API requires (name, remoteAllowed), and no unset validity
        Map<String, Object> create = WebApiClient.keypadCodeBody(KeypadCodeRequest.always("Guest", "234567"));
        assertThat(create.keySet(), containsInAnyOrder("type", "name", "code", "remoteAllowed"));
        // an update carries the name (required), keeps what is set and leaves out what is not: never null
        WebAuthorizationDto entry = new WebAuthorizationDto();
        entry.name = "Guest";
        entry.enabled = true;
        entry.allowedUntilDate = "2026-12-27T11:00:00.000Z";
        Map<String, Object> update = WebApiClient.updateBody(entry, false);
        assertThat(update.keySet(), containsInAnyOrder("name", "enabled", "remoteAllowed", "allowedUntilDate"));
        assertThat(update.values(), not(hasItem(nullValue())));
        assertThat(update.get("enabled"), is(false));
    }

    @Test
    void testAConflictIsNotWordedAsTheSameCode() {
        // the API's 409 is a conflict of parameters; which one, it does not say
        String message = String.valueOf(WebApiClient.failure(409, null).getMessage());
        assertThat(message, containsString("conflict"));
        assertThat(message, not(containsString("same")));
    }

    @Test
    void testTheCloudsRefusalsOfAKeypadCode() {
        WebApiException taken = failureOf(
                client(TOKEN).addKeypadCode(17_618_910_285L, KeypadCodeRequest.always("Second cleaner", "345678")));
        assertThat(taken.failure(), is(WebApiFailure.CONFLICT));
        assertThat(taken.getMessage(), not(containsString("345678")));
        WebApiException longName = failureOf(client(TOKEN).addKeypadCode(17_618_910_285L,
                KeypadCodeRequest.always("A name far too long for it", "456789")));
        assertThat(longName.failure(), is(WebApiFailure.REFUSED));
        assertThat(KeypadCodeRequest.always("Guest", "456789").toString(), not(containsString("456789")));
    }

    @Test
    void testTheLogNamesWhoDidWhatNewestFirst() throws Exception {
        NukiWebSimulator.Device lock = cloud.device(LOCK);
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 1, 5, 0, "2026-12-02T08:00:00.000Z");
        cloud.logAction(lock, "6775e353c52a77633bf92c4c", 1, 255, 1, "2026-12-02T09:30:00.000Z");
        cloud.logAction(lock, "6775e353c52a77633bf92c4b", 2, 5, 0, "2026-12-02T10:15:00.000Z");
        List<WebLogEntryDto> log = await(client(TOKEN).log(17_618_910_285L, 2));
        assertThat(log, hasSize(2));
        assertThat(log.get(0).actionName(), is("LOCK"));
        assertThat(log.get(0).name, is("Tom's phone"));
        assertThat(log.get(0).triggerName(), is("APP"));
        assertThat(log.get(1).actionName(), is("UNLOCK"));
        assertThat(log.get(1).name, is("Cleaner"));
        assertThat(log.get(1).triggerName(), is("KEYPAD_CODE"));
        assertThat(log.get(1).date, is("2026-12-02T09:30:00.000Z"));
        // never more than the Web API gives at once
        assertThat(await(client(TOKEN).log(17_618_910_285L, 500)), hasSize(3));
    }

    @Test
    void testRetryAfterInEitherForm() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(WebApiClient.retryAfter("120", now), is(Duration.ofSeconds(120)));
        assertThat(WebApiClient.retryAfter("Wed, 02 Dec 2026 10:01:30 GMT", now), is(Duration.ofSeconds(90)));
        assertThat(WebApiClient.retryAfter("soon", now), is(nullValue()));
        assertThat(WebApiClient.retryAfter(null, now), is(nullValue()));
        assertThat(WebApiClient.failure(423, null).failure(), is(WebApiFailure.PENDING));
        assertThat(WebApiClient.failure(409, null).failure(), is(WebApiFailure.CONFLICT));
        assertThat(WebApiClient.failure(422, null).failure(), is(WebApiFailure.REFUSED));
    }
}
