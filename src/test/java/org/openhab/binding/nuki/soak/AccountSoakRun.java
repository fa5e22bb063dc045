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

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.handler.ActionCounters;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.AccountFixture;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The soak of the Nuki Web account beside a simulated bridge: a random mix of moves by named authorizations (some the
 * log does not explain), commands from openHAB, and the cloud's faults (throttling with {@code Retry-After}, a
 * refused token, 5xx, the device offline, slow answers). Checks: no name on {@code last-action-user} is ever wrong
 * (only the step's own name, openHAB for openHAB's commands, or none), at most one log read per change openHAB did
 * not cause, no request storm, every command ends exactly once, the channels converge, the account is back online.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class AccountSoakRun {

    private static final long LOCK = NukiWebSimulator.DEMO_LOCK;
    private static final String[] WHO = { "Cleaner", "Anna", "Tom's phone", "Nuki Bridge" };
    /** How long a step waits for its name before the next step (a throttled or refused read shows none). */
    private static final Duration NAME_WAIT = Duration.ofSeconds(3);

    private final Duration duration;
    private final Random random;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    /** The name the current step may show ("": none but UNDEF). */
    private volatile String expected = "";
    /**
     * The previous step's name: until the current step's change is reported, it is still the truth, and a name
     * arriving late for it is right.
     */
    private volatile String previous = "";
    private int moves;
    private int unlogged;
    private int commands;
    private int faults;
    private int namesShown;

    AccountSoakRun(Duration duration, long seed) {
        this.duration = duration;
        this.random = new Random(seed);
    }

    SoakRun.Report run() throws Exception {
        NukiBridgeSimulator simulator = new NukiBridgeSimulator("account-soak-token");
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, 4, "Front door").withKeypad());
        simulator.setActionStepDelay(Duration.ofMillis(30));
        try (HandlerHarness harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
                AccountFixture account = new AccountFixture(harness.httpClient, harness.accounts, Clock.systemUTC())) {
            harness.initializeBridge();
            Await.until("bridge online",
                    () -> harness.bridgeStatusValue() == ThingStatus.ONLINE && !simulator.callbackUrls().isEmpty(),
                    Duration.ofSeconds(30));
            Device lock = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(LOCK)));
            harness.initialize(lock);
            Await.until("lock online", () -> lock.statusValue() == ThingStatus.ONLINE, Duration.ofSeconds(30));
            account.online();
            lock.stateHook = (channel, state) -> {
                if (CHANNEL_LAST_ACTION_USER.equals(channel) && state instanceof StringType name) {
                    namesShown++;
                    if (!name.toString().equals(expected) && !name.toString().equals(previous)) {
                        problems.add("last-action-user showed '" + name + "' while '" + expected + "' was due");
                    }
                }
            };
            int startUp = account.cloud.totalRequests();
            boolean refused = false;
            boolean offline = false;
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                int roll = random.nextInt(100);
                if (roll < 55) {
                    move(simulator, account, lock);
                } else if (roll < 75) {
                    command(simulator, lock);
                } else {
                    faults++;
                    switch (random.nextInt(5)) {
                        case 0 -> account.cloud.throttleNext(1 + random.nextInt(3), 1);
                        case 1 -> account.cloud.setTokenRefused(refused = !refused);
                        case 2 -> account.cloud.serverErrorsNext(1 + random.nextInt(2));
                        case 3 -> account.cloud.setOffline(LOCK, offline = !offline);
                        default -> account.cloud.setLatency(Duration.ofMillis(random.nextBoolean() ? 0 : 300));
                    }
                }
            }

            // calm: every fault off; a last move must be named again and bring the account back
            account.cloud.setTokenRefused(false);
            account.cloud.setOffline(LOCK, false);
            account.cloud.setLatency(Duration.ZERO);
            account.cloud.throttleNext(0, 1);
            account.cloud.serverErrorsNext(0);
            // a throttled account waits for Retry-After (1 s here), after a server error 5 s, before it asks again
            try {
                Await.until("the account's pause over", () -> !account.description().contains("throttled")
                        && !account.description().contains("server-error"), Duration.ofSeconds(40));
            } catch (AssertionError e) {
                problems.add("the account stayed paused after the calm: " + account.status.get());
            }
            String last = "Cleaner";
            previous = expected;
            expected = last;
            boolean lockedAtCalm = lockedNow(lock);
            account.cloud.logNow(LOCK, last, lockedAtCalm ? 1 : 2, 255, 1);
            simulator.changeState(LOCK, lockedAtCalm ? 3 : 1);
            try {
                Await.until("the last move named",
                        () -> new StringType(last).equals(lock.state(CHANNEL_LAST_ACTION_USER)),
                        Duration.ofSeconds(10));
                Await.until("account online", () -> account.statusValue() == ThingStatus.ONLINE,
                        Duration.ofSeconds(10));
            } catch (AssertionError e) {
                problems.add("after the calm, the last move was not named or the account not online: "
                        + account.status.get());
            }

            int logReads = account.cloud.requestCount("/smartlock/{id}/log");
            int deviceReads = account.cloud.requestCount("/smartlock");
            int total = account.cloud.totalRequests();
            // every move is a change openHAB did not cause, plus the last one
            int unexplained = moves + 1;
            if (logReads > unexplained) {
                problems.add(logReads + " log reads for " + unexplained + " changes openHAB did not cause; states: "
                        + lock.stateLog.stream().filter(entry -> entry.startsWith(CHANNEL_LOCK_STATE + "=")
                                || entry.startsWith(CHANNEL_LAST_ACTION_USER + "=")).toList());
            }
            for (String violation : account.cloud.takeViolations()) {
                problems.add("broke Nuki's API description: " + violation);
            }
            if (account.cloud.requestCount("/smartlock/{id}/auth") > 0) {
                problems.add("the bridge path read authorization lists");
            }
            if (deviceReads > 2 + faults) {
                problems.add(deviceReads + " device list reads for " + faults + " faults: a storm");
            }
            ActionCounters counters = lock.handler.actionCounters();
            if (counters.pending() != 0 || counters.requested() != counters.refused() + counters.failedBeforeSending()
                    + counters.succeeded() + counters.failed()) {
                problems.add("commands did not end exactly once: " + counters);
            }
            figures.put("moves (not in the log) / openHAB commands / cloud faults",
                    moves + " (" + unlogged + ") / " + commands + " / " + faults);
            figures.put("names shown", String.valueOf(namesShown));
            figures.put("cloud requests: start-up / log reads / device reads / all",
                    startUp + " / " + logReads + " / " + deviceReads + " / " + total);
            figures.put("commands", counters.toString());
            harness.dispose(lock);
        }
        return new SoakRun.Report(List.copyOf(problems), java.util.Collections.unmodifiableMap(figures));
    }

    private static boolean lockedNow(Device lock) {
        return new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE));
    }

    /** Someone moves the lock; the cloud logs it under their name, or (now and then) not at all. */
    private void move(NukiBridgeSimulator simulator, AccountFixture account, Device lock) {
        moves++;
        String who = WHO[random.nextInt(WHO.length)];
        boolean locked = lockedNow(lock);
        boolean logged = random.nextInt(10) != 0;
        previous = expected;
        expected = logged ? who : "";
        if (logged) {
            account.cloud.logNow(LOCK, who, locked ? 1 : 2, who.contains("phone") ? 5 : 255,
                    "Anna".equals(who) ? 2 : who.startsWith("Cleaner") ? 1 : 0);
        } else {
            unlogged++;
        }
        int reads = account.cloud.requestCount("/smartlock/{id}/log");
        simulator.changeState(LOCK, locked ? 3 : 1);
        String state = locked ? "UNLOCKED" : "LOCKED";
        settle(lock, state, logged ? who : null);
        if (!logged) {
            // the one read finds nothing to name (a throttled account sends none)
            try {
                Await.until("log read", () -> account.cloud.requestCount("/smartlock/{id}/log") > reads,
                        Duration.ofSeconds(1));
            } catch (AssertionError e) {
                // throttled or refused before sending: nothing was asked, nobody named
            }
        }
    }

    /** openHAB locks or unlocks: the name is openHAB. */
    private void command(NukiBridgeSimulator simulator, Device lock) {
        commands++;
        boolean locked = lockedNow(lock);
        previous = expected;
        expected = USER_OPENHAB;
        lock.handler.handleCommand(lock.channel(locked ? CHANNEL_UNLOCK : CHANNEL_LOCK), OnOffType.ON);
        settle(lock, locked ? "UNLOCKED" : "LOCKED", USER_OPENHAB);
        // at a person's pace: the bridge's pushes of this action are out before the next step (a push the bridge
        // sends before an action can arrive after that action's answer; see the closing notes of the account work)
        try {
            Await.until("pushes out", () -> simulator.pendingCallbacks() == 0, Duration.ofSeconds(5));
        } catch (AssertionError e) {
            problems.add("the bridge's pushes stayed pending");
        }
    }

    /** Waits for the step's state, then (bounded) for its name, so that the next step starts after this one. */
    private void settle(Device lock, String state, @org.eclipse.jdt.annotation.Nullable String name) {
        try {
            Await.until("state " + state, () -> new StringType(state).equals(lock.state(CHANNEL_LOCK_STATE)),
                    Duration.ofSeconds(15));
        } catch (AssertionError e) {
            problems.add("no state " + state + " in time");
            return;
        }
        if (name != null) {
            try {
                Await.until("name", () -> new StringType(name).equals(lock.state(CHANNEL_LAST_ACTION_USER)), NAME_WAIT);
            } catch (AssertionError e) {
                // a throttled, refused or failed read names nobody: allowed, never a wrong name
                Object shown = lock.state(CHANNEL_LAST_ACTION_USER);
                if (shown instanceof StringType other && !other.toString().equals(previous)) {
                    problems.add("after the step of '" + name + "', last-action-user shows '" + other + "'");
                }
            }
        }
    }

    static void print(SoakRun.Report report, PrintStream out) {
        out.println("== Soak of the Nuki Web account beside a bridge");
        report.figures().forEach((key, value) -> out.println(key + ": " + value));
        if (report.problems().isEmpty()) {
            out.println("All account checks held: no wrong name, at most one log read per change openHAB did not "
                    + "cause, no request storm, every command ended exactly once, the account came back online.");
        } else {
            out.println("PROBLEMS:");
            new ArrayList<>(report.problems()).forEach(problem -> out.println("  " + problem));
        }
    }
}
