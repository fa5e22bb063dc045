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

import static org.mockito.Mockito.*;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackRegistry;
import org.openhab.binding.nuki.internal.handler.NukiSmartLockHandler;
import org.openhab.binding.nuki.internal.handler.UnlatchAllowedStore;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;

/**
 * The push path:
 * <ol>
 * <li>In-process ingest: from the callback registry's entry (right after the servlet read the body) to the last
 * {@code updateState} on the framework callback, on one thread: throughput and latency percentiles.</li>
 * <li>End to end over loopback: the simulator changes a lock's state and posts its callback, the binding's servlet on a
 * real HTTP server takes it, and the lock channel changes: latency percentiles.</li>
 * </ol>
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
final class CallbackBenchmark {

    private static final int WARMUP = 20_000;
    private static final int INGESTS = 100_000;
    private static final int ROUND_TRIPS = 500;

    private CallbackBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        ingest(out);
        endToEnd(out);
    }

    private static void ingest(PrintStream out) {
        NukiCallbackRegistry registry = new NukiCallbackRegistry();
        ThingUID uid = new ThingUID("nuki:smartlock:home:front");
        Thing thing = mock(Thing.class, withSettings().stubOnly());
        when(thing.getUID()).thenReturn(uid);
        when(thing.getConfiguration()).thenReturn(new Configuration(Map.of("nukiId", "1000")));
        AtomicReference<ThingStatusInfo> status = new AtomicReference<>();
        when(thing.getStatus()).thenAnswer(i -> status.get() == null ? ThingStatus.UNKNOWN : status.get().getStatus());
        AtomicLong updates = new AtomicLong();
        ThingHandlerCallback callback = countingCallback(updates, status);
        NukiSmartLockHandler handler = new NukiSmartLockHandler(thing, new UnlatchAllowedStore(null),
                new NukiAccounts(), Clock.systemUTC());
        handler.setCallback(callback);
        handler.initialize();
        ListEntryDto entry = new ListEntryDto();
        entry.nukiId = 1000L;
        entry.deviceType = 4;
        entry.name = "Front";
        handler.onBridgeEntry(entry, System.nanoTime());
        registry.register("home", "secret", null, handler::onCallbackState, Runnable::run);

        byte[][] bodies = new byte[2][];
        for (int i = 0; i < 2; i++) {
            bodies[i] = ("{\"nukiId\":1000,\"deviceType\":4,\"mode\":2,\"state\":" + (i == 0 ? 1 : 3)
                    + ",\"stateName\":\"x\",\"batteryCritical\":false,\"batteryCharging\":false,"
                    + "\"batteryChargeState\":77,\"keypadBatteryCritical\":false,\"doorsensorState\":2,"
                    + "\"doorsensorStateName\":\"door closed\"}").getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < WARMUP; i++) {
            registry.dispatch("POST", "/home/secret", "127.0.0.1", bodies[i % 2]);
        }
        long[] latencies = new long[INGESTS];
        long before = updates.get();
        long started = System.nanoTime();
        for (int i = 0; i < INGESTS; i++) {
            long t0 = System.nanoTime();
            int code = registry.dispatch("POST", "/home/secret", "127.0.0.1", bodies[i % 2]);
            // the thing handles the state on its lane: measured until it did
            handler.settled().join();
            latencies[i] = System.nanoTime() - t0;
            if (code != 200) {
                throw new IllegalStateException("status " + code);
            }
        }
        long elapsed = System.nanoTime() - started;
        Arrays.sort(latencies);
        out.println("== Callback ingest, in process, one thread (registry entry to the last updateState, through the "
                + "thing's lane)");
        out.printf(Locale.ROOT,
                "%d callbacks in %d ms: %.0f callbacks/s; latency p50 %.1f us, p99 %.1f us, max %.1f us "
                        + "(target p99 < 1000 us, >= 10000/s); %d channel updates%n",
                INGESTS, elapsed / 1_000_000, INGESTS / (elapsed / 1e9), latencies[INGESTS / 2] / 1e3,
                latencies[(int) (INGESTS * 0.99)] / 1e3, latencies[INGESTS - 1] / 1e3, updates.get() - before);
        handler.dispose();
    }

    /**
     * A framework callback that only counts, so the benchmark measures the binding, not a mock library. A dynamic proxy
     * rather than a class: it answers every method the real openHAB interface declares, whichever version it is.
     */
    private static ThingHandlerCallback countingCallback(AtomicLong updates, AtomicReference<ThingStatusInfo> status) {
        InvocationHandler answer = (proxy, method, args) -> {
            switch (method.getName()) {
                case "stateUpdated" -> updates.incrementAndGet();
                case "statusUpdated" -> {
                    if (args != null && args[1] instanceof ThingStatusInfo info) {
                        status.set(info);
                    }
                }
                case "isChannelLinked" -> {
                    return true;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0]; // NOPMD: a proxy is equal to itself only
                }
                case "toString" -> {
                    return "CountingCallback";
                }
                default -> {
                    // nothing else matters to the benchmark
                }
            }
            return null;
        };
        return (ThingHandlerCallback) Proxy.newProxyInstance(ThingHandlerCallback.class.getClassLoader(),
                new Class<?>[] { ThingHandlerCallback.class }, answer);
    }

    private static void endToEnd(PrintStream out) throws Exception {
        long lockId = 0x1A2B3C4DL;
        NukiBridgeSimulator simulator = new NukiBridgeSimulator("e2e-token");
        simulator.addDevice(SimulatedDevice.smartLock(lockId, 4, "Front").withDoorSensor());
        try (HandlerHarness harness = new HandlerHarness(simulator, Clock.systemUTC(), null)) {
            harness.initializeBridge();
            Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            Device lock = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(lockId)));
            harness.initialize(lock);
            String url = harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/home/"
                    + CallbackSecret.derive("e2e-token", HandlerHarness.BRIDGE_UID.getAsString());
            Await.until("callback registered", () -> simulator.callbackUrls().contains(url));
            Await.until("lock online", () -> lock.state(NukiBindingConstants.CHANNEL_LOCK) != null);
            long[] latencies = new long[ROUND_TRIPS];
            for (int i = 0; i < ROUND_TRIPS + 50; i++) {
                boolean lockIt = i % 2 == 1;
                OnOffType expected = lockIt ? OnOffType.ON : OnOffType.OFF;
                long t0 = System.nanoTime();
                simulator.changeState(lockId, lockIt ? 1 : 3);
                while (!expected.equals(lock.state(NukiBindingConstants.CHANNEL_LOCK))) {
                    Thread.onSpinWait();
                    if (System.nanoTime() - t0 > 10_000_000_000L) {
                        throw new IllegalStateException("no callback arrived within 10 s");
                    }
                }
                if (i >= 50) {
                    latencies[i - 50] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(latencies);
            out.println("== Callback end to end over loopback (simulator state change, HTTP POST, servlet, channel)");
            out.printf(Locale.ROOT, "%d round trips: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)%n",
                    ROUND_TRIPS, latencies[ROUND_TRIPS / 2] / 1e6, latencies[(int) (ROUND_TRIPS * 0.99)] / 1e6,
                    latencies[ROUND_TRIPS - 1] / 1e6);
        }
    }
}
