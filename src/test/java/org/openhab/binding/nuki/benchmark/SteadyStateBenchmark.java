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

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.client.RequestTimings;
import org.openhab.binding.nuki.internal.bridge.NukiBridgeConfiguration;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.ClientFixture;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.thing.ThingStatus;

/**
 * What the whole binding costs a bridge while nothing happens: the bridge handler with a smart lock and an opener,
 * callbacks registered, against the simulator, every request counted. Time is compressed six-fold: the shortest
 * refresh interval (10 s) stands for the default 60 s, and the callback table's periodic check comes every 150 s
 * instead of 15 minutes. The window is 15 refresh intervals (15 minutes of real time), started just after a
 * reconciliation so that each interval's poll is counted once.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class SteadyStateBenchmark {

    private static final int SCALE = 60 / NukiBridgeConfiguration.MIN_REFRESH_INTERVAL;
    private static final Duration REFRESH = Duration.ofSeconds(NukiBridgeConfiguration.MIN_REFRESH_INTERVAL);
    private static final Duration CHECK_PERIOD = RequestTimings.CALLBACK_CHECK_PERIOD.dividedBy(SCALE);
    private static final int INTERVALS = 15;
    private static final int TARGET_PER_HOUR = 64;

    private SteadyStateBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        NukiBridgeSimulator simulator = new NukiBridgeSimulator("steady-token");
        simulator.addDevice(SimulatedDevice.smartLock(0x1A2B3C4DL, 4, "Front").withDoorSensor().withKeypad());
        simulator.addDevice(SimulatedDevice.opener(0x2B3C4D5EL, "Street"));
        try (HandlerHarness harness = new HandlerHarness(simulator, Clock.systemUTC(), null,
                ClientFixture.FAST.withCallbackCheckPeriod(CHECK_PERIOD))) {
            harness.bridgeConfiguration.put("refreshInterval", (int) REFRESH.toSeconds());
            harness.initializeBridge();
            Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            Device lock = harness.addSmartLock("front", Map.of("nukiId", "1A2B3C4D"));
            Device opener = harness.addOpener("street", Map.of("nukiId", "2B3C4D5E"));
            for (Device device : List.of(lock, opener)) {
                harness.initialize(device);
            }
            Await.until("devices online", () -> lock.statusValue() == ThingStatus.ONLINE
                    && opener.statusValue() == ThingStatus.ONLINE && !simulator.callbackUrls().isEmpty());

            // start just after a reconciliation: the window then holds exactly one poll per interval
            int lists = simulator.stats().requestCount("/list");
            Await.until("a reconciliation", () -> simulator.stats().requestCount("/list") > lists,
                    REFRESH.multipliedBy(2));
            Thread.sleep(1000);
            Map<String, Integer> before = new TreeMap<>(simulator.stats().requestCounts());
            out.printf(Locale.ROOT,
                    "== Steady state of the whole handler (2 devices, callbacks registered): measuring %d s...%n",
                    REFRESH.multipliedBy(INTERVALS).toSeconds());
            // a measurement window, not a wait for work: the handler runs on its own schedule meanwhile
            Thread.sleep(REFRESH.multipliedBy(INTERVALS).toMillis());
            Map<String, Integer> byEndpoint = new TreeMap<>();
            simulator.stats().requestCounts().forEach((endpoint, count) -> {
                int added = count - before.getOrDefault(endpoint, 0);
                if (added > 0) {
                    byEndpoint.put(endpoint, added);
                }
            });
            int total = byEndpoint.values().stream().mapToInt(Integer::intValue).sum();
            // the window stands for a quarter of an hour at refreshInterval 60 s
            int perHour = total * 4;
            out.printf(Locale.ROOT,
                    "%d requests in %d refresh intervals %s; at refreshInterval 60 s and a %d-minute check: %d "
                            + "requests per bridge per hour (target <= %d), /lockState %d%n",
                    total, INTERVALS, byEndpoint, RequestTimings.CALLBACK_CHECK_PERIOD.toMinutes(), perHour,
                    TARGET_PER_HOUR, byEndpoint.getOrDefault("/lockState", 0));
            harness.dispose(lock);
            harness.dispose(opener);
        }
    }
}
