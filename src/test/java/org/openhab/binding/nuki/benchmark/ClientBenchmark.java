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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.auth.RequestAuthenticator;
import org.openhab.binding.nuki.internal.api.client.JettyBridgeTransport;
import org.openhab.binding.nuki.internal.api.client.ListPoller;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.internal.api.client.RequestTimings;
import org.openhab.binding.nuki.internal.api.dto.ResultDto;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats;

/**
 * The client against the simulator, with the default production timings:
 * <ol>
 * <li>K lock actions on 3 devices given at once, while a second client (another app on the same bridge) sends its own
 * requests and makes ours meet 503s. The bridge serves one request at a time, so the serial minimum is the sum of
 * the action latencies; the figure is how close the total comes to it, and whether every command reached the bridge
 * exactly once.</li>
 * <li>The steady state: requests per hour the /list reconciliation sends for 1, 5 and 20 devices.</li>
 * </ol>
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class ClientBenchmark {

    private static final String TOKEN = "benchmark-token";
    private static final Duration ACTION_LATENCY = Duration.ofMillis(300);
    private static final int COMMANDS = 40;
    private static final Duration OTHER_APP_INTERVAL = Duration.ofMillis(1000);
    private static final Duration OTHER_APP_LATENCY = Duration.ofMillis(30);
    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(60);

    private ClientBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient();
        jetty.start();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
        try {
            concurrentCommands(out, jetty, scheduler);
            for (int devices : new int[] { 1, 5, 20 }) {
                steadyState(out, jetty, scheduler, devices);
            }
        } finally {
            scheduler.shutdownNow();
            jetty.stop();
        }
    }

    private static NukiBridgeClient client(org.eclipse.jetty.client.HttpClient jetty,
            ScheduledThreadPoolExecutor scheduler, NukiBridgeSimulator simulator) {
        return new NukiBridgeClient(new JettyBridgeTransport(jetty), scheduler, simulator.baseUri(),
                new RequestAuthenticator(AuthenticationMode.ENCRYPTED, TOKEN, Clock.systemUTC()), Clock.systemUTC(),
                RequestTimings.DEFAULT);
    }

    private static void concurrentCommands(PrintStream out, org.eclipse.jetty.client.HttpClient jetty,
            ScheduledThreadPoolExecutor scheduler) throws Exception {
        try (NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN)) {
            long[] locks = { 11, 12, 13 };
            for (long id : locks) {
                simulator.addDevice(SimulatedDevice.smartLock(id, 4, "Lock " + id));
            }
            simulator.setLatency("/lockAction", ACTION_LATENCY);
            simulator.setLatency("/info", OTHER_APP_LATENCY);
            simulator.start();
            NukiBridgeClient client = client(jetty, scheduler, simulator);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger otherServed = new AtomicInteger();
            AtomicInteger otherRefused = new AtomicInteger();
            Thread otherApp = new Thread(() -> otherApp(simulator.baseUri(), running, otherServed, otherRefused),
                    "other-app");
            otherApp.setDaemon(true);
            otherApp.start();

            long started = System.nanoTime();
            List<CompletableFuture<ResultDto>> futures = new ArrayList<>();
            AtomicInteger completions = new AtomicInteger();
            for (int i = 0; i < COMMANDS; i++) {
                CompletableFuture<ResultDto> future = client.lockAction(locks[i % 3], 4,
                        i % 2 == 0 ? LockAction.UNLOCK : LockAction.LOCK, false);
                future.whenComplete((result, error) -> completions.incrementAndGet());
                futures.add(future);
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(5,
                    TimeUnit.MINUTES);
            Duration total = Duration.ofNanos(System.nanoTime() - started);
            running.set(false);
            otherApp.join(5000);

            long failed = futures.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            List<SimulatorStats.LockActionRecord> received = simulator.stats().lockActions();
            int duplicated = Math.max(0, received.size() - COMMANDS);
            int outOfOrder = 0;
            for (int i = 0; i < Math.min(received.size(), COMMANDS); i++) {
                if (received.get(i).nukiId() != locks[i % 3]) {
                    outOfOrder++;
                }
            }
            Duration serialMinimum = ACTION_LATENCY.multipliedBy(COMMANDS);
            int ourRefusals = (int) simulator.stats().requestSequence().stream().filter("/lockAction 503"::equals)
                    .count();
            out.println("== Client: " + COMMANDS + " concurrent lock actions on 3 devices, " + ACTION_LATENCY.toMillis()
                    + " ms each, another app on the bridge every " + OTHER_APP_INTERVAL.toMillis() + " ms");
            out.printf(Locale.ROOT, "total %d ms, serial minimum %d ms, ratio %.3f (target <= 1.10)%n",
                    total.toMillis(), serialMinimum.toMillis(), (double) total.toNanos() / serialMinimum.toNanos());
            out.printf(Locale.ROOT,
                    "completed %d of %d (failed %d), lost %d, duplicated %d, out of order %d; our 503s %d, "
                            + "retries %d; other app served %d, refused %d%n",
                    completions.get(), COMMANDS, failed, COMMANDS - completions.get(), duplicated, outOfOrder,
                    ourRefusals, client.queue().retried(), otherServed.get(), otherRefused.get());
            client.close();
        }
    }

    /** Another app: a request every interval, retried at once while the bridge answers 503, as naive peers do. */
    private static void otherApp(URI base, AtomicBoolean running, AtomicInteger served, AtomicInteger refused) {
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(5);
        try {
            while (running.get()) {
                Thread.sleep(OTHER_APP_INTERVAL.toMillis() / 2 + random.nextInt((int) OTHER_APP_INTERVAL.toMillis()));
                while (running.get()) {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/info?token=" + TOKEN)).build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 503) {
                        refused.incrementAndGet();
                        Thread.sleep(5);
                    } else {
                        served.incrementAndGet();
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            // the bridge went away at the end of the run
        } finally {
            http.shutdownNow();
        }
    }

    private static void steadyState(PrintStream out, org.eclipse.jetty.client.HttpClient jetty,
            ScheduledThreadPoolExecutor scheduler, int devices) throws Exception {
        try (NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN)) {
            for (int i = 0; i < devices; i++) {
                simulator.addDevice(i % 4 == 3 ? SimulatedDevice.opener(1000 + i, "Opener " + i)
                        : SimulatedDevice.smartLock(1000 + i, 4, "Lock " + i).withDoorSensor());
            }
            simulator.start();
            NukiBridgeClient client = client(jetty, scheduler, simulator);
            AtomicInteger polls = new AtomicInteger();
            // compressed time: one poll every 20 ms stands for one every 60 s
            Duration compressed = Duration.ofMillis(20);
            ListPoller poller = new ListPoller(client, scheduler, list -> polls.incrementAndGet(), failure -> {
            });
            poller.start(compressed);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            poller.stop();
            org.openhab.binding.nuki.test.Await.until("the last poll answered", () -> client.queue().isIdle());
            Map<String, Integer> counts = new TreeMap<>(simulator.stats().requestCounts());
            int total = simulator.stats().totalRequests();
            double perPoll = (double) total / Math.max(1, polls.get());
            double perHour = perPoll * Duration.ofHours(1).toSeconds() / REFRESH_INTERVAL.toSeconds();
            out.printf(Locale.ROOT,
                    "== Steady state, %2d devices: %d polls sent %s; per hour at refreshInterval %d s: %.0f requests "
                            + "(%.1f per device), /lockState %d%n",
                    devices, polls.get(), counts, REFRESH_INTERVAL.toSeconds(), perHour, perHour / devices,
                    counts.getOrDefault("/lockState", 0));
            client.close();
        }
    }
}
