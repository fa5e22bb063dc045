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
import java.time.Duration;
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
import org.openhab.binding.nuki.test.BareMqttSubscriber;
import org.openhab.binding.nuki.test.SimulatorProcess;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * {@code ./simulator --mqtt} as a process with its standard input closed: it starts its broker, the lock publishes
 * its retained state there and answers a command, a client without a client id (as {@code mosquitto_sub} connects) gets
 * that state, the banner's {@code .things} block names that broker and lock, and SIGTERM stops it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorMqttProcessTest {

    private static final Pattern BRIDGE = Pattern
            .compile("Bridge nuki:mqtt:home \"[^\"]*\" \\[ host=\"([^\"]+)\", port=(\\d+) \\]");

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
    void testTheBridgelessLockServesOnItsBrokerUntilSigterm() throws Exception {
        SimulatorProcess simulator = new SimulatorProcess("--mqtt", "--port", "0", "--fast");
        process = simulator;
        Process started = simulator.process;
        BufferedReader output = simulator.output;
        String host = null;
        int port = 0;
        boolean thing = false;
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
            thing |= line.contains("Thing smartlock front \"Front door\" [ nukiId=\"1A2B3C4D\" ]");
            if (line.contains("serving until stopped")) {
                serving = true;
                break;
            }
        }
        assertThat("the banner names the broker; it printed:\n" + printed, host, is(notNullValue()));
        assertThat("the banner names the lock", thing, is(true));
        assertThat(serving, is(true));

        Map<String, String> seen = new ConcurrentHashMap<>();
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("process-test")
                .serverHost(Objects.requireNonNull(host)).serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, message -> seen.put(message.getTopic().toString(),
                new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter("nuki/1A2B3C4D/#").qos(MqttQos.AT_LEAST_ONCE).send().get(10,
                TimeUnit.SECONDS);
        Await.until("retained state", () -> "1".equals(seen.get("nuki/1A2B3C4D/state"))
                && "true".equals(seen.get("nuki/1A2B3C4D/connected")));
        client.publishWith().topic("nuki/1A2B3C4D/lockAction").payload("1".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.EXACTLY_ONCE).send().get(10, TimeUnit.SECONDS);
        Await.until("answered and unlocked", () -> "0".equals(seen.get("nuki/1A2B3C4D/commandResponse"))
                && "3".equals(seen.get("nuki/1A2B3C4D/state")));
        client.disconnect().get(10, TimeUnit.SECONDS);

        // a user looks at the lock as with `mosquitto_sub -t 'nuki/#' -v`: no client id, clean session
        try (BareMqttSubscriber tool = new BareMqttSubscriber(host, port, "nuki/#")) {
            Map<String, String> retained = tool.readUntil(Duration.ofSeconds(10), "nuki/1A2B3C4D/state",
                    "nuki/1A2B3C4D/connected");
            assertThat("retained state for a client without an id: " + retained, retained.get("nuki/1A2B3C4D/state"),
                    is("3"));
            assertThat(retained.get("nuki/1A2B3C4D/connected"), is("true"));
        }

        started.destroy(); // SIGTERM
        assertThat("stopped by SIGTERM", started.waitFor(20, TimeUnit.SECONDS), is(true));
        assertThat(List.of(0, 143), hasItem(started.exitValue()));
    }
}
