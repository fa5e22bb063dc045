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

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.nuki.test.SimulatorProcess;

/**
 * {@code ./simulator --web} as a process with its standard input closed: the banner's {@code .things} block names the
 * token and the address, the Web API answers there with the other simulators' devices (same Nuki ids), refuses
 * another token, and SIGTERM stops it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorWebProcessTest {

    private static final Pattern ACCOUNT = Pattern.compile(
            "Thing nuki:account:cloud \"[^\"]*\" \\[ apiToken=\"([^\"]+)\", webApiUrl=\"(http://127\\.0\\.0\\.1:\\d+)\" \\]");

    private @Nullable SimulatorProcess process;

    @AfterEach
    void stop() {
        SimulatorProcess current = process;
        if (current != null) {
            current.close();
        }
    }

    /** What the simulator printed up to the line that says it serves without a console. */
    private static String banner(BufferedReader output) throws java.io.IOException {
        StringBuilder printed = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            printed.append(line).append('\n');
            if (line.contains("serving until stopped")) {
                break;
            }
        }
        return printed.toString();
    }

    @Test
    @Timeout(90)
    void testTheWebApiServesTheSimulatorsDevicesUntilSigterm() throws Exception {
        SimulatorProcess simulator = new SimulatorProcess("--web", "--port", "0", "--fast");
        process = simulator;
        String printed = banner(simulator.output);
        Matcher account = ACCOUNT.matcher(printed);
        String token = account.find() ? account.group(1) : null;
        String url = token != null ? account.group(2) : null;
        boolean serving = printed.contains("serving until stopped");
        assertThat("the banner names the account; it printed:\n" + printed, url, is(notNullValue()));
        assertThat(printed, allOf(containsString("1A2B3C4D"), containsString("2B3C4D5E")));
        assertThat(serving, is(true));

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> devices = client.send(HttpRequest.newBuilder(URI.create(url + "/smartlock"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(devices.statusCode(), is(200));
        // the Web id is the type digit before the Nuki id
        assertThat(devices.body(), allOf(containsString(String.valueOf(0x41A2B3C4DL)),
                containsString(String.valueOf(0x22B3C4D5EL)), containsString("Front door")));
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(url + "/smartlock"))
                .header("Authorization", "Bearer not-the-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode(), is(401));

        Process started = simulator.process;
        started.destroy(); // SIGTERM
        assertThat("stopped by SIGTERM", started.waitFor(20, TimeUnit.SECONDS), is(true));
        assertThat(List.of(0, 143), hasItem(started.exitValue()));
    }

    private static final Pattern BRIDGE = Pattern
            .compile("Bridge nuki:bridge:home \"[^\"]*\" \\[ ip=\"([^\"]+)\", port=(\\d+), apiToken=\"([^\"]+)\"");

    @Test
    @Timeout(90)
    void testBesideTheBridgeTheLogGrowsWhenTheBridgeMovesALock() throws Exception {
        SimulatorProcess simulator = new SimulatorProcess("--with-web", "--port", "0", "--web-port", "0", "--fast",
                "--quiet");
        process = simulator;
        String printed = banner(simulator.output);
        Matcher account = ACCOUNT.matcher(printed);
        String token = account.find() ? account.group(1) : null;
        String url = token != null ? account.group(2) : null;
        Matcher bridgeLine = BRIDGE.matcher(printed);
        boolean bridgeNamed = bridgeLine.find();
        String bridge = bridgeNamed ? "http://" + bridgeLine.group(1) + ":" + bridgeLine.group(2) : null;
        String bridgeToken = bridgeNamed ? bridgeLine.group(3) : null;
        assertThat("the banner names bridge and account; it printed:\n" + printed, url, is(notNullValue()));
        assertThat(bridge, is(notNullValue()));

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> unlocked = client.send(HttpRequest
                .newBuilder(URI.create(
                        bridge + "/lockAction?nukiId=" + 0x1A2B3C4DL + "&deviceType=4&action=1&token=" + bridgeToken))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unlocked.body(), containsString("\"success\":true"));
        HttpResponse<String> log = client.send(
                HttpRequest.newBuilder(URI.create(url + "/smartlock/" + 0x41A2B3C4DL + "/log"))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(log.body(), allOf(containsString("Nuki Bridge"), containsString("\"action\":1")));
    }
}
