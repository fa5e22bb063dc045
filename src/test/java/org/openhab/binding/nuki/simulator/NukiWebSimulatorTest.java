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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * The Web API simulator as a witness: it answers as Nuki's published API description and the fact sheet
 * ({@code ../shared/docs/nuki-web-api.md}) say, checks every request and answer against the description, and
 * computes Nuki Web's device ids by the fact sheet's rule, tested against its worked examples. Requests here are
 * written by hand (not by the binding), so each rule is seen from the outside.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiWebSimulatorTest {

    private static final String TOKEN = "simulator-test-token-0123456789abcdef";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final long LOCK_WEB_ID = 17_618_910_285L;
    private static final String CLEANER = "6775e353c52a77633bf92c4c";

    private final NukiWebSimulator cloud = new NukiWebSimulator(TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Gson gson = new Gson();

    @BeforeEach
    void start() throws Exception {
        NukiWebSimulator.Device lock = cloud.addDevice(LOCK, 4, "Front door");
        cloud.addAuthorization(lock, "6775e353c52a77633bf92c4b", 0, 7, "Tom's phone", null);
        cloud.addAuthorization(lock, CLEANER, 13, 4097, "Cleaner", 345678);
        cloud.start();
    }

    @AfterEach
    void stop() {
        // fails the test when a request or an answer broke the description and the test did not expect it
        cloud.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.baseUri() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10));
        if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Map<String, Object>> list(String path) throws Exception {
        HttpResponse<String> answer = send("GET", path, "");
        assertThat(answer.body(), answer.statusCode(), is(200));
        List<Map<String, Object>> parsed = gson.fromJson(answer.body(), new TypeToken<List<Map<String, Object>>>() {
        }.getType());
        return parsed == null ? List.of() : parsed;
    }

    private Map<String, Object> cleaner() throws Exception {
        return list("/smartlock/" + LOCK_WEB_ID + "/auth").stream().filter(a -> CLEANER.equals(a.get("id"))).findFirst()
                .orElseThrow();
    }

    // ------------------------------------------------------------------ the check against the description

    @Test
    void testTheValidatorCatchesACreateWithoutRemoteAllowed() throws Exception {
        HttpResponse<String> answer = send("PUT", "/smartlock/" + LOCK_WEB_ID + "/auth",
                "{\"type\":13,\"name\":\"Guest\",\"code\":234567}");
        assertThat(answer.statusCode(), is(400));
        assertThat(answer.body(), containsString("remoteAllowed"));
        List<String> violations = cloud.takeViolations();
        assertThat(violations, hasSize(1));
        assertThat(violations.get(0),
                allOf(containsString("PUT /smartlock/" + LOCK_WEB_ID + "/auth"), containsString("remoteAllowed")));
        // nothing was created
        assertThat(cloud.device(LOCK).authorizations(), hasSize(2));
    }

    @Test
    void testAViolationLeftUntakenFailsTheTestThatCausedIt() throws Exception {
        send("POST", "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER, "{\"enabled\":false}");
        IllegalStateException failure = assertThrows(IllegalStateException.class, cloud::close);
        assertThat(failure.getMessage(), allOf(containsString("1 violation"), containsString("name")));
    }

    @Test
    void testAnUpdateWithoutANameOrWithAnExplicitNullIsRefused() throws Exception {
        assertThat(send("POST", "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER, "{\"enabled\":false}").statusCode(),
                is(400));
        assertThat(send("POST", "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER,
                "{\"name\":\"Cleaner\",\"enabled\":false,\"allowedFromDate\":null}").statusCode(), is(400));
        assertThat(cloud.takeViolations(), hasSize(2));
        assertThat(cleaner().get("enabled"), is(true));
    }

    @Test
    void testAnswersAreCheckedToo() {
        WebApiContract contract = WebApiContract.load();
        // a device list without adminPinState, which the description requires
        assertThat(contract.checkResponse("GET", "/smartlock", 200, "application/json",
                "[{\"smartlockId\":17618910285,\"accountId\":1,\"type\":4,\"authId\":1,\"name\":\"Front door\","
                        + "\"favorite\":false,\"serverState\":0}]"),
                hasItem(containsString("adminPinState")));
        // a success status the description does not list for the path
        assertThat(contract.checkResponse("PUT", "/smartlock/" + LOCK_WEB_ID + "/auth", 200, "application/json", ""),
                is(not(empty())));
        // the three corrections: a keypad code's type 13, a Smart Lock 4's deviceType 4 and the log's state 0 pass
        assertThat(contract.checkResponse("GET", "/smartlock/" + LOCK_WEB_ID + "/log", 200, "application/json",
                "[{\"id\":\"1\",\"smartlockId\":17618910285,\"deviceType\":4,\"name\":\"Cleaner\",\"action\":1,"
                        + "\"trigger\":255,\"state\":0,\"autoUnlock\":false,\"date\":\"2026-12-06T10:12:00.000Z\"}]"),
                is(empty()));
        assertThat(contract.checkResponse("GET", "/smartlock/" + LOCK_WEB_ID + "/auth", 200, "application/json",
                "[{\"id\":\"" + CLEANER + "\",\"smartlockId\":17618910285,\"type\":13,\"name\":\"Cleaner\","
                        + "\"enabled\":true,\"remoteAllowed\":false,\"lockCount\":0}]"),
                is(empty()));
        // but not a log state below 0
        assertThat(contract.checkResponse("GET", "/smartlock/" + LOCK_WEB_ID + "/log", 200, "application/json",
                "[{\"id\":\"1\",\"smartlockId\":17618910285,\"deviceType\":4,\"name\":\"Cleaner\",\"action\":1,"
                        + "\"trigger\":255,\"state\":-1,\"autoUnlock\":false,\"date\":\"2026-12-06T10:12:00.000Z\"}]"),
                is(not(empty())));
    }

    @Test
    void testAMissingDescriptionFailsClearly() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> WebApiContract.read(Path.of("no-such-folder", "nuki-web-api-openapi-3.9.0.json")));
        assertThat(failure.getMessage(), allOf(containsString("no-such-folder"), containsString("shared"),
                containsString(WebApiContract.SPEC_PROPERTY)));
    }

    // ------------------------------------------------------------------ answers as the API gives them

    @Test
    void testTheDeviceListCarriesWhatTheDescriptionRequires() throws Exception {
        cloud.setServerState(LOCK, 3);
        Map<String, Object> lock = list("/smartlock").get(0);
        assertThat(lock.keySet(), hasItems("smartlockId", "accountId", "type", "authId", "name", "favorite",
                "serverState", "adminPinState"));
        assertThat(((Number) lock.get("serverState")).intValue(), is(3));
    }

    @Test
    void testACreateIsRefusedWhenTheCodeBreaksTheKeypadsRules() throws Exception {
        for (String code : List.of("23456", "234506", "123456", "2345678")) {
            HttpResponse<String> answer = send("PUT", "/smartlock/" + LOCK_WEB_ID + "/auth",
                    "{\"type\":13,\"name\":\"Guest\",\"code\":" + code + ",\"remoteAllowed\":false}");
            assertThat(code, answer.statusCode(), is(400));
            assertThat(answer.body(), not(containsString(code)));
        }
        assertThat(
                send("PUT", "/smartlock/" + LOCK_WEB_ID + "/auth",
                        "{\"type\":13,\"name\":\"Guest\",\"code\":345678,\"remoteAllowed\":false}").statusCode(),
                is(409));
        assertThat(
                send("PUT", "/smartlock/" + LOCK_WEB_ID + "/auth",
                        "{\"type\":13,\"name\":\"Guest\",\"code\":234567,\"remoteAllowed\":false}").statusCode(),
                is(204));
        assertThat(cloud.device(LOCK).authorizations(), hasSize(3));
    }

    @Test
    void testADuplicateCodeOnUpdateIsAConflict() throws Exception {
        send("PUT", "/smartlock/" + LOCK_WEB_ID + "/auth",
                "{\"type\":13,\"name\":\"Guest\",\"code\":234567,\"remoteAllowed\":false}");
        assertThat(
                send("POST", "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER, "{\"name\":\"Cleaner\",\"code\":234567}")
                        .statusCode(),
                is(409));
        // its own code again is no conflict
        assertThat(
                send("POST", "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER, "{\"name\":\"Cleaner\",\"code\":345678}")
                        .statusCode(),
                is(204));
    }

    @Test
    void testAPendingChangeCarriesAnOperationIdAndLocksTheEntry() throws Exception {
        cloud.setWriteDelay(Duration.ofMillis(400));
        String entry = "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER;
        assertThat(send("POST", entry, "{\"name\":\"Cleaner\",\"enabled\":false,\"remoteAllowed\":false}").statusCode(),
                is(204));
        Map<String, Object> pending = cleaner();
        assertThat(pending.get("operationId"), is(instanceOf(Map.class)));
        // the list still shows the old state while the change is on its way
        assertThat(pending.get("enabled"), is(true));
        assertThat(send("POST", entry, "{\"name\":\"Cleaner\",\"enabled\":true}").statusCode(), is(423));
        assertThat(send("DELETE", entry, "").statusCode(), is(423));
        Await.until("the change arrived", () -> {
            try {
                return !cleaner().containsKey("operationId");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(cleaner().get("enabled"), is(false));
        assertThat(send("POST", entry, "{\"name\":\"Cleaner\",\"enabled\":true}").statusCode(), is(204));
    }

    @Test
    void testAnUpdateThatLeavesOutTheValidityClearsIt() throws Exception {
        String entry = "/smartlock/" + LOCK_WEB_ID + "/auth/" + CLEANER;
        send("POST", entry, "{\"name\":\"Cleaner\",\"allowedFromDate\":\"2026-12-24T14:00:00.000Z\"}");
        assertThat(cleaner().get("allowedFromDate"), is("2026-12-24T14:00:00.000Z"));
        send("POST", entry, "{\"name\":\"Cleaner\",\"enabled\":false}");
        assertThat(cleaner().keySet(), not(hasItem("allowedFromDate")));
    }

    @Test
    void testASmartLockTheTokenMayNotSeeIsForbidden() throws Exception {
        long other = 0x4_0C0FFEE0L;
        assertThat(send("GET", "/smartlock/" + other + "/auth", "").statusCode(), is(403));
        assertThat(send("GET", "/smartlock/" + other + "/log", "").statusCode(), is(403));
        assertThat(
                send("PUT", "/smartlock/" + other + "/auth",
                        "{\"type\":13,\"name\":\"Guest\",\"code\":234567,\"remoteAllowed\":false}").statusCode(),
                is(403));
        assertThat(send("DELETE", "/smartlock/" + other + "/auth/" + CLEANER, "").statusCode(), is(403));
    }

    @Test
    void testTheLogsQueryIsReadInAnyOrder() throws Exception {
        for (int i = 0; i < 4; i++) {
            cloud.logNow(LOCK, i % 2 == 0 ? "Cleaner" : "Tom's phone", i % 2 == 0 ? 1 : 2, i % 2 == 0 ? 255 : 5,
                    i % 2 == 0 ? 1 : 0);
        }
        String path = "/smartlock/" + LOCK_WEB_ID + "/log";
        assertThat(list(path + "?limit=2"), hasSize(2));
        assertThat(list(path + "?action=1&limit=1"), hasSize(1));
        assertThat(list(path + "?limit=1&action=1"), hasSize(1));
        assertThat(list(path + "?limit=1&action=1").get(0).get("name"), is("Cleaner"));
        String newest = String.valueOf(list(path + "?limit=1").get(0).get("id"));
        assertThat(list(path + "?id=" + newest + "&limit=50"), hasSize(3));
        assertThat(list(path + "?limit=50&id=" + newest), hasSize(3));
        assertThat(list(path), hasSize(4));
    }

    // ------------------------------------------------------------------ the Nuki id rule

    @Test
    void testTheSmartlockIdFollowsTheFactSheetsWorkedExamples() {
        // nuki-web-api.md, section 4: Nuki ID 1A2B3C4D (439 041 101)
        NukiWebSimulator examples = new NukiWebSimulator(TOKEN);
        assertThat(examples.addDevice(0x1A2B3C4DL, 4, "Smart Lock 4.0").smartlockId(), is(17_618_910_285L));
        assertThat(examples.addDevice(0x1A2B3C4DL, 2, "Opener").smartlockId(), is(9_028_975_693L));
        assertThat(examples.addDevice(0x1A2B3C4DL, 0, "Smart Lock 2.0").smartlockId(), is(439_041_101L));
        // real ids seen in the wild
        assertThat(examples.addDevice(0x3B8BD1F4L, 4, "seen").smartlockId(), is(18_178_888_180L));
        assertThat(examples.addDevice(0x42B03074L, 4, "seen").smartlockId(), is(18_298_712_180L));
        // a Nuki id with a leading zero keeps it (the string concatenation pitfall)
        assertThat(Long.toHexString(examples.addDevice(0x0C0FFEEL, 4, "small").smartlockId()), is("400c0ffee"));
        examples.close();
    }
}
