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
package org.openhab.binding.nuki.soak;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;
import org.openhab.binding.nuki.internal.api.client.RequestQueue;
import org.openhab.binding.nuki.internal.api.model.OpenerState;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;
import org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackRegistry;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats.LockActionRecord;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.PoolSlots;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.State;

/**
 * The soak: the binding's handlers (framework mocked) against the simulator for a chosen time, with a seeded random
 * mix of commands from channels, thing actions and the double-unlock gesture, and of faults (503 storms, slow
 * answers, dropped and delayed callbacks, reboots, the bridge going away or off the network, clock skew, garbage
 * callbacks, unreachable devices, unlatch-allowed and unlock-allowed toggled, the opener armed and disarmed). At the
 * end it checks what must hold (among it: no unlock while unlock-allowed was OFF, no arming of the opener while
 * unlatch-allowed was OFF) and reports the figures.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
public final class SoakRun {

    static final long PLAIN = 0x10000001L;
    static final long GESTURE = 0x10000002L;
    static final long GUARDED = 0x10000003L;
    static final long OPENER = 0x10000004L;
    private static final String TOKEN = "soak-token";
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** Longer than any timer of the binding: the refresh interval (10 s here), which also caps the recovery retry. */
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(12);
    /** How much more heap may be in use after the run than after the warm-up. */
    static final long HEAP_BOUND_BYTES = 16L << 20;

    /** What the soak found. {@link #problems} empty means everything held. */
    public record Report(List<String> problems, Map<String, String> figures) {
    }

    private final Duration duration;
    private final long seed;
    private final PrintStream out;
    private final Random random;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    /** A warm-up run only loads what the binding, the simulator and the harness need; it measures nothing. */
    private boolean warmUp;

    private final AtomicInteger actionCalls = new AtomicInteger();
    private final AtomicInteger actionTrue = new AtomicInteger();
    private final AtomicInteger actionFalse = new AtomicInteger();
    private final Map<Long, Integer> openingPermits = new LinkedHashMap<>();
    /** unlock-allowed of the plain lock: its permits are the unlocking commands it let through. */
    private @NonNullByDefault({}) GateSwitch plainUnlock;
    /** unlatch-allowed of the opener: its permits are the arming commands both opener switches let through. */
    private @NonNullByDefault({}) GateSwitch openerUnlatch;
    private @NonNullByDefault({}) GateSwitch openerUnlock;
    private int faults;
    private int commands;

    public SoakRun(Duration duration, long seed, PrintStream out) {
        this.duration = duration;
        this.seed = seed;
        this.out = out;
        this.random = new Random(seed);
    }

    public Report run() throws Exception {
        // the framework's shared pools exist before the binding runs, as in openHAB
        ThreadPoolManager.getScheduledPool("thingHandler");
        Set<String> threadsBefore = threadNames();
        // a few seconds of the same mix first, so that the heap before holds the classes and caches the run needs
        // and the bound catches what the run itself leaves behind
        SoakRun warmUpRun = new SoakRun(WARM_UP, seed, out);
        warmUpRun.warmUp = true;
        warmUpRun.soak();
        warmUpRun.problems.forEach(problem -> problems.add("warm-up: " + problem));
        long heapBefore = usedHeapAfterGc();
        soak();
        // the simulator, the mocked framework and the handlers are unreachable now
        try {
            Await.until("no threads left", () -> extraThreads(threadsBefore).isEmpty(), Duration.ofSeconds(20));
        } catch (AssertionError e) {
            problems.add("threads left after dispose: " + extraThreads(threadsBefore));
        }
        long heapAfter = usedHeapAfterGc();
        long growth = heapAfter - heapBefore;
        figures.put("heap after warm-up / after the run (MiB)",
                heapBefore / (1 << 20) + " / " + heapAfter / (1 << 20) + " (bound +" + (HEAP_BOUND_BYTES >> 20) + ")");
        if (growth > HEAP_BOUND_BYTES) {
            problems.add("heap grew by " + growth / (1 << 20) + " MiB");
        }
        String dumpTo = System.getProperty("soak.heapDump", "");
        if (!dumpTo.isBlank()) {
            // for finding what stays reachable: live objects only, as after the measurement above
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(dumpTo,
                    true);
            figures.put("heap dump", dumpTo);
        }
        figures.put("seed", String.valueOf(seed));
        return new Report(List.copyOf(problems), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures)));
    }

    /** Everything from the simulator's start to the bridge thing's disposal. */
    private void soak() throws Exception {
        NukiBridgeSimulator simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(SimulatedDevice.smartLock(PLAIN, 4, "Plain").withDoorSensor().withBatteryCharge());
        simulator.addDevice(SimulatedDevice.smartLock(GESTURE, 3, "Gesture").withKeypad());
        simulator.addDevice(SimulatedDevice.smartLock(GUARDED, 0, "Guarded"));
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Opener"));
        simulator.setDefaultLatency(Duration.ofMillis(5));
        simulator.setLatency("/lockAction", Duration.ofMillis(30));
        simulator.setActionStepDelay(Duration.ofMillis(20));
        simulator.setLockNGoDelay(Duration.ofMillis(150));
        simulator.setCallbackPostTimeout(Duration.ofSeconds(2));

        HandlerHarness harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        harness.bridgeConfiguration.put("refreshInterval", 10);
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE, Duration.ofSeconds(30));
        Device plain = harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN)));
        Device gesture = harness.addSmartLock("gesture",
                Map.of("nukiId", String.valueOf(GESTURE), "secondUnlockUnlatches", 2));
        Device guarded = harness.addSmartLock("guarded",
                Map.of("nukiId", String.valueOf(GUARDED), "unlatch", true, "unlatchAllowed", false));
        Device opener = harness.addOpener("opener", Map.of("nukiId", String.valueOf(OPENER)));
        List<Device> devices = List.of(plain, gesture, guarded, opener);
        for (Device device : devices) {
            harness.initialize(device);
        }
        Await.until("devices online", () -> devices.stream().allMatch(d -> d.statusValue() == ThingStatus.ONLINE),
                Duration.ofSeconds(30));
        plainUnlock = GateSwitch.unlockAllowed(plain);
        openerUnlatch = GateSwitch.unlatchAllowed(opener);
        openerUnlock = GateSwitch.unlockAllowed(opener);
        String callbackUrl = harness.servletBaseUrl() + NukiCallbackRegistry.PATH + "/home/"
                + CallbackSecret.derive(TOKEN, HandlerHarness.BRIDGE_UID.getAsString());
        Await.until("callback registered", () -> simulator.callbackUrls().contains(callbackUrl),
                Duration.ofSeconds(30));

        ExecutorService ruleThreads = Executors.newFixedThreadPool(2);
        HttpClient garbage = HttpClient.newHttpClient();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        long bridgeBackAt = 0;
        long skewEndsAt = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (bridgeBackAt != 0 && now > bridgeBackAt) {
                simulator.up();
                bridgeBackAt = 0;
            }
            if (skewEndsAt != 0 && now > skewEndsAt) {
                simulator.setClockSkew(Duration.ZERO);
                skewEndsAt = 0;
            }
            if (random.nextInt(100) < 88) {
                command(random.nextInt(4), plain, gesture, guarded, opener, ruleThreads);
            } else {
                faults++;
                switch (random.nextInt(11)) {
                    case 0 -> simulator.busyForNextRequests(1 + random.nextInt(6));
                    case 1 -> simulator.setBusyProbability(random.nextBoolean() ? 0.3 : 0, random.nextLong());
                    case 2 -> simulator.setExtraLatency(Duration.ofMillis(random.nextBoolean() ? 150 : 0));
                    case 3 -> simulator.setDropCallbacks(random.nextInt(3) == 0);
                    case 4 -> simulator.setCallbackDelay(Duration.ofMillis(random.nextBoolean() ? 200 : 0));
                    case 5 -> simulator.reboot();
                    case 6 -> {
                        if (bridgeBackAt == 0) {
                            // away: refusing connections (switched off) or letting them hang (off the network)
                            if (random.nextBoolean()) {
                                simulator.down();
                            } else {
                                simulator.silent();
                            }
                            bridgeBackAt = now + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(700));
                        }
                    }
                    case 7 -> {
                        simulator.setClockSkew(Duration.ofMinutes(5));
                        skewEndsAt = now + TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(1000));
                    }
                    case 8 -> postGarbage(garbage, callbackUrl);
                    case 9 -> simulator.setDeviceUnreachable(List.of(PLAIN, GESTURE, OPENER).get(random.nextInt(3)),
                            random.nextInt(3) == 0);
                    default -> {
                        switch (random.nextInt(4)) {
                            case 0 -> gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLATCH_ALLOWED),
                                    OnOffType.from(random.nextBoolean()));
                            // OFF while the opener is armed disarms it
                            case 1 -> openerUnlatch.flip(random.nextBoolean());
                            case 2 -> openerUnlock.flip(random.nextBoolean());
                            default -> plainUnlock.flip(random.nextBoolean());
                        }
                    }
                }
            }
            Thread.sleep(10 + random.nextInt(60));
        }
        long chaosNanos = System.nanoTime() - started;

        // calm: every fault off, the bridge back
        simulator.up();
        simulator.setClockSkew(Duration.ZERO);
        simulator.busyForNextRequests(0);
        simulator.setBusyProbability(0, 0);
        simulator.setExtraLatency(Duration.ZERO);
        simulator.setDropCallbacks(false);
        simulator.setCallbackDelay(Duration.ZERO);
        for (long id : List.of(PLAIN, GESTURE, GUARDED, OPENER)) {
            simulator.setDeviceUnreachable(id, false);
        }
        ruleThreads.shutdown();
        ruleThreads.awaitTermination(3, TimeUnit.MINUTES);
        garbage.shutdownNow();

        checkExactlyOnce(devices);
        checkNoForbiddenUnlatch(simulator);
        checkNoForbiddenUnlockOrArming(simulator);
        checkConvergence(harness, simulator, plain, gesture, guarded, opener);
        if (!warmUp) {
            steadyState(harness, simulator, devices.size());
        }
        if (simulator.stats().requestCount("/lockState") != 0) {
            problems.add("/lockState was asked " + simulator.stats().requestCount("/lockState") + " times");
        }

        // tear down as openHAB does, then look for leftovers
        RequestQueue queue = Objects.requireNonNull(harness.bridgeHandler.client()).queue();
        for (Device device : devices) {
            harness.dispose(device);
        }
        harness.bridgeHandler.dispose();
        Await.until("our callback removed", () -> !simulator.callbackUrls().contains(callbackUrl),
                Duration.ofSeconds(20));
        // dispose's own work ends when the removal (list, remove, list again) is done and the queue closed
        Await.until("disposal done", () -> queue.isClosed() && queue.isIdle(), Duration.ofSeconds(20));
        if (!warmUp) {
            checkQuietAfterDispose(simulator, devices);
        }
        try {
            Await.until("no connections left", () -> openConnections(harness) == 0, Duration.ofSeconds(15));
        } catch (AssertionError e) {
            problems.add("HTTP connections left after dispose: " + openConnections(harness) + "\n"
                    + harness.httpClient.dump());
        }
        figures.put("bridge requests in all", String.valueOf(simulator.stats().totalRequests()));
        figures.put("answered 503", String.valueOf(simulator.stats().busyRejections()));
        figures.put("callbacks sent / failed / dropped", simulator.stats().callbacksSent() + " / "
                + simulator.stats().callbacksFailed() + " / " + simulator.stats().callbacksDropped());
        harness.close();
        figures.put("chaos duration", Duration.ofNanos(chaosNanos).toSeconds() + " s");
        figures.put("commands / faults", commands + " / " + faults);
        figures.put("thing actions returned true / false",
                actionTrue.get() + " / " + actionFalse.get() + " of " + actionCalls.get());
        for (Device device : devices) {
            figures.put("actions " + device.thing.getUID().getId(), device.handler.actionCounters().toString());
        }
    }

    /**
     * No timer of the binding outlives its disposal. openHAB's scheduler does not show its queue, so this watches what
     * a left timer would do: every timer the binding sets (the /list poll, the recovery retry, a 503 back-off) ends in
     * a request to the bridge or in a report to the framework. Absence can only be seen over a while, so this one check
     * waits a fixed quiet window, longer than the longest of those timers (the refresh interval).
     */
    private void checkQuietAfterDispose(NukiBridgeSimulator simulator, List<Device> devices)
            throws InterruptedException {
        Map<String, Integer> countsBefore = new TreeMap<>(simulator.stats().requestCounts());
        int requestsBefore = simulator.stats().totalRequests();
        int reportsBefore = devices.stream().mapToInt(device -> device.stateLog.size() + device.events.size()).sum();
        Thread.sleep(QUIET_WINDOW.toMillis());
        int requests = simulator.stats().totalRequests() - requestsBefore;
        int reports = devices.stream().mapToInt(device -> device.stateLog.size() + device.events.size()).sum()
                - reportsBefore;
        if (requests != 0 || reports != 0) {
            Map<String, Integer> byEndpoint = new TreeMap<>();
            simulator.stats().requestCounts().forEach((endpoint, count) -> {
                int added = count - countsBefore.getOrDefault(endpoint, 0);
                if (added > 0) {
                    byEndpoint.put(endpoint, added);
                }
            });
            problems.add("timers left after dispose: " + requests + " bridge requests " + byEndpoint + " and " + reports
                    + " channel reports in the " + QUIET_WINDOW.toSeconds() + " s after it");
        }
    }

    // ------------------------------------------------------------------ commands

    private void command(int which, Device plain, Device gesture, Device guarded, Device opener,
            ExecutorService ruleThreads) {
        commands++;
        switch (which) {
            case 0 -> {
                // the plain lock: only locking and unlocking (gated by its unlock-allowed), by channel and by rule
                switch (random.nextInt(5)) {
                    case 4 -> plainUnlock.flip(random.nextInt(3) != 0);
                    case 0 -> plain.handler.handleCommand(plain.channel(CHANNEL_LOCK), OnOffType.ON);
                    case 1 -> {
                        Runnable permit = GateSwitch.permitAfter(plainUnlock, null);
                        plain.handler.handleCommand(plain.channel(CHANNEL_LOCK), OnOffType.OFF);
                        permit.run();
                    }
                    case 2 -> {
                        Runnable permit = GateSwitch.permitAfter(plainUnlock, null);
                        plain.handler.handleCommand(plain.channel(CHANNEL_UNLOCK), OnOffType.ON);
                        permit.run();
                    }
                    default -> {
                        if (random.nextBoolean()) {
                            rule(ruleThreads, plain, "lock");
                        } else {
                            rule(ruleThreads, plain, "unlock", GateSwitch.permitAfter(plainUnlock, null));
                        }
                    }
                }
            }
            case 1 -> {
                // the gesture lock: unlocks (often twice in a row), unlatching, lock 'n' go
                boolean allowed = gesture.handler.isUnlatchAllowed();
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        gesture.handler.handleCommand(gesture.channel(CHANNEL_LOCK), OnOffType.OFF);
                        permit(GESTURE, allowed);
                        if (random.nextBoolean()) {
                            gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLOCK), OnOffType.ON);
                            permit(GESTURE, allowed);
                        }
                    }
                    case 2 -> gesture.handler.handleCommand(gesture.channel(CHANNEL_LOCK), OnOffType.ON);
                    case 3 -> {
                        gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLATCH), OnOffType.ON);
                        permit(GESTURE, allowed);
                    }
                    case 4 -> {
                        gesture.handler.handleCommand(gesture.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
                        permit(GESTURE, allowed);
                    }
                    default -> {
                        String action = List.of("unlatch", "lockNGoUnlatch", "unlock").get(random.nextInt(3));
                        permit(GESTURE, allowed);
                        rule(ruleThreads, gesture, action);
                    }
                }
            }
            case 2 -> {
                // the guarded lock: unlatching never allowed, every way of asking for it tried
                switch (random.nextInt(5)) {
                    case 0 -> guarded.handler.handleCommand(guarded.channel(CHANNEL_UNLATCH), OnOffType.ON);
                    case 1 -> guarded.handler.handleCommand(guarded.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
                    case 2 -> guarded.handler.handleCommand(guarded.channel(CHANNEL_LOCK), OnOffType.OFF);
                    case 3 -> guarded.handler.handleCommand(guarded.channel(CHANNEL_LOCK), OnOffType.ON);
                    default -> rule(ruleThreads, guarded, random.nextBoolean() ? "unlatch" : "lockNGoUnlatch");
                }
            }
            default -> {
                boolean allowed = opener.handler.isUnlatchAllowed();
                switch (random.nextInt(7)) {
                    // OFF while the opener is armed disarms it
                    case 5 -> openerUnlatch.flip(random.nextInt(3) != 0);
                    case 6 -> openerUnlock.flip(random.nextInt(3) != 0);
                    case 0 -> {
                        // OFF arms: ring to open on
                        boolean on = random.nextBoolean();
                        Runnable permit = on ? () -> {
                        } : GateSwitch.permitAfter(openerUnlatch, openerUnlock);
                        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.from(on));
                        permit.run();
                    }
                    case 1 -> {
                        boolean on = random.nextBoolean();
                        Runnable permit = on ? GateSwitch.permitAfter(openerUnlatch, openerUnlock) : () -> {
                        };
                        opener.handler.handleCommand(opener.channel(CHANNEL_CONTINUOUS_MODE), OnOffType.from(on));
                        permit.run();
                    }
                    case 2 -> {
                        Runnable gated = GateSwitch.permitAfter(openerUnlatch, openerUnlock);
                        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH), OnOffType.ON);
                        gated.run();
                        permit(OPENER, allowed);
                    }
                    case 3 -> {
                        permit(OPENER, allowed);
                        rule(ruleThreads, opener, "unlatch", GateSwitch.permitAfter(openerUnlatch, openerUnlock));
                    }
                    default -> {
                        if (random.nextBoolean()) {
                            rule(ruleThreads, opener, "lock");
                        } else {
                            rule(ruleThreads, opener, "unlock", GateSwitch.permitAfter(openerUnlatch, openerUnlock));
                        }
                    }
                }
            }
        }
    }

    /** Counts a command that may open the door, if unlatching was allowed when it was given. */
    private void permit(long nukiId, boolean allowed) {
        if (allowed) {
            openingPermits.merge(nukiId, 1, Integer::sum);
        }
    }

    /** A rule calling a thing action: it blocks until the bridge answered, on a rule thread. */
    private void rule(ExecutorService ruleThreads, Device device, String action) {
        rule(ruleThreads, device, action, () -> {
        });
    }

    /** The same; {@code afterwards} runs on the rule thread once the action returned. */
    private void rule(ExecutorService ruleThreads, Device device, String action, Runnable afterwards) {
        actionCalls.incrementAndGet();
        ruleThreads.execute(() -> {
            boolean result;
            if (device.handler instanceof org.openhab.binding.nuki.internal.handler.NukiOpenerHandler) {
                NukiOpenerActions actions = new NukiOpenerActions();
                actions.setThingHandler(device.handler);
                result = switch (action) {
                    case "lock" -> actions.lock();
                    case "unlock" -> actions.unlock();
                    default -> actions.unlatch();
                };
            } else {
                NukiSmartLockActions actions = new NukiSmartLockActions();
                actions.setThingHandler(device.handler);
                result = switch (action) {
                    case "lock" -> actions.lock();
                    case "unlock" -> actions.unlock();
                    case "lockNGoUnlatch" -> actions.lockNGo(true);
                    default -> actions.unlatch();
                };
            }
            afterwards.run();
            (result ? actionTrue : actionFalse).incrementAndGet();
        });
    }

    private void postGarbage(HttpClient http, String callbackUrl) {
        String[] bodies = { "{\"nukiId\": ", "not json at all", "[]", "{\"state\": 1}", "x".repeat(20_000) };
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(callbackUrl))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies[random.nextInt(bodies.length)])).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the servlet may close on an oversized body; that is an answer too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ checks

    private void checkExactlyOnce(List<Device> devices) {
        try {
            Await.until("every command ended",
                    () -> devices.stream().allMatch(d -> d.handler.actionCounters().pending() == 0),
                    Duration.ofMinutes(3));
        } catch (AssertionError e) {
            for (Device device : devices) {
                problems.add(device.thing.getUID().getId() + " has commands that never ended: "
                        + device.handler.actionCounters());
            }
        }
        if (actionTrue.get() + actionFalse.get() != actionCalls.get()) {
            problems.add("thing actions called " + actionCalls.get() + " times, answered "
                    + (actionTrue.get() + actionFalse.get()));
        }
    }

    private void checkNoForbiddenUnlatch(NukiBridgeSimulator simulator) {
        List<LockActionRecord> received = simulator.stats().lockActions();
        Map<Long, Long> openings = received.stream()
                .filter(r -> r.deviceType() == 2 ? r.action() == 3 : r.action() == 3 || r.action() == 5)
                .collect(Collectors.groupingBy(LockActionRecord::nukiId, Collectors.counting()));
        long plainOpenings = openings.getOrDefault(PLAIN, 0L);
        long guardedOpenings = openings.getOrDefault(GUARDED, 0L);
        if (plainOpenings != 0) {
            problems.add("the plain lock, which was only unlocked, unlatched " + plainOpenings + " times");
        }
        if (guardedOpenings != 0) {
            problems.add("the guarded lock (unlatch-allowed OFF) unlatched " + guardedOpenings + " times");
        }
        for (long id : List.of(GESTURE, OPENER)) {
            long opened = openings.getOrDefault(id, 0L);
            int permits = openingPermits.getOrDefault(id, 0);
            if (opened > permits) {
                problems.add(
                        String.format(Locale.ROOT,
                                "device %08X opened %d times, but only %d commands that "
                                        + "could open it were given while unlatching was allowed",
                                id, opened, permits));
            }
        }
        for (Map.Entry<Long, Long> entry : openings.entrySet()) {
            figures.put(String.format(Locale.ROOT, "door openings %08X", entry.getKey()),
                    entry.getValue() + " (permitted " + openingPermits.getOrDefault(entry.getKey(), 0) + ")");
        }
        figures.put("lock actions at the bridge", String.valueOf(received.size()));
    }

    /**
     * No unlock of the plain lock while its unlock-allowed was OFF, no arming of the opener (ring to open 1, continuous
     * mode 4, counted with its buzzing 3) while its unlatch-allowed (or unlock-allowed) was OFF: the device never
     * received more such actions than commands were given while the switches may have been ON, and every such command
     * given while a switch was OFF throughout was refused (the plain lock's and the opener's refusals come from these
     * commands only).
     */
    private void checkNoForbiddenUnlockOrArming(NukiBridgeSimulator simulator) {
        List<LockActionRecord> received = simulator.stats().lockActions();
        long unlocks = received.stream().filter(r -> r.nukiId() == PLAIN && r.action() != 2 && r.action() != 6).count();
        if (unlocks > plainUnlock.permits()) {
            problems.add("unlock while unlock-allowed was OFF: the plain lock was unlocked " + unlocks
                    + " times, but only " + plainUnlock.permits()
                    + " unlocking commands were given while unlock-allowed could be ON");
        }
        long armings = received.stream().filter(r -> r.nukiId() == OPENER && (r.action() == 1 || r.action() == 4))
                .count();
        long buzzes = received.stream().filter(r -> r.nukiId() == OPENER && r.action() == 3).count();
        if (armings + buzzes > openerUnlatch.permits()) {
            problems.add("arming while unlatch-allowed was OFF: the opener was armed " + armings + " and buzzed "
                    + buzzes + " times, but only " + openerUnlatch.permits()
                    + " arming or buzzing commands were given while unlatch-allowed and unlock-allowed could be ON");
        }
        plainUnlock.checkRefusals("the plain lock", problems, EVENT_UNLOCK_REFUSED);
        openerUnlatch.checkRefusals("the opener", problems, EVENT_UNLATCH_REFUSED, EVENT_UNLOCK_REFUSED);
        figures.put("unlocks of the plain lock (permitted, refused for sure; unlock-allowed flips)", unlocks + " ("
                + plainUnlock.permits() + ", " + plainUnlock.certainlyOff() + "; " + plainUnlock.flips() + ")");
        figures.put(
                "armings + buzzes of the opener (permitted, refused for sure; unlatch-allowed / unlock-allowed flips)",
                armings + " + " + buzzes + " (" + openerUnlatch.permits() + ", " + openerUnlatch.certainlyOff() + "; "
                        + openerUnlatch.flips() + " / " + openerUnlock.flips() + ")");
    }

    private void checkConvergence(HandlerHarness harness, NukiBridgeSimulator simulator, Device... devices) {
        try {
            Await.until("the devices at rest",
                    () -> simulator.devices().stream().allMatch(d -> d.isOpener() ? d.state() == 1 || d.state() == 3
                            : !SmartLockState.of(d.state()).isTransitional() && d.state() != 6 && d.state() != 5),
                    Duration.ofSeconds(30));
            Await.until("reconciled", () -> {
                harness.bridgeHandler.reconcileSoon();
                for (Device device : devices) {
                    SimulatedDevice truth = simulator.device(device.handler.nukiId());
                    State shown = device.state(truth.isOpener() ? CHANNEL_OPENER_STATE : CHANNEL_LOCK_STATE);
                    String expected = truth.isOpener() ? OpenerState.of(truth.state()).name()
                            : SmartLockState.of(truth.state()).name();
                    if (!new StringType(expected).equals(shown) || device.statusValue() != ThingStatus.ONLINE) {
                        return false;
                    }
                    if (!truth.isOpener() && !OnOffType.from(truth.state() == 1).equals(device.state(CHANNEL_LOCK))) {
                        return false;
                    }
                }
                return harness.bridgeStatusValue() == ThingStatus.ONLINE;
            }, Duration.ofSeconds(45));
        } catch (AssertionError e) {
            for (Device device : devices) {
                SimulatedDevice truth = simulator.device(device.handler.nukiId());
                problems.add(device.thing.getUID().getId() + " shows "
                        + device.state(truth.isOpener() ? CHANNEL_OPENER_STATE : CHANNEL_LOCK_STATE) + " ("
                        + device.statusValue() + ") but the device is in state " + truth.state());
            }
        }
    }

    private void steadyState(HandlerHarness harness, NukiBridgeSimulator simulator, int deviceCount)
            throws InterruptedException {
        Await.until("queue idle", () -> harness.bridgeHandler.client().queue().isIdle(), Duration.ofSeconds(30));
        int before = simulator.stats().totalRequests();
        Map<String, Integer> countsBefore = new TreeMap<>(simulator.stats().requestCounts());
        int lockStateBefore = simulator.stats().requestCount("/lockState");
        long window = 21_000;
        // a measurement window, not a wait for work: the reconciliation runs on its own schedule meanwhile
        Thread.sleep(window);
        int requests = simulator.stats().totalRequests() - before;
        double perHour = requests * 3_600_000.0 / window;
        double perReconciliation = requests / (window / 10_000.0);
        figures.put("steady state at refreshInterval 10 s",
                String.format(Locale.ROOT, "%d requests in %d s: %.0f per hour, %.0f per device per hour", requests,
                        window / 1000, perHour, perHour / deviceCount));
        Map<String, Integer> byEndpoint = new TreeMap<>();
        simulator.stats().requestCounts().forEach((endpoint, count) -> {
            int added = count - countsBefore.getOrDefault(endpoint, 0);
            if (added > 0) {
                byEndpoint.put(endpoint, added);
            }
        });
        figures.put("steady state requests by endpoint", byEndpoint.toString());
        figures.put("steady state extrapolated to refreshInterval 60 s",
                String.format(Locale.ROOT, "%.0f requests per hour, %.1f per device per hour", perReconciliation * 60,
                        perReconciliation * 60 / deviceCount));
        if (simulator.stats().requestCount("/lockState") != lockStateBefore) {
            problems.add("/lockState was asked in the steady state");
        }
    }

    // ------------------------------------------------------------------ leftovers

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Threads alive now that were not before, except the framework's shared pools. */
    private static Set<String> extraThreads(Set<String> before) {
        Set<String> now = threadNames();
        now.removeAll(before);
        now.removeIf(name -> name.startsWith("OH-") || name.startsWith("ForkJoinPool") || name.startsWith("HttpClient-")
                || name.equals("process reaper") || name.startsWith("Attach Listener") || name.startsWith("surefire"));
        return now;
    }

    /** Connections still open plus pool slots still taken: a slot can outlive its closed connection. */
    private static long openConnections(HandlerHarness harness) {
        return harness.connectionStatistics.getConnections() + PoolSlots.taken(harness.httpClient);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public void print(Report report) {
        out.println("== Soak: " + duration.toSeconds() + " s, seed " + seed);
        report.figures().forEach((key, value) -> out.println(key + ": " + value));
        if (report.problems().isEmpty()) {
            out.println("All checks held: every command ended exactly once, channels equal the simulator's truth, "
                    + "no forbidden unlatch, no unlock while unlock-allowed was OFF, no arming while unlatch-allowed "
                    + "was OFF, no /lockState, nothing left behind.");
        } else {
            out.println("PROBLEMS:");
            report.problems().forEach(problem -> out.println("  " + problem));
        }
    }
}
