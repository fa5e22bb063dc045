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
package org.openhab.binding.nuki.internal.handler;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats.LockActionRecord;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ThingStatus;

/**
 * Every code path able to send smart-lock action 3 (unlatch) or 5 (lock 'n' go with unlatch), opener action 3
 * (electric strike), or arm the opener (1 ring to open, 4 continuous mode) is gated by {@code unlatch-allowed}: with
 * it OFF, none of them reaches the bridge. Every path that unlocks, opens or arms is gated by {@code unlock-allowed}:
 * with it OFF, only locking reaches the bridge. Switching either OFF disarms an armed opener once. And there is no
 * other path: the openHAB layer calls {@code lockAction} in one place only, the gate.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class UnlatchGateTest {

    private static final long PLAIN = 0x10L;
    private static final long LEGACY = 0x20L;
    private static final long GESTURE = 0x30L;
    private static final long OPENER = 0x40L;

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator("gate");
        simulator.addDevice(SimulatedDevice.smartLock(PLAIN, 4, "Plain"));
        simulator.addDevice(SimulatedDevice.smartLock(LEGACY, 0, "Legacy"));
        simulator.addDevice(SimulatedDevice.smartLock(GESTURE, 3, "Gesture"));
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Opener"));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        harness.initializeBridge();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Device online(Device device) {
        harness.initialize(device);
        Await.until(device.thing.getUID() + " online",
                () -> device.statusValue() == ThingStatus.ONLINE && device.state(CHANNEL_LOCK) != null);
        device.handler.handleCommand(device.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.OFF);
        return device;
    }

    private static boolean opensTheDoor(LockActionRecord record) {
        return record.deviceType() == 2 ? record.action() == 3 : record.action() == 3 || record.action() == 5;
    }

    /** Locking: smart-lock actions 2 (lock) and 6 (full lock), the opener's 2 and 5 (ring to open, continuous off). */
    private static boolean locks(LockActionRecord record) {
        return record.deviceType() == 2 ? record.action() == 2 || record.action() == 5
                : record.action() == 2 || record.action() == 6;
    }

    private static long events(Device device, String event) {
        return device.events.stream().filter(("event:" + event)::equals).count();
    }

    private List<Integer> actionsOf(long nukiId) {
        return simulator.stats().lockActions().stream().filter(r -> r.nukiId() == nukiId).map(LockActionRecord::action)
                .toList();
    }

    @Test
    void testNoPathOpensTheDoorWhileUnlatchIsNotAllowed() {
        Device plain = online(harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN))));
        Device legacy = online(
                harness.addSmartLock("legacy", Map.of("nukiId", String.valueOf(LEGACY), "unlatch", true)));
        Device gesture = online(harness.addSmartLock("gesture",
                Map.of("nukiId", String.valueOf(GESTURE), "secondUnlockUnlatches", 60)));
        Device opener = online(harness.addOpener("opener", Map.of("nukiId", String.valueOf(OPENER))));
        NukiSmartLockActions plainActions = new NukiSmartLockActions();
        plainActions.setThingHandler(plain.handler);
        NukiSmartLockActions gestureActions = new NukiSmartLockActions();
        gestureActions.setThingHandler(gesture.handler);
        NukiOpenerActions openerActions = new NukiOpenerActions();
        openerActions.setThingHandler(opener.handler);

        List<Boolean> actionResults = new ArrayList<>();
        // 1. the unlatch channel
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLATCH), OnOffType.ON);
        // 2. lock 'n' go with unlatch
        plain.handler.handleCommand(plain.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
        // 3. the legacy option: lock OFF unlatches
        legacy.handler.handleCommand(legacy.channel(CHANNEL_LOCK), OnOffType.OFF);
        // 4. the second-unlock gesture, through the lock channel, the unlock channel and the thing action
        gesture.handler.handleCommand(gesture.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("gesture lock unlocked", () -> OnOffType.ON.equals(gesture.state(CHANNEL_UNLOCK)));
        gesture.handler.handleCommand(gesture.channel(CHANNEL_LOCK), OnOffType.OFF);
        gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLOCK), OnOffType.ON);
        gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLOCK), OnOffType.ON);
        actionResults.add(gestureActions.unlock());
        actionResults.add(gestureActions.unlock());
        // 5. thing actions
        actionResults.add(plainActions.unlatch());
        actionResults.add(plainActions.lockNGo(true));
        actionResults.add(NukiSmartLockActions.unlatch(plainActions));
        actionResults.add(NukiSmartLockActions.lockNGo(plainActions, true));
        // 6. the opener's electric strike, by channel and by action
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH), OnOffType.ON);
        actionResults.add(openerActions.unlatch());
        actionResults.add(NukiOpenerActions.unlatch(openerActions));

        Await.until("the bridge idle", () -> harness.bridgeHandler.client().queue().isIdle());
        List<LockActionRecord> received = simulator.stats().lockActions();
        assertThat(received.stream().filter(UnlatchGateTest::opensTheDoor).toList(), is(empty()));
        // the gesture lock only ever unlocked
        assertThat(
                received.stream().filter(r -> r.nukiId() == GESTURE).map(LockActionRecord::action).distinct().toList(),
                contains(1));
        // the actions that would have opened the door said no; the plain unlocks said yes
        assertThat(actionResults.subList(2, actionResults.size()), everyItem(is(false)));
        assertThat(plain.events.stream().filter("event:UNLATCH_REFUSED"::equals).count(), is(6L));
        assertThat(legacy.events, contains("event:UNLATCH_REFUSED"));
        assertThat(gesture.events.stream().filter("event:UNLATCH_REFUSED"::equals).count(), greaterThanOrEqualTo(3L));
        assertThat(opener.events.stream().filter("event:UNLATCH_REFUSED"::equals).count(), is(3L));
    }

    private Device twoSteps(String id, long nukiId, Map<String, Object> extra) {
        Map<String, Object> configuration = new java.util.HashMap<>(extra);
        configuration.put("nukiId", String.valueOf(nukiId));
        configuration.put("unlatchOnlyWhenUnlocked", true);
        Device device = harness.addSmartLock(id, configuration);
        harness.initialize(device);
        Await.until(id + " online and locked", () -> device.statusValue() == ThingStatus.ONLINE
                && new org.openhab.core.library.types.StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        return device;
    }

    private static long refusals(Device device) {
        return device.events.stream().filter("event:UNLATCH_REFUSED"::equals).count();
    }

    private static void awaitUnlocked(Device device) {
        Await.until(device.thing.getUID() + " unlocked",
                () -> new org.openhab.core.library.types.StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE))
                        && !device.handler.isActionInFlight());
    }

    @Test
    void testUnlatchOnlyWhenUnlockedRefusesEveryOpeningPathFromLocked() {
        Device plain = twoSteps("plain", PLAIN, Map.of());
        Device legacy = twoSteps("legacy", LEGACY, Map.of("unlatch", true));
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(plain.handler);

        plain.handler.handleCommand(plain.channel(CHANNEL_UNLATCH), OnOffType.ON);
        plain.handler.handleCommand(plain.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
        List<Boolean> results = List.of(actions.unlatch(), actions.lockNGo(true), NukiSmartLockActions.unlatch(actions),
                NukiSmartLockActions.lockNGo(actions, true));
        legacy.handler.handleCommand(legacy.channel(CHANNEL_LOCK), OnOffType.OFF);

        assertThat(results, everyItem(is(false)));
        assertThat(refusals(plain), is(6L));
        assertThat(refusals(legacy), is(1L));
        assertThat(simulator.stats().lockActions(), is(empty()));
        // the channels show the truth again: locked, nothing opening
        assertThat(plain.state(CHANNEL_LOCK_STATE), is(new org.openhab.core.library.types.StringType("LOCKED")));
        assertThat(plain.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
    }

    @Test
    void testUnlatchOnlyWhenUnlockedAllowsEveryOpeningPathFromUnlocked() {
        Device plain = twoSteps("plain", PLAIN, Map.of());
        Device legacy = twoSteps("legacy", LEGACY, Map.of("unlatch", true));
        Device gesture = twoSteps("gesture", GESTURE, Map.of("secondUnlockUnlatches", 60));
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(plain.handler);
        NukiSmartLockActions gestureActions = new NukiSmartLockActions();
        gestureActions.setThingHandler(gesture.handler);

        // first step: unlock; second step: open
        assertThat(actions.unlock(), is(true));
        awaitUnlocked(plain);
        assertThat(actions.unlatch(), is(true));
        awaitUnlocked(plain);
        assertThat(actions.lockNGo(true), is(true));
        legacy.handler.handleCommand(legacy.channel(CHANNEL_UNLOCK), OnOffType.ON);
        awaitUnlocked(legacy);
        legacy.handler.handleCommand(legacy.channel(CHANNEL_LOCK), OnOffType.OFF);
        assertThat(gestureActions.unlock(), is(true));
        awaitUnlocked(gesture);
        assertThat(gestureActions.unlock(), is(true)); // the second unlock, while unlocked

        Await.until("the bridge idle",
                () -> harness.bridgeHandler.client().queue().isIdle() && simulator.stats().lockActions().size() == 7);
        Map<Long, List<Integer>> byLock = new java.util.TreeMap<>();
        for (LockActionRecord record : simulator.stats().lockActions()) {
            byLock.computeIfAbsent(record.nukiId(), id -> new ArrayList<>()).add(record.action());
        }
        assertThat(byLock.get(PLAIN), contains(1, 3, 5));
        assertThat(byLock.get(LEGACY), contains(1, 3));
        assertThat(byLock.get(GESTURE), contains(1, 3));
        assertThat(refusals(plain) + refusals(legacy) + refusals(gesture), is(0L));
    }

    @Test
    void testTheSamePathsOpenTheDoorWhenAllowed() {
        Device plain = online(harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN))));
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.ON);
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(plain.handler);
        assertThat(actions.unlatch(), is(true));
        assertThat(actions.lockNGo(true), is(true));
        assertThat(simulator.stats().lockActions().stream().map(LockActionRecord::action).toList(), contains(3, 5));
    }

    @Test
    void testArmingTheOpenerIsRefusedLikeAnUnlatchWhileUnlatchIsNotAllowed() {
        Device opener = online(harness.addOpener("opener", Map.of("nukiId", String.valueOf(OPENER))));
        NukiOpenerActions actions = new NukiOpenerActions();
        actions.setThingHandler(opener.handler);

        // every path that switches ring to open or continuous mode on: channels and thing actions
        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.OFF);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK), OnOffType.ON);
        opener.handler.handleCommand(opener.channel(CHANNEL_CONTINUOUS_MODE), OnOffType.ON);
        List<Boolean> results = List.of(actions.unlock(), actions.continuousMode(true),
                NukiOpenerActions.unlock(actions), NukiOpenerActions.continuousMode(actions, true));

        assertThat(results, everyItem(is(false)));
        assertThat(events(opener, EVENT_UNLATCH_REFUSED), is(7L));
        assertThat(simulator.stats().lockActions(), is(empty()));
        // the channels show the truth again: not armed
        assertThat(opener.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(opener.state(CHANNEL_UNLOCK), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_CONTINUOUS_MODE), is(OnOffType.OFF));
        // switching it off still works
        assertThat(actions.lock(), is(true));
        assertThat(actionsOf(OPENER), contains(2));
    }

    @Test
    void testUnlockAllowedOffLetsOpenhabOnlyLock() {
        Device plain = harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN)));
        Device legacy = harness.addSmartLock("legacy", Map.of("nukiId", String.valueOf(LEGACY), "unlatch", true));
        Device gesture = harness.addSmartLock("gesture",
                Map.of("nukiId", String.valueOf(GESTURE), "secondUnlockUnlatches", 60));
        Device opener = harness.addOpener("opener", Map.of("nukiId", String.valueOf(OPENER)));
        for (Device device : List.of(plain, legacy, gesture, opener)) {
            harness.initialize(device);
            Await.until(device.thing.getUID() + " online",
                    () -> device.statusValue() == ThingStatus.ONLINE && device.state(CHANNEL_LOCK) != null);
            assertThat(device.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.ON));
        }
        // the gesture lock is unlocked first, while unlocking is allowed: its next unlock would open the door
        gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLOCK), OnOffType.ON);
        awaitUnlocked(gesture);
        for (Device device : List.of(plain, legacy, gesture, opener)) {
            device.handler.handleCommand(device.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.OFF);
            assertThat(device.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.OFF));
        }
        int before = simulator.stats().lockActions().size();
        NukiSmartLockActions plainActions = new NukiSmartLockActions();
        plainActions.setThingHandler(plain.handler);
        NukiSmartLockActions gestureActions = new NukiSmartLockActions();
        gestureActions.setThingHandler(gesture.handler);
        NukiOpenerActions openerActions = new NukiOpenerActions();
        openerActions.setThingHandler(opener.handler);

        // the smart lock: unlock, unlatch, lock 'n' go with and without unlatch, by channel and by action
        plain.handler.handleCommand(plain.channel(CHANNEL_LOCK), OnOffType.OFF);
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLOCK), OnOffType.ON);
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLATCH), OnOffType.ON);
        plain.handler.handleCommand(plain.channel(CHANNEL_LOCK_N_GO), OnOffType.ON);
        plain.handler.handleCommand(plain.channel(CHANNEL_LOCK_N_GO_UNLATCH), OnOffType.ON);
        List<Boolean> results = new ArrayList<>(List.of(plainActions.unlock(), plainActions.unlatch(),
                plainActions.lockNGo(false), plainActions.lockNGo(true), NukiSmartLockActions.unlock(plainActions),
                NukiSmartLockActions.unlatch(plainActions), NukiSmartLockActions.lockNGo(plainActions, false)));
        // the legacy option and the second unlock
        legacy.handler.handleCommand(legacy.channel(CHANNEL_LOCK), OnOffType.OFF);
        gesture.handler.handleCommand(gesture.channel(CHANNEL_UNLOCK), OnOffType.ON);
        gesture.handler.handleCommand(gesture.channel(CHANNEL_LOCK), OnOffType.OFF);
        results.add(gestureActions.unlock());
        // the opener: ring to open, continuous mode and buzzing, by channel and by action
        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.OFF);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK), OnOffType.ON);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH), OnOffType.ON);
        opener.handler.handleCommand(opener.channel(CHANNEL_CONTINUOUS_MODE), OnOffType.ON);
        results.addAll(List.of(openerActions.unlock(), openerActions.unlatch(), openerActions.continuousMode(true),
                NukiOpenerActions.unlock(openerActions), NukiOpenerActions.unlatch(openerActions),
                NukiOpenerActions.continuousMode(openerActions, true)));

        assertThat(results, everyItem(is(false)));
        assertThat(simulator.stats().lockActions().size(), is(before));
        assertThat(events(plain, EVENT_UNLOCK_REFUSED), is(12L));
        assertThat(events(legacy, EVENT_UNLOCK_REFUSED), is(1L));
        assertThat(events(gesture, EVENT_UNLOCK_REFUSED), is(3L));
        assertThat(events(opener, EVENT_UNLOCK_REFUSED), is(10L));
        // unlatch-allowed is ON: none of these is told as an unlatch refusal
        for (Device device : List.of(plain, legacy, gesture, opener)) {
            assertThat(events(device, EVENT_UNLATCH_REFUSED), is(0L));
        }
        // the channels show the truth again
        assertThat(plain.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(plain.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_UNLOCK), is(OnOffType.OFF));

        // locking keeps working
        assertThat(plainActions.lock(), is(true));
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLOCK), OnOffType.OFF);
        assertThat(gestureActions.lock(), is(true));
        assertThat(openerActions.lock(), is(true));
        Await.until("the bridge idle", () -> harness.bridgeHandler.client().queue().isIdle()
                && simulator.stats().lockActions().size() == before + 4);
        List<LockActionRecord> after = simulator.stats().lockActions().subList(before, before + 4);
        assertThat(after.stream().allMatch(UnlatchGateTest::locks), is(true));

        // and unlocking again once it is allowed
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.ON);
        assertThat(plainActions.unlock(), is(true));
        assertThat(actionsOf(PLAIN).get(actionsOf(PLAIN).size() - 1), is(1));
    }

    @Test
    void testUnlatchAllowedWinsWhenBothSwitchesForbidAnOpening() {
        Device plain = online(harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN))));
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.OFF);
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLATCH), OnOffType.ON);
        plain.handler.handleCommand(plain.channel(CHANNEL_UNLOCK), OnOffType.ON);
        assertThat(plain.events, contains("event:UNLATCH_REFUSED", "event:UNLOCK_REFUSED"));
        assertThat(simulator.stats().lockActions(), is(empty()));
    }

    private Device armedOpener(LockAction arming) {
        Device opener = harness.addOpener("opener", Map.of("nukiId", String.valueOf(OPENER)));
        harness.initialize(opener);
        Await.until("opener online", () -> opener.statusValue() == ThingStatus.ONLINE
                && new org.openhab.core.library.types.StringType("ONLINE").equals(opener.state(CHANNEL_OPENER_STATE)));
        String channel = arming == LockAction.ACTIVATE_CONTINUOUS_MODE ? CHANNEL_CONTINUOUS_MODE : CHANNEL_UNLOCK;
        opener.handler.handleCommand(opener.channel(channel), OnOffType.ON);
        Await.until("armed",
                () -> opener.handler.actionCounters().succeeded() == 1 && OnOffType.ON.equals(opener.state(channel)));
        return opener;
    }

    @Test
    void testUnlatchAllowedOffSwitchesRingToOpenOffOnceAndSaysSo() {
        Device opener = armedOpener(LockAction.ACTIVATE_RING_TO_OPEN);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.OFF);
        Await.until("disarmed",
                () -> events(opener, EVENT_DISARMED) == 1 && OnOffType.OFF.equals(opener.state(CHANNEL_UNLOCK)));
        // OFF again, and the other switch OFF: the opener is not armed any more, nothing more is sent
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.OFF);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.OFF);
        Await.until("the bridge idle", () -> harness.bridgeHandler.client().queue().isIdle());
        assertThat(actionsOf(OPENER), contains(1, 2));
        assertThat(events(opener, EVENT_DISARMED), is(1L));
        assertThat(opener.state(CHANNEL_LOCK), is(OnOffType.ON));
    }

    @Test
    void testUnlatchAllowedOffSwitchesContinuousModeOff() {
        Device opener = armedOpener(LockAction.ACTIVATE_CONTINUOUS_MODE);
        opener.handler.setUnlatchAllowed(false);
        Await.until("disarmed", () -> events(opener, EVENT_DISARMED) == 1
                && OnOffType.OFF.equals(opener.state(CHANNEL_CONTINUOUS_MODE)));
        assertThat(actionsOf(OPENER), contains(4, 5));
    }

    @Test
    void testUnlockAllowedOffDisarmsTheOpenerToo() {
        Device opener = armedOpener(LockAction.ACTIVATE_RING_TO_OPEN);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.OFF);
        Await.until("disarmed",
                () -> events(opener, EVENT_DISARMED) == 1 && OnOffType.OFF.equals(opener.state(CHANNEL_UNLOCK)));
        assertThat(actionsOf(OPENER), contains(1, 2));
    }

    @Test
    void testASwitchGoingOffWhileTheOpenerIsNotArmedSendsNothing() {
        Device opener = online(harness.addOpener("opener", Map.of("nukiId", String.valueOf(OPENER))));
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.OFF);
        Await.until("the bridge idle", () -> harness.bridgeHandler.client().queue().isIdle());
        assertThat(simulator.stats().lockActions(), is(empty()));
        assertThat(events(opener, EVENT_DISARMED), is(0L));
    }

    @Test
    void testUnlockAllowedSurvivesARestartAndTheConfigurationWinsWhenChanged() {
        Device lock = harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN)));
        harness.initialize(lock);
        assertThat(lock.handler.isUnlockAllowed(), is(true));
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.OFF);
        harness.dispose(lock);
        Device again = harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN)));
        harness.initialize(again);
        assertThat(again.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.OFF));
        assertThat(again.handler.isUnlockAllowed(), is(false));
        // the two switches are kept apart
        assertThat(again.handler.isUnlatchAllowed(), is(true));
        harness.dispose(again);
        // the user changes the configured initial value: it takes over
        Device configured = harness.addSmartLock("plain",
                Map.of("nukiId", String.valueOf(PLAIN), "unlockAllowed", false));
        harness.initialize(configured);
        assertThat(configured.handler.isUnlockAllowed(), is(false));
        configured.handler.handleCommand(configured.channel(CHANNEL_UNLOCK_ALLOWED), OnOffType.ON);
        harness.dispose(configured);
        Device last = harness.addSmartLock("plain", Map.of("nukiId", String.valueOf(PLAIN), "unlockAllowed", false));
        harness.initialize(last);
        assertThat(last.handler.isUnlockAllowed(), is(true));
        assertThat(last.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.ON));
    }

    @Test
    void testTheStoreKeepsBothSwitchesInItsFileAcrossRestarts(@TempDir Path folder) {
        Path file = folder.resolve("nuki/unlatch-allowed.properties");
        UnlatchAllowedStore store = new UnlatchAllowedStore(file);
        store.save("nuki:opener:home:street", false, true);
        store.save(UnlatchAllowedStore.unlockAllowedKey("nuki:opener:home:street"), true, false);
        UnlatchAllowedStore restarted = new UnlatchAllowedStore(file);
        assertThat(restarted.load("nuki:opener:home:street", true), is(false));
        assertThat(restarted.load(UnlatchAllowedStore.unlockAllowedKey("nuki:opener:home:street"), false), is(true));
        // a changed configuration wins over the kept value
        assertThat(restarted.load(UnlatchAllowedStore.unlockAllowedKey("nuki:opener:home:street"), true), is(true));
        assertThat(restarted.load("nuki:opener:home:street", false), is(false));
        assertThat(restarted.load(UnlatchAllowedStore.unlockAllowedKey("nuki:smartlock:home:front"), false), is(false));
    }

    @Test
    void testOnlyTheDocumentedActionsOpenTheDoor() {
        List<LockAction> opening = Arrays.stream(LockAction.values()).filter(LockAction::opensTheDoor).toList();
        assertThat(opening, containsInAnyOrder(LockAction.UNLATCH, LockAction.LOCK_N_GO_WITH_UNLATCH,
                LockAction.ELECTRIC_STRIKE_ACTUATION));
        assertThat(LockAction.UNLATCH.code(), is(3));
        assertThat(LockAction.LOCK_N_GO_WITH_UNLATCH.code(), is(5));
        assertThat(LockAction.ELECTRIC_STRIKE_ACTUATION.code(), is(3));
        assertThat(LockAction.of(3, false), is(LockAction.UNLATCH));
        assertThat(LockAction.of(3, true), is(LockAction.ELECTRIC_STRIKE_ACTUATION));
        // arming the opener: ring to open (1) and continuous mode (4) on
        assertThat(Arrays.stream(LockAction.values()).filter(LockAction::armsTheOpener).toList(),
                containsInAnyOrder(LockAction.ACTIVATE_RING_TO_OPEN, LockAction.ACTIVATE_CONTINUOUS_MODE));
        // only locking passes while unlocking is not allowed
        assertThat(Arrays.stream(LockAction.values()).filter(action -> !action.unlocksTheDoor()).toList(),
                containsInAnyOrder(LockAction.LOCK, LockAction.FULL_LOCK, LockAction.DEACTIVATE_RING_TO_OPEN,
                        LockAction.DEACTIVATE_CONTINUOUS_MODE));
    }

    /** The call appears once in the file, within its {@code lockAction} method of {@link NukiDeviceTransport}. */
    private static void assertOnlyInsideTransportMethod(Path file, String call) throws IOException {
        String source = Files.readString(file);
        assertThat(file + " " + call, countOf(source, call), is(1));
        int method = source.indexOf(
                "public CompletableFuture<?> lockAction(long nukiId, int deviceTypeCode, LockAction action) {");
        assertThat(file + " implements the transport's lockAction", method, greaterThan(0));
        int end = source.indexOf("\n    }\n", method);
        int at = source.indexOf(call);
        assertThat(file + ": " + call + " inside lockAction", at > method && at < end, is(true));
    }

    @Test
    void testTheGateIsTheOnlyPlaceThatSendsLockActions() throws IOException {
        Path openhabLayer = Path.of("src/main/java/org/openhab/binding/nuki/internal");
        Pattern lockActionCall = Pattern.compile("\\.lockAction\\(");
        // the simple /unlock unlatches behind a knob door: the binding must never use it
        Pattern simpleCalls = Pattern.compile("(?:client|client\\(\\))\\s*\\.\\s*(?:unlock|lock)\\(");
        List<String> callers = new ArrayList<>();
        List<String> simple = new ArrayList<>();
        try (Stream<Path> files = Files.walk(openhabLayer)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.toString().contains("/api/")) {
                    continue; // the protocol layer defines the calls
                }
                String source = Files.readString(file);
                if (lockActionCall.matcher(source).find()) {
                    callers.add(file.getFileName().toString());
                }
                if (simpleCalls.matcher(source).find()) {
                    simple.add(file.getFileName().toString());
                }
            }
        }
        // the gate calls its transport; the Nuki Bridge transport calls its client, inside the transport method only
        assertThat(callers, containsInAnyOrder("NukiDeviceHandler.java", "NukiBridgeHandler.java"));
        assertThat(simple, is(empty()));
        assertOnlyInsideTransportMethod(openhabLayer.resolve("bridge/NukiBridgeHandler.java"), ".lockAction(");
        // the MQTT transport sends lock actions through its commander, inside its transport method only
        assertOnlyInsideTransportMethod(openhabLayer.resolve("mqtt/NukiMqttBridgeHandler.java"), "commander.send(");
        // so does Nuki Hub's
        assertOnlyInsideTransportMethod(openhabLayer.resolve("hub/NukiHubHandler.java"), "commander().send(");
        String gate = Files.readString(openhabLayer.resolve("handler/NukiDeviceHandler.java"));
        assertThat(countOf(gate, ".lockAction("), is(1));
        // the single call sits after the refusal in perform()
        int refusal = gate.indexOf("if ((action.opensTheDoor() || action.armsTheOpener()) && !unlatchAllowed)");
        assertThat(refusal, greaterThan(0));
        assertThat(gate.indexOf(".lockAction("), greaterThan(refusal));
        // and after the lock-only refusal (unlock-allowed)
        int lockOnly = gate.indexOf("if (action.unlocksTheDoor() && !unlockAllowed)");
        assertThat(lockOnly, greaterThan(refusal));
        assertThat(gate.indexOf(".lockAction("), greaterThan(lockOnly));
        assertThat(countOf(gate, "unlocksTheDoor()"), is(1));
        assertThat(countOf(gate, "armsTheOpener()"), is(2)); // the check and its log text
        // and after the two-step refusal (unlatchOnlyWhenUnlocked), in the same method
        int twoSteps = gate.indexOf("if (action.opensTheDoor() && opensOnlyWhenUnlocked())");
        assertThat(twoSteps, greaterThan(refusal));
        assertThat(gate.indexOf(".lockAction("), greaterThan(twoSteps));
        assertThat(countOf(gate, "opensOnlyWhenUnlocked()"), is(2)); // the check and its definition
    }

    @Test
    void testTheCloudAccountHasNoPathToALockAction() throws IOException {
        Path internal = Path.of("src/main/java/org/openhab/binding/nuki/internal");
        List<String> offending = new ArrayList<>();
        for (Path folder : List.of(internal.resolve("account"), internal.resolve("api/web"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    // the Web API's lock action endpoints, the binding's lock actions, the gate and its transports
                    for (String path : List.of("/action", "LockAction", "lockAction(", "perform(", "unlatch(", ".lock(",
                            ".unlock(", "NukiDeviceHandler")) {
                        if (source.contains(path)) {
                            offending.add(file.getFileName() + ": " + path);
                        }
                    }
                }
            }
        }
        assertThat(offending, is(empty()));
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
