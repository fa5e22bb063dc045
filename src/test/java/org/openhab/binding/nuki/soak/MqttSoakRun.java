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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.handler.ActionCounters;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.SimulatedMqttLock;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The soak's bridge-less part: two simulated locks on a real broker under a {@code nuki:mqtt} thing, a random mix of
 * commands and MQTT faults (broker restarts, a lock dropping off and back with stale retained state, every message
 * delivered twice, commands answered with error codes, "Allow locking" off), then the same end checks as over a Nuki
 * Bridge: every command ended exactly once and reached the lock at most once, the channels equal the locks' truth, no
 * door opened while {@code unlatch-allowed} was OFF or from a plain unlock, and nothing is left on the broker. Then
 * the same for a Nuki Hub ({@link HubSoakRun}), for the same time.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class MqttSoakRun {

    private static final long PLAIN = 0x0A0A0A0AL;
    private static final long GUARDED = 0x0B0B0B0BL;
    private static final List<String> OPENING_CHANNELS = List.of(CHANNEL_UNLATCH, CHANNEL_LOCK_N_GO_UNLATCH);

    private final Duration duration;
    private final Random random;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final AtomicInteger actionCalls = new AtomicInteger();
    private final AtomicInteger actionsReturned = new AtomicInteger();
    private int commands;
    private int faults;
    private int brokerRestarts;
    /** unlock-allowed of the plain lock, flipped by the mix: its permits are the unlocking commands it let through. */
    private @NonNullByDefault({}) GateSwitch plainUnlock;

    MqttSoakRun(Duration duration, long seed) {
        this.duration = duration;
        this.random = new Random(seed);
    }

    SoakRun.Report run() throws Exception {
        MqttHarness harness = new MqttHarness();
        SimulatedMqttLock plainLock = lock(harness, PLAIN, "Plain");
        SimulatedMqttLock guardedLock = lock(harness, GUARDED, "Guarded");
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE, Duration.ofSeconds(30));
        Device plain = harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN)));
        Device guarded = harness.addSmartLock("guarded",
                Map.of("nukiId", String.valueOf(GUARDED), "unlatchAllowed", false, "secondUnlockUnlatches", 2));
        harness.initialize(plain);
        harness.initialize(guarded);
        Await.until("locks online",
                () -> plain.statusValue() == ThingStatus.ONLINE && guarded.statusValue() == ThingStatus.ONLINE,
                Duration.ofSeconds(30));
        plainUnlock = GateSwitch.unlockAllowed(plain);

        ExecutorService ruleThreads = Executors.newFixedThreadPool(2);
        long end = System.nanoTime() + duration.toNanos();
        long brokerBackAt = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (brokerBackAt != 0 && now > brokerBackAt) {
                harness.broker.start();
                brokerBackAt = 0;
            }
            if (random.nextInt(100) < 88) {
                commands++;
                boolean toGuarded = random.nextBoolean();
                command(toGuarded ? guarded : plain, toGuarded, ruleThreads);
            } else {
                faults++;
                SimulatedMqttLock target = random.nextBoolean() ? plainLock : guardedLock;
                switch (random.nextInt(7)) {
                    case 0 -> {
                        if (brokerBackAt == 0) {
                            brokerRestarts++;
                            harness.broker.stop();
                            brokerBackAt = now + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(700));
                        }
                    }
                    case 1 -> {
                        if (target.isOnline()) {
                            target.drop();
                        } else {
                            target.back();
                        }
                    }
                    case 2 -> target.setDuplicates(random.nextBoolean());
                    case 3 -> target.refuseWith(random.nextInt(3) == 0 ? (random.nextBoolean() ? 69 : 66) : 0);
                    case 4 -> target.setAllowLocking(random.nextInt(4) != 0);
                    case 5 -> plainUnlock.flip(random.nextBoolean());
                    default -> target.turnByHand(
                            random.nextBoolean() ? SimulatedMqttLock.STATE_LOCKED : SimulatedMqttLock.STATE_UNLOCKED);
                }
            }
            Thread.sleep(20 + random.nextInt(80));
        }

        // calm: every fault off, everything back
        if (!harness.broker.isRunning()) {
            harness.broker.start();
        }
        for (SimulatedMqttLock lock : List.of(plainLock, guardedLock)) {
            lock.setDuplicates(false);
            lock.refuseWith(0);
            lock.setAllowLocking(true);
            if (!lock.isOnline()) {
                lock.back();
            }
        }
        ruleThreads.shutdown();
        ruleThreads.awaitTermination(3, TimeUnit.MINUTES);

        check(plain, plainLock, "plain");
        check(guarded, guardedLock, "guarded");
        long unlocks = plainLock.actionsReceived().stream().filter(action -> action == 1 || action == 4).count();
        figures.put("MQTT unlocks of the plain lock (permitted, refused for sure; unlock-allowed flips)", unlocks + " ("
                + plainUnlock.permits() + ", " + plainUnlock.certainlyOff() + "; " + plainUnlock.flips() + ")");
        plainUnlock.checkRefusals("MQTT plain lock", problems, EVENT_UNLOCK_REFUSED);
        if (unlocks > plainUnlock.permits()) {
            problems.add("MQTT: unlock while unlock-allowed was OFF: the plain lock received " + unlocks
                    + " unlocking actions, but only " + plainUnlock.permits()
                    + " unlocking commands were given while unlock-allowed could be ON");
        }
        figures.put("MQTT thing actions returned", actionsReturned.get() + " of " + actionCalls.get());
        if (actionsReturned.get() != actionCalls.get()) {
            problems.add("MQTT: thing actions that never returned: " + (actionCalls.get() - actionsReturned.get()));
        }

        for (Device device : List.of(plain, guarded)) {
            device.handler.dispose();
            harness.bridgeHandler.childHandlerDisposed(device.handler, device.thing);
        }
        harness.bridgeHandler.dispose();
        try {
            Await.until("openHAB gone from the broker", () -> harness.broker.connectedClients().stream()
                    .noneMatch(client -> client.startsWith("openhab-nuki")), Duration.ofSeconds(15));
        } catch (AssertionError e) {
            problems.add("MQTT: openHAB still connected after dispose: " + harness.broker.connectedClients());
        }
        plainLock.close();
        guardedLock.close();
        harness.close();
        figures.put("MQTT commands / faults / broker restarts", commands + " / " + faults + " / " + brokerRestarts);
        // Nuki Hub, the other transport on a broker: the same kinds of commands and faults, the same end checks
        new HubSoakRun(duration, random, problems, figures).run();
        return new SoakRun.Report(List.copyOf(problems), java.util.Collections.unmodifiableMap(figures));
    }

    private static SimulatedMqttLock lock(MqttHarness harness, long id, String name) throws Exception {
        @SuppressWarnings("resource") // the with-methods return this same lock, which the caller closes
        SimulatedMqttLock lock = new SimulatedMqttLock(id, name, harness.broker.host(), harness.broker.port())
                .withRetainedQos(EmbeddedBroker.RETAINED_QOS).withStepDelay(Duration.ofMillis(20))
                .withLockNGoDelay(Duration.ofMillis(150));
        lock.connect().get(10, TimeUnit.SECONDS);
        return lock;
    }

    /** A random command; the plain lock gets none that opens the door, the guarded one every kind. */
    private void command(Device device, boolean guarded, ExecutorService ruleThreads) {
        List<String> channels = new ArrayList<>(
                List.of(CHANNEL_LOCK, CHANNEL_UNLOCK, CHANNEL_LOCK_N_GO, CHANNEL_FULL_LOCK));
        if (guarded) {
            channels.addAll(OPENING_CHANNELS);
        }
        if (!guarded && random.nextInt(12) == 0) {
            // away mode comes and goes: the plain lock's unlock-allowed, OFF a third of the time
            plainUnlock.flip(random.nextInt(3) != 0);
            return;
        }
        int kind = random.nextInt(10);
        if (kind < 7) {
            String channel = channels.get(random.nextInt(channels.size()));
            OnOffType command = CHANNEL_LOCK.equals(channel) || CHANNEL_UNLOCK.equals(channel)
                    ? OnOffType.from(random.nextBoolean())
                    : OnOffType.ON;
            // the plain lock's unlocking commands are gated by its unlock-allowed, which the mix flips
            boolean unlocking = !guarded && (CHANNEL_LOCK.equals(channel) ? command == OnOffType.OFF
                    : !CHANNEL_FULL_LOCK.equals(channel) && command == OnOffType.ON);
            Runnable permit = unlocking ? GateSwitch.permitAfter(plainUnlock, null) : () -> {
            };
            device.handler.handleCommand(device.channel(channel), command);
            permit.run();
        } else {
            NukiSmartLockActions actions = new NukiSmartLockActions();
            actions.setThingHandler(device.handler);
            actionCalls.incrementAndGet();
            int which = random.nextInt(guarded ? 4 : 2);
            Runnable permit = !guarded && which == 1 ? GateSwitch.permitAfter(plainUnlock, null) : () -> {
            };
            ruleThreads.execute(() -> {
                switch (which) {
                    case 0 -> actions.lock();
                    case 1 -> actions.unlock();
                    case 2 -> actions.unlatch();
                    default -> actions.lockNGo(true);
                }
                permit.run();
                actionsReturned.incrementAndGet();
            });
        }
    }

    private void check(Device device, SimulatedMqttLock lock, String name) {
        ActionCounters counters = device.handler.actionCounters();
        try {
            Await.until(name + ": every action ended", () -> counters.pending() == 0, Duration.ofSeconds(60));
        } catch (AssertionError e) {
            problems.add("MQTT " + name + ": actions that never ended: " + counters);
        }
        figures.put("MQTT actions " + name, counters.toString());
        List<Integer> received = lock.actionsReceived();
        figures.put("MQTT lock actions received " + name, String.valueOf(received.size()));
        if (received.size() > counters.sent()) {
            problems.add("MQTT " + name + ": the lock received " + received.size() + " actions for " + counters.sent()
                    + " sent");
        }
        long openings = received.stream().filter(action -> action == 3 || action == 5).count();
        if (openings != 0) {
            problems.add("MQTT " + name + ": the door was opened " + openings + " times");
        }
        try {
            Await.until(name + " shows the lock's truth",
                    () -> device.statusValue() == ThingStatus.ONLINE && !lock.isBusy()
                            && new StringType(stateName(lock.state())).equals(device.state(CHANNEL_LOCK_STATE)),
                    Duration.ofSeconds(30));
        } catch (AssertionError e) {
            problems.add("MQTT " + name + " shows " + device.state(CHANNEL_LOCK_STATE) + " (" + device.statusValue()
                    + ") but the lock is in state " + lock.state());
        }
    }

    static void print(SoakRun.Report report, PrintStream out) {
        out.println("== Soak over MQTT");
        report.figures().forEach((key, value) -> out.println(key + ": " + value));
        if (report.problems().isEmpty()) {
            out.println("All MQTT checks held (Nuki's MQTT API and Nuki Hub): every command ended exactly once and "
                    + "reached the lock or hub at most once, channels equal the devices' truth, no forbidden unlatch, "
                    + "no unlock while unlock-allowed was OFF, no arming while unlatch-allowed was OFF, "
                    + "nothing left on the broker.");
        } else {
            out.println("PROBLEMS:");
            report.problems().forEach(problem -> out.println("  " + problem));
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case 1 -> "LOCKED";
            case 2 -> "UNLOCKING";
            case 3 -> "UNLOCKED";
            case 4 -> "LOCKING";
            case 5 -> "UNLATCHED";
            case 6 -> "UNLOCKED_LOCK_N_GO";
            case 7 -> "UNLATCHING";
            default -> "UNDEFINED";
        };
    }
}
