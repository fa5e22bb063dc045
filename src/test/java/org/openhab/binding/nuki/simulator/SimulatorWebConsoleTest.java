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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The console of {@code ./simulator --web}: moves by a named authorization grow the log, listings show no code, and
 * the faults switch on and off.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorWebConsoleTest {

    @Test
    void testMovesGrowTheLogAndListingsShowNoCode() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (WebSimulatorMain web = Objects.requireNonNull(
                WebSimulatorMain.start(List.of("--web", "--port", "0", "--fast", "--token", "console-token"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))) {
            assertThat(printed.toString(StandardCharsets.UTF_8), containsString("apiToken=\"console-token\""));
            assertThat(web.execute(new String[] { "move", "1A2B3C4D", "cleaner", "1" }),
                    is("logged: Cleaner did action 1 on Front door"));
            assertThat(web.execute(new String[] { "move", "1A2B3C4D", "anna", "2", "fp" }), containsString("Anna"));
            String list = web.execute(new String[] { "list" });
            assertThat(list, allOf(containsString("Cleaner"), containsString("Tom's phone"),
                    not(containsString("345678")), not(containsString("456789"))));
            assertThat(web.execute(new String[] { "token", "refuse" }), containsString("401"));
            assertThat(web.execute(new String[] { "scope", "smartlock.log" }), containsString("lacks smartlock.log"));
            assertThrows(IllegalArgumentException.class,
                    () -> web.execute(new String[] { "move", "1A2B3C4D", "nobody", "1" }));
            assertThrows(IllegalArgumentException.class, () -> web.execute(new String[] { "bogus" }));
        }
    }

    @Test
    void testAViolationOfTheApiDescriptionIsToldOnTheConsole() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (WebSimulatorMain web = Objects.requireNonNull(
                WebSimulatorMain.start(List.of("--web", "--port", "0", "--fast", "--token", "console-token"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))) {
            assertThat(web.execute(new String[] { "violations" }), startsWith("none"));
            java.util.regex.Matcher base = java.util.regex.Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(printed.toString(StandardCharsets.UTF_8));
            assertThat(base.find(), is(true));
            // a create without remoteAllowed, which the API requires
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(base.group(1) + "/smartlock/17618910285/auth"))
                            .header("Authorization", "Bearer console-token").header("Content-Type", "application/json")
                            .PUT(java.net.http.HttpRequest.BodyPublishers
                                    .ofString("{\"type\":13,\"name\":\"Guest\",\"code\":234567}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode(), is(400));
            assertThat(printed.toString(StandardCharsets.UTF_8),
                    containsString("VIOLATION of Nuki's API description: PUT /smartlock/17618910285/auth"));
            assertThat(web.execute(new String[] { "violations" }), containsString("remoteAllowed"));
        }
    }
}
