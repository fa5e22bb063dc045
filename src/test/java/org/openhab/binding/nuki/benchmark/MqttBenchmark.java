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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.SimulatedMqttLock;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * Bridge-less locks over a real broker on loopback (embedded Moquette), the binding on openHAB's MQTT transport:
 * <ol>
 * <li>a state the lock publishes to the lock-state channel update: p50 and p99 (target p99 under 20 ms);</li>
 * <li>K commands to K locks at once on one broker connection: lost and duplicated;</li>
 * <li>the steady state: broker messages per lock per hour while nothing happens, and how many the binding sent.</li>
 * </ol>
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class MqttBenchmark {

    private static final int WARMUP = 200;
    private static final int SAMPLES = 2000;
    private static final int LOCKS = 10;
    private static final Duration STEADY_WINDOW = Duration.ofSeconds(60);

    private MqttBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        latency(out);
        commands(out);
        steadyState(out);
    }

    private static SimulatedMqttLock lock(MqttHarness harness, long id) throws Exception {
        @SuppressWarnings("resource") // the with-methods return this same lock, which the caller closes
        SimulatedMqttLock lock = new SimulatedMqttLock(id, "Lock " + id, harness.broker.host(), harness.broker.port())
                .withRetainedQos(EmbeddedBroker.RETAINED_QOS).withStepDelay(Duration.ofMillis(20))
                .withLockNGoDelay(Duration.ofMillis(100));
        lock.connect().get(10, TimeUnit.SECONDS);
        return lock;
    }

    private static Device online(MqttHarness harness, String thingId, long nukiId) {
        Device device = harness.addSmartLock(thingId, Map.of("nukiId", String.valueOf(nukiId)));
        harness.initialize(device);
        Await.until(thingId + " online",
                () -> device.statusValue() == ThingStatus.ONLINE && device.state(CHANNEL_LOCK_STATE) != null);
        return device;
    }

    private static void latency(PrintStream out) throws Exception {
        try (MqttHarness harness = new MqttHarness()) {
            SimulatedMqttLock lock = lock(harness, 0x1A2B3C4DL);
            harness.initializeBridge();
            Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            Device device = online(harness, "front", 0x1A2B3C4DL);
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
                lock.turnByHand(unlock ? SimulatedMqttLock.STATE_UNLOCKED : SimulatedMqttLock.STATE_LOCKED);
                if (!latch.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no channel update for state " + expected.get());
                }
                if (i >= WARMUP) {
                    latencies[i - WARMUP] = System.nanoTime() - started;
                }
            }
            Arrays.sort(latencies);
            out.println("== MQTT: a state the lock publishes to the channel update, over a broker on loopback");
            out.printf(Locale.ROOT, "%d states: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)%n", SAMPLES,
                    latencies[SAMPLES / 2] / 1e6, latencies[(int) (SAMPLES * 0.99)] / 1e6,
                    latencies[SAMPLES - 1] / 1e6);
            lock.close();
        }
    }

    private static void commands(PrintStream out) throws Exception {
        try (MqttHarness harness = new MqttHarness()) {
            List<SimulatedMqttLock> locks = new ArrayList<>();
            for (int i = 0; i < LOCKS; i++) {
                locks.add(lock(harness, 0x10000000L + i));
            }
            harness.initializeBridge();
            Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            List<Device> devices = new ArrayList<>();
            for (int i = 0; i < LOCKS; i++) {
                devices.add(online(harness, "lock" + i, 0x10000000L + i));
            }
            long started = System.nanoTime();
            List<CompletableFuture<Boolean>> results = new ArrayList<>();
            for (Device device : devices) {
                NukiSmartLockActions actions = new NukiSmartLockActions();
                actions.setThingHandler(device.handler);
                results.add(CompletableFuture.supplyAsync(actions::unlock));
            }
            int performed = 0;
            for (CompletableFuture<Boolean> result : results) {
                performed += Boolean.TRUE.equals(result.get(60, TimeUnit.SECONDS)) ? 1 : 0;
            }
            long elapsed = System.nanoTime() - started;
            int lost = 0;
            int duplicated = 0;
            for (SimulatedMqttLock lock : locks) {
                int received = lock.actionsReceived().size();
                lost += received == 0 ? 1 : 0;
                duplicated += Math.max(0, received - 1);
            }
            out.println("== MQTT: one unlock to each of " + LOCKS + " locks at once, one broker connection");
            out.printf(Locale.ROOT, "%d of %d performed in %d ms; lost %d, duplicated %d%n", performed, LOCKS,
                    elapsed / 1_000_000, lost, duplicated);
            locks.forEach(SimulatedMqttLock::close);
        }
    }

    private static void steadyState(PrintStream out) throws Exception {
        try (MqttHarness harness = new MqttHarness()) {
            SimulatedMqttLock lock = lock(harness, 0x1A2B3C4DL);
            harness.initializeBridge();
            Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            online(harness, "front", 0x1A2B3C4DL);
            // a client that sees every message on the broker's nuki/# topics, as they pass
            AtomicInteger fromLock = new AtomicInteger();
            AtomicInteger toLock = new AtomicInteger();
            Mqtt3AsyncClient observer = MqttClient.builder().useMqttVersion3().identifier("observer")
                    .serverHost(harness.broker.host()).serverPort(harness.broker.port()).buildAsync();
            observer.publishes(MqttGlobalPublishFilter.SUBSCRIBED, message -> {
                if (message.isRetain()) {
                    return; // what the broker replays on subscribing is no new traffic
                }
                String topic = message.getTopic().toString();
                if (topic.endsWith("/lockAction") || topic.endsWith("/lock") || topic.endsWith("/unlock")) {
                    toLock.incrementAndGet();
                } else {
                    fromLock.incrementAndGet();
                }
            });
            observer.connect().get(10, TimeUnit.SECONDS);
            observer.subscribeWith().topicFilter("nuki/#").qos(MqttQos.AT_MOST_ONCE).send().get(10, TimeUnit.SECONDS);
            out.printf(Locale.ROOT, "== MQTT steady state: measuring %d s...%n", STEADY_WINDOW.toSeconds());
            // a measurement window, not a wait for work: nothing is supposed to happen meanwhile
            Thread.sleep(STEADY_WINDOW.toMillis());
            double perHour = 3600.0 / STEADY_WINDOW.toSeconds();
            out.printf(Locale.ROOT,
                    "broker messages per lock per hour: %.0f from the lock, %.0f from the binding (target: only "
                            + "what the lock publishes; the binding polls nothing)%n",
                    fromLock.get() * perHour, toLock.get() * perHour);
            observer.disconnect();
            lock.close();
        }
    }
}
