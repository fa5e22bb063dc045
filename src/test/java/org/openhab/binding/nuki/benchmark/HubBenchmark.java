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
package org.openhab.binding.nuki.benchmark;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.simulator.SimulatedNukiHub;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.HubHarness;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * A simulated Nuki Hub over a real broker on loopback (embedded Moquette), the binding on openHAB's MQTT transport:
 * <ol>
 * <li>a state the hub publishes to the lock-state channel update: p50 and p99 (target p99 under 20 ms);</li>
 * <li>the steady state: broker messages per device per hour while nothing happens, from the hub and from the
 * binding.</li>
 * </ol>
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class HubBenchmark {

    private static final int WARMUP = 200;
    private static final int SAMPLES = 2000;
    private static final long LOCK = 0x2A3B4C5DL;
    private static final long OPENER = 0x3B4C5D6EL;
    private static final Duration STEADY_WINDOW = Duration.ofSeconds(30);

    private HubBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        try (HubHarness harness = new HubHarness(Duration.ofMillis(100))) {
            @SuppressWarnings("resource") // the with-methods return this same hub, which the end of the run closes
            SimulatedNukiHub hub = new SimulatedNukiHub("nukihub", LOCK, OPENER, harness.broker.host(),
                    harness.broker.port()).withStepDelay(Duration.ofMillis(20)).withReconnectWindow(Duration.ZERO);
            hub.connect().get(10, TimeUnit.SECONDS);
            harness.initializeBridge();
            Await.until("hub thing online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            Device lock = online(harness.addSmartLock("front", Map.of("nukiId", Long.toHexString(LOCK))), harness);
            online(harness.addOpener("intercom", Map.of("nukiId", Long.toHexString(OPENER))), harness);
            latency(out, hub, lock);
            steadyState(out, harness);
            hub.close();
        }
    }

    private static Device online(Device device, HubHarness harness) {
        harness.initialize(device);
        Await.until(device.thing.getUID() + " online", () -> device.statusValue() == ThingStatus.ONLINE);
        return device;
    }

    private static void latency(PrintStream out, SimulatedNukiHub hub, Device device) throws InterruptedException {
        AtomicReference<@Nullable CountDownLatch> waiting = new AtomicReference<>();
        AtomicReference<String> expected = new AtomicReference<>("");
        device.stateHook = (channel, state) -> {
            CountDownLatch latch = waiting.get();
            if (latch != null && CHANNEL_LOCK_STATE.equals(channel) && expected.get().equals(state.toString())) {
                latch.countDown();
            }
        };
        long[] latencies = new long[SAMPLES];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            boolean unlock = i % 2 == 0;
            CountDownLatch latch = new CountDownLatch(1);
            expected.set(new StringType(unlock ? "UNLOCKED" : "LOCKED").toString());
            waiting.set(latch);
            long started = System.nanoTime();
            hub.turnLockByHand(unlock ? "unlocked" : "locked");
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no channel update for state " + expected.get());
            }
            if (i >= WARMUP) {
                latencies[i - WARMUP] = System.nanoTime() - started;
            }
        }
        device.stateHook = null;
        Arrays.sort(latencies);
        out.println("== Nuki Hub: a state the hub publishes to the channel update, over a broker on loopback");
        out.printf(Locale.ROOT, "%d states: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)%n", SAMPLES,
                latencies[SAMPLES / 2] / 1e6, latencies[(int) (SAMPLES * 0.99)] / 1e6, latencies[SAMPLES - 1] / 1e6);
    }

    private static void steadyState(PrintStream out, HubHarness harness) throws Exception {
        // a client that sees every message under the hub's base topic, as they pass
        AtomicInteger fromHub = new AtomicInteger();
        AtomicInteger fromBinding = new AtomicInteger();
        Mqtt3AsyncClient observer = MqttClient.builder().useMqttVersion3().identifier("hub-observer")
                .serverHost(harness.broker.host()).serverPort(harness.broker.port()).buildAsync();
        observer.publishes(MqttGlobalPublishFilter.SUBSCRIBED, message -> {
            if (message.isRetain()) {
                return; // what the broker replays on subscribing is no new traffic
            }
            String topic = message.getTopic().toString();
            String payload = new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8);
            boolean command = (topic.endsWith("/action") && !"ack".equals(payload)) || topic.endsWith("/actionJson");
            (command ? fromBinding : fromHub).incrementAndGet();
        });
        observer.connect().get(10, TimeUnit.SECONDS);
        observer.subscribeWith().topicFilter("nukihub/#").qos(MqttQos.AT_MOST_ONCE).send().get(10, TimeUnit.SECONDS);
        out.printf(Locale.ROOT, "== Nuki Hub steady state (a lock and an opener): measuring %d s...%n",
                STEADY_WINDOW.toSeconds());
        // a measurement window, not a wait for work: nothing is supposed to happen meanwhile
        Thread.sleep(STEADY_WINDOW.toMillis());
        double perDevicePerHour = 3600.0 / STEADY_WINDOW.toSeconds() / 2;
        out.printf(Locale.ROOT,
                "broker messages per device per hour: %.0f from the hub, %.0f from the binding (target: only what "
                        + "the hub publishes; the binding polls nothing)%n",
                fromHub.get() * perDevicePerHour, fromBinding.get() * perDevicePerHour);
        observer.disconnect();
    }
}
