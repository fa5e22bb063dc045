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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.api.hub.HubStates;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.model.OpenerState;
import org.openhab.binding.nuki.internal.handler.ActionCounters;
import org.openhab.binding.nuki.simulator.SimulatedNukiHub;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.HubHarness;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The soak's Nuki Hub part: a simulated hub with a lock and an opener on a real broker under a {@code nuki:hub}
 * thing, both with {@code unlatch-allowed} OFF, a random mix of commands (channels, thing actions, the second-unlock
 * gesture, keypad changes) and faults (broker restarts, the hub's last will when its network breaks and when it goes
 * silent (its keep-alive), a silent restart into its reconnect window, every message twice, {@code denied}, keypad
 * changes refused and keypad control off, a Bluetooth attempt the hub retries, every attempt failing, the devices out
 * of Bluetooth reach, the lock moved by others),
 * then the same end checks as for Nuki's MQTT API: every command ended exactly once and reached the hub at most
 * once, the channels equal the devices' truth, no door opened, and nothing of openHAB is left on the broker. The mix
 * also arms the opener (ring to open, continuous mode: refused, its unlatch-allowed being OFF) and flips the lock's
 * unlock-allowed; the end checks include no arming while unlatch-allowed was OFF and no unlock while unlock-allowed
 * was OFF.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class HubSoakRun {

    private static final long LOCK = 0x2A3B4C5DL;
    private static final long OPENER = 0x3B4C5D6EL;
    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final List<String> OPENING_WORDS = List.of("lock:unlatch", "lock:lockNgoUnlatch",
            "opener:electricStrikeActuation");
    private static final List<String> ARMING_WORDS = List.of("opener:activateRTO", "opener:activateCM");
    private static final List<String> UNLOCKING_WORDS = List.of("lock:unlock", "lock:lockNgo");

    private final Duration duration;
    private final Random random;
    private final List<String> problems;
    private final Map<String, String> figures;
    private final AtomicInteger actionCalls = new AtomicInteger();
    private final AtomicInteger actionsReturned = new AtomicInteger();
    private final AtomicInteger keypadUnanswered = new AtomicInteger();
    private int commands;
    private int faults;
    private int brokerRestarts;
    private int keypadChanges;
    /** unlock-allowed of the lock, flipped by the mix: its permits are the unlocking commands it let through. */
    private @NonNullByDefault({}) GateSwitch lockUnlock;

    HubSoakRun(Duration duration, Random random, List<String> problems, Map<String, String> figures) {
        this.duration = duration;
        this.random = random;
        this.problems = problems;
        this.figures = figures;
    }

    void run() throws Exception {
        HubHarness harness = new HubHarness(WINDOW);
        @SuppressWarnings("resource") // the with-methods return this same hub, which the end of the run closes
        SimulatedNukiHub hub = new SimulatedNukiHub("nukihub", LOCK, OPENER, harness.broker.host(),
                harness.broker.port()).withStepDelay(Duration.ofMillis(20)).withReconnectWindow(WINDOW)
                .withKeypadDelay(Duration.ofMillis(500)).withKeepAlive(Duration.ofSeconds(2));
        hub.connect().get(10, TimeUnit.SECONDS);
        harness.initializeBridge();
        Await.until("hub thing online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE,
                Duration.ofSeconds(30));
        Device lock = harness.addSmartLock("front",
                Map.of("nukiId", Long.toHexString(LOCK), "unlatchAllowed", false, "secondUnlockUnlatches", 2));
        Device opener = harness.addOpener("intercom",
                Map.of("nukiId", Long.toHexString(OPENER), "unlatchAllowed", false));
        harness.initialize(lock);
        harness.initialize(opener);
        Await.until("hub devices online",
                () -> lock.statusValue() == ThingStatus.ONLINE && opener.statusValue() == ThingStatus.ONLINE,
                Duration.ofSeconds(30));
        lockUnlock = GateSwitch.unlockAllowed(lock);

        ExecutorService ruleThreads = Executors.newFixedThreadPool(2);
        long end = System.nanoTime() + duration.toNanos();
        long brokerBackAt = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (brokerBackAt != 0 && now > brokerBackAt) {
                harness.broker.start();
                brokerBackAt = 0;
            }
            if (random.nextInt(100) < 85) {
                commands++;
                if (random.nextInt(3) == 0) {
                    command(opener, true, ruleThreads);
                } else {
                    command(lock, false, ruleThreads);
                }
            } else {
                faults++;
                switch (random.nextInt(11)) {
                    case 0 -> {
                        if (brokerBackAt == 0) {
                            brokerRestarts++;
                            harness.broker.stop();
                            brokerBackAt = now + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(700));
                        }
                    }
                    case 1 -> {
                        if (hub.isOnline()) {
                            hub.drop();
                        } else {
                            hub.back();
                        }
                    }
                    case 2 -> {
                        if (hub.isOnline()) {
                            hub.restart(Duration.ofMillis(100 + random.nextInt(300)));
                        }
                    }
                    case 3 -> hub.setDuplicates(random.nextBoolean());
                    case 4 -> hub.refuseActionsWith(random.nextInt(3) == 0 ? "denied" : null);
                    case 5 -> hub.setKeypadControl(switch (random.nextInt(4)) {
                        case 0 -> SimulatedNukiHub.KeypadControl.DISABLED;
                        // never switched on: nothing answers a keypad change
                        case 1 -> SimulatedNukiHub.KeypadControl.OFF;
                        default -> SimulatedNukiHub.KeypadControl.ON;
                    });
                    case 6 -> hub.operateLock("Anna", random.nextBoolean() ? "unlock" : "lock");
                    case 7 -> lockUnlock.flip(random.nextBoolean());
                    case 8 -> hub.setBluetooth(switch (random.nextInt(6)) {
                        // an attempt that a retry fixes, every attempt failing, the devices out of reach
                        case 0, 1 -> SimulatedNukiHub.Bluetooth.HICCUP;
                        case 2 -> SimulatedNukiHub.Bluetooth.FAILING;
                        case 3 -> SimulatedNukiHub.Bluetooth.LOST;
                        default -> SimulatedNukiHub.Bluetooth.OK;
                    });
                    case 9 -> {
                        // a loss the broker notices only by the hub's keep-alive
                        if (hub.isOnline()) {
                            hub.vanish();
                        } else {
                            hub.back();
                        }
                    }
                    default -> hub.turnLockByHand(random.nextBoolean() ? "locked" : "unlocked");
                }
            }
            Thread.sleep(20 + random.nextInt(80));
        }

        // calm: every fault off, everything back
        if (!harness.broker.isRunning()) {
            harness.broker.start();
        }
        hub.setDuplicates(false);
        hub.refuseActionsWith(null);
        hub.setKeypadControl(SimulatedNukiHub.KeypadControl.ON);
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.OK);
        if (!hub.isOnline()) {
            hub.back();
        }
        ruleThreads.shutdown();
        ruleThreads.awaitTermination(3, TimeUnit.MINUTES);

        check(lock, hub, "lock", false);
        check(opener, hub, "opener", true);
        List<String> openings = hub.actionsReceived().stream().filter(OPENING_WORDS::contains).toList();
        if (!openings.isEmpty()) {
            problems.add("Hub: the door was opened: " + openings);
        }
        List<String> armings = hub.actionsReceived().stream().filter(ARMING_WORDS::contains).toList();
        if (!armings.isEmpty()) {
            problems.add("Hub: arming while unlatch-allowed was OFF: the opener was armed: " + armings);
        }
        long unlocks = hub.actionsReceived().stream().filter(UNLOCKING_WORDS::contains).count();
        figures.put("Hub unlocks of the lock (permitted, refused for sure; unlock-allowed flips)", unlocks + " ("
                + lockUnlock.permits() + ", " + lockUnlock.certainlyOff() + "; " + lockUnlock.flips() + ")");
        // a second unlock within the gesture's window is an unlatch, refused by unlatch-allowed (OFF) first
        lockUnlock.checkRefusals("Hub lock", problems, EVENT_UNLOCK_REFUSED, EVENT_UNLATCH_REFUSED);
        if (unlocks > lockUnlock.permits()) {
            problems.add(
                    "Hub: unlock while unlock-allowed was OFF: the lock was unlocked " + unlocks + " times, but only "
                            + lockUnlock.permits() + " unlocking commands were given while unlock-allowed could be ON");
        }
        if (keypadUnanswered.get() > 0) {
            problems.add("Hub: keypad changes without an answer: " + keypadUnanswered.get());
        }
        figures.put("Hub thing actions returned", actionsReturned.get() + " of " + actionCalls.get());
        if (actionsReturned.get() != actionCalls.get()) {
            problems.add("Hub: thing actions that never returned: " + (actionCalls.get() - actionsReturned.get()));
        }

        for (Device device : List.of(lock, opener)) {
            device.handler.dispose();
            harness.bridgeHandler.childHandlerDisposed(device.handler, device.thing);
        }
        harness.bridgeHandler.dispose();
        try {
            Await.until("openHAB gone from the broker", () -> harness.broker.connectedClients().stream()
                    .noneMatch(client -> client.startsWith("openhab-nuki")), Duration.ofSeconds(15));
        } catch (AssertionError e) {
            problems.add("Hub: openHAB still connected after dispose: " + harness.broker.connectedClients());
        }
        hub.close();
        harness.close();
        figures.put("Hub commands / faults / broker restarts / keypad changes",
                commands + " / " + faults + " / " + brokerRestarts + " / " + keypadChanges);
    }

    /** A random command, opening ones included: unlatch-allowed is OFF on both, so none may reach the hub. */
    private void command(Device device, boolean isOpener, ExecutorService ruleThreads) {
        if (!isOpener && random.nextInt(12) == 0) {
            // away mode comes and goes: the lock's unlock-allowed, OFF a third of the time
            lockUnlock.flip(random.nextInt(3) != 0);
            return;
        }
        int kind = random.nextInt(10);
        if (kind < 6) {
            List<String> channels = isOpener
                    ? List.of(CHANNEL_LOCK, CHANNEL_UNLOCK, CHANNEL_UNLATCH, CHANNEL_CONTINUOUS_MODE)
                    : List.of(CHANNEL_LOCK, CHANNEL_UNLOCK, CHANNEL_UNLATCH, CHANNEL_LOCK_N_GO,
                            CHANNEL_LOCK_N_GO_UNLATCH, CHANNEL_FULL_LOCK);
            String channel = channels.get(random.nextInt(channels.size()));
            OnOffType command = CHANNEL_LOCK.equals(channel) || CHANNEL_UNLOCK.equals(channel)
                    || CHANNEL_CONTINUOUS_MODE.equals(channel) ? OnOffType.from(random.nextBoolean()) : OnOffType.ON;
            // the lock's unlocking commands (unlock, lock 'n' go) are gated by its unlock-allowed, which the mix flips
            boolean unlocking = !isOpener && (CHANNEL_LOCK.equals(channel) ? command == OnOffType.OFF
                    : CHANNEL_UNLOCK.equals(channel) ? command == OnOffType.ON : CHANNEL_LOCK_N_GO.equals(channel));
            Runnable permit = unlocking ? GateSwitch.permitAfter(lockUnlock, null) : () -> {
            };
            device.handler.handleCommand(device.channel(channel), command);
            permit.run();
        } else if (kind < 9 || isOpener) {
            actionCalls.incrementAndGet();
            int which = random.nextInt(isOpener ? 4 : 3);
            Runnable permit = !isOpener && which == 1 ? GateSwitch.permitAfter(lockUnlock, null) : () -> {
            };
            ruleThreads.execute(() -> {
                if (isOpener) {
                    NukiOpenerActions actions = new NukiOpenerActions();
                    actions.setThingHandler(device.handler);
                    // ring to open and continuous mode on arm the opener: refused, unlatch-allowed being OFF
                    switch (which) {
                        case 0 -> actions.lock();
                        case 1 -> actions.unlock();
                        case 2 -> actions.continuousMode(true);
                        default -> actions.unlatch();
                    }
                } else {
                    NukiSmartLockActions actions = new NukiSmartLockActions();
                    actions.setThingHandler(device.handler);
                    switch (which) {
                        case 0 -> actions.lock();
                        case 1 -> actions.unlock();
                        default -> actions.unlatch();
                    }
                }
                permit.run();
                actionsReturned.incrementAndGet();
            });
        } else {
            keypadChanges++;
            actionCalls.incrementAndGet();
            boolean add = random.nextBoolean();
            ruleThreads.execute(() -> {
                try {
                    (add ? device.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567"))
                            : device.handler.keypad().remove("Guest")).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    keypadUnanswered.incrementAndGet();
                }
                actionsReturned.incrementAndGet();
            });
        }
    }

    private void check(Device device, SimulatedNukiHub hub, String name, boolean isOpener) {
        ActionCounters counters = device.handler.actionCounters();
        try {
            Await.until(name + ": every action ended", () -> counters.pending() == 0, Duration.ofSeconds(60));
        } catch (AssertionError e) {
            problems.add("Hub " + name + ": actions that never ended: " + counters);
        }
        figures.put("Hub actions " + name, counters.toString());
        long received = hub.actionsReceived().stream().filter(word -> word.startsWith(name + ":")).count();
        figures.put("Hub actions received " + name, String.valueOf(received));
        if (received > counters.sent()) {
            problems.add(
                    "Hub " + name + ": the hub received " + received + " actions for " + counters.sent() + " sent");
        }
        String channel = isOpener ? CHANNEL_OPENER_STATE : CHANNEL_LOCK_STATE;
        try {
            Await.until(name + " shows the device's truth",
                    () -> device.statusValue() == ThingStatus.ONLINE
                            && new StringType(truth(hub, isOpener)).equals(device.state(channel)),
                    Duration.ofSeconds(30));
        } catch (AssertionError e) {
            problems.add("Hub " + name + " shows " + device.state(channel) + " (" + device.statusValue()
                    + ") but the device is " + (isOpener ? hub.openerState() : hub.lockState()));
        }
    }

    /** The channel value the device's state word stands for, as the binding reads the word. */
    private static String truth(SimulatedNukiHub hub, boolean isOpener) {
        if (isOpener) {
            return OpenerState.of(HubStates.openerState(hub.openerState())).name();
        }
        return MqttSoakRun.stateName(HubStates.lockState(hub.lockState()));
    }
}
