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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The simulator as a process, the way a user starts it in the background: with its standard input closed it keeps
 * serving, and SIGTERM stops it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ /]+)");

    private @Nullable SimulatorProcess process;

    @AfterEach
    void stop() {
        SimulatorProcess current = process;
        if (current != null) {
            current.close();
        }
    }

    @Test
    @Timeout(90)
    void testServesWithStandardInputClosedUntilSigterm() throws Exception {
        SimulatorProcess simulator = new SimulatorProcess("--port", "0", "--token", "process-token", "--software",
                "--fast", "--quiet");
        process = simulator;
        Process started = simulator.process;
        BufferedReader output = simulator.output;

        String baseUrl = null;
        boolean toldItServes = false;
        String line;
        // reading blocks until the process prints; the banner and the "no console" line come within its start-up
        while ((line = output.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                baseUrl = matcher.group(1);
            }
            if (line.contains("serving until stopped")) {
                toldItServes = true;
                break;
            }
        }
        assertThat("the simulator printed its address", baseUrl, is(notNullValue()));
        assertThat("the simulator said it keeps serving without a console", toldItServes, is(true));
        assertThat("still running after its standard input closed", started.isAlive(), is(true));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> info = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/info?token=process-token")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode(), is(200));
        assertThat(info.body(), containsString("bridgeType"));

        started.destroy(); // SIGTERM
        assertThat("stopped by SIGTERM", started.waitFor(20, TimeUnit.SECONDS), is(true));
        List<Integer> sigtermExit = List.of(0, 143);
        assertThat(sigtermExit, hasItem(started.exitValue()));
        try {
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/info?token=process-token"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the bridge address still answers after SIGTERM");
        } catch (IOException e) {
            // refused (or nothing there to answer): the simulator is gone
        }
    }
}
