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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.SimulatorProcess;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * {@code ./simulator --hub} as a process with its standard input closed: it starts its broker, the hub says it is
 * online and publishes its lock's and opener's retained state there, answers an action with {@code ack} and performs
 * it, the banner's {@code .things} block names that broker, base topic and devices, and SIGTERM stops it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorHubProcessTest {

    private static final Pattern BRIDGE = Pattern
            .compile("Bridge nuki:hub:esp \"[^\"]*\" \\[ host=\"([^\"]+)\", port=(\\d+), baseTopic=\"nukihub\" \\]");

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
    void testTheSimulatedHubServesOnItsBrokerUntilSigterm() throws Exception {
        SimulatorProcess simulator = new SimulatorProcess("--hub", "--port", "0", "--fast", "--window", "0");
        process = simulator;
        Process started = simulator.process;
        BufferedReader output = simulator.output;
        String host = null;
        int port = 0;
        boolean lock = false;
        boolean opener = false;
        boolean serving = false;
        StringBuilder printed = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            printed.append(line).append('\n');
            Matcher bridge = BRIDGE.matcher(line);
            if (bridge.find()) {
                host = bridge.group(1);
                port = Integer.parseInt(bridge.group(2));
            }
            lock |= line.contains("Thing smartlock front \"Front door\" [ nukiId=\"2A3B4C5D\", unlatchAllowed=false ]");
            opener |= line.contains("Thing opener intercom \"Intercom\" [ nukiId=\"3B4C5D6E\" ]");
            if (line.contains("serving until stopped")) {
                serving = true;
                break;
            }
        }
        assertThat("the banner names the broker; it printed:\n" + printed, host, is(notNullValue()));
        assertThat("the banner names the lock", lock, is(true));
        assertThat("the banner names the opener", opener, is(true));
        assertThat(serving, is(true));

        Map<String, String> seen = new ConcurrentHashMap<>();
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("hub-process-test")
                .serverHost(Objects.requireNonNull(host)).serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, message -> seen.put(message.getTopic().toString(),
                new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter("nukihub/#").qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        Await.until("retained state", () -> "online".equals(seen.get("nukihub/maintenance/mqttConnectionState"))
                && "locked".equals(seen.get("nukihub/lock/state")) && "locked".equals(seen.get("nukihub/opener/state"))
                && String.valueOf(seen.get("nukihub/lock/configuration/basicJson")).contains("\"2a3b4c5d\""));
        client.publishWith().topic("nukihub/lock/action").payload("unlock".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        Await.until("acknowledged and unlocked", () -> "ack".equals(seen.get("nukihub/lock/action"))
                && "unlocked".equals(seen.get("nukihub/lock/state")));
        client.disconnect().get(10, TimeUnit.SECONDS);

        started.destroy(); // SIGTERM
        assertThat("stopped by SIGTERM", started.waitFor(20, TimeUnit.SECONDS), is(true));
        assertThat(List.of(0, 143), hasItem(started.exitValue()));
    }
}
