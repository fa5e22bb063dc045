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

import static org.openhab.binding.nuki.internal.NukiBindingConstants.CHANNEL_LAST_ACTION_USER;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.AccountFixture;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The Nuki Web account beside a simulated bridge: the cloud requests it makes at start-up and at rest (per device per
 * hour), per state change the bridge reports without saying who did it (target at most 1), and the time from the
 * bridge's push to the name on {@code last-action-user}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class AccountBenchmark {

    private static final Duration REST = Duration.ofSeconds(20);
    private static final int CHANGES = 20;
    private static final String[] WHO = { "Cleaner", "Anna", "Tom's phone" };

    private AccountBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        run(out, 0, CHANGES);
        // the shipped default waits 3 s for the cloud to have the entry before the one read
        run(out, 3, 3);
    }

    private static void run(PrintStream out, int logDelay, int changes) throws Exception {
        NukiBridgeSimulator simulator = new NukiBridgeSimulator("account-benchmark-token");
        simulator.addDevice(SimulatedDevice.smartLock(NukiWebSimulator.DEMO_LOCK, 4, "Front door").withKeypad());
        simulator.addDevice(SimulatedDevice.opener(NukiWebSimulator.DEMO_OPENER, "Intercom"));
        try (HandlerHarness harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
                AccountFixture account = new AccountFixture(harness.httpClient, harness.accounts, Clock.systemUTC())) {
            account.configuration.put("logDelay", logDelay);
            harness.initializeBridge();
            Await.until("bridge online",
                    () -> harness.bridgeStatusValue() == ThingStatus.ONLINE && !simulator.callbackUrls().isEmpty());
            Device lock = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(NukiWebSimulator.DEMO_LOCK)));
            Device opener = harness.addOpener("intercom",
                    Map.of("nukiId", String.valueOf(NukiWebSimulator.DEMO_OPENER)));
            harness.initialize(lock);
            harness.initialize(opener);
            Await.until("devices online",
                    () -> lock.statusValue() == ThingStatus.ONLINE && opener.statusValue() == ThingStatus.ONLINE);
            account.online();
            int startUp = account.cloud.totalRequests();
            out.printf(Locale.ROOT, "== Nuki Web account beside a bridge (2 devices, logDelay %d s)%n", logDelay);
            if (logDelay == 0) {
                out.printf(Locale.ROOT, "start-up: %d cloud request(s) %s%n", startUp, account.cloud.requestCounts());
                // a measurement window, not a wait for work: the account runs on its own schedule meanwhile
                Thread.sleep(REST.toMillis());
                int atRest = account.cloud.totalRequests() - startUp;
                out.printf(Locale.ROOT,
                        "at rest: %d request(s) in %d s = %.1f per device per hour (target 0; names for MQTT events "
                                + "refresh their authorization list at most every 15 minutes, and only on an event)%n",
                        atRest, REST.toSeconds(), atRest * 3600.0 / REST.toSeconds() / 2);
            }

            // when a name last reached the channel
            AtomicLong shownAt = new AtomicLong();
            lock.stateHook = (channel, state) -> {
                if (CHANNEL_LAST_ACTION_USER.equals(channel) && state instanceof StringType) {
                    shownAt.set(System.nanoTime());
                }
            };
            int logReadsBefore = account.cloud.requestCount("/smartlock/{id}/log");
            int before = account.cloud.totalRequests();
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String who = WHO[i % WHO.length];
                int state = i % 2 == 0 ? 3 : 1;
                account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, who, state == 3 ? 1 : 2,
                        who.contains("phone") ? 5 : 255, "Anna".equals(who) ? 2 : who.contains("phone") ? 0 : 1);
                long pushed = System.nanoTime();
                simulator.changeState(NukiWebSimulator.DEMO_LOCK, state);
                Await.until("name shown", () -> new StringType(who).equals(lock.state(CHANNEL_LAST_ACTION_USER)),
                        Duration.ofSeconds(30));
                latencies.add((shownAt.get() - pushed) / 1e6);
            }
            int logReads = account.cloud.requestCount("/smartlock/{id}/log") - logReadsBefore;
            int requests = account.cloud.totalRequests() - before;
            Collections.sort(latencies);
            out.printf(Locale.ROOT,
                    "%d state changes openHAB did not cause: %d log read(s), %d cloud request(s) = %.2f per change "
                            + "(target <= 1)%n",
                    changes, logReads, requests, requests / (double) changes);
            out.printf(Locale.ROOT, "bridge push -> name on last-action-user: median %.0f ms, max %.0f ms%n",
                    latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
            harness.dispose(lock);
            harness.dispose(opener);
        }
    }
}
