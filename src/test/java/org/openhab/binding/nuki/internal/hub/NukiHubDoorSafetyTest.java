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
package org.openhab.binding.nuki.internal.hub;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.simulator.SimulatedNukiHub;
import org.openhab.binding.nuki.test.ActionTopicWitness;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.HubHarness;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * Door safety under a {@code nuki:hub} thing, over a real broker against the simulated Nuki Hub, with a third client
 * on the broker watching the hub's action topics: arming the opener ({@code activateRTO}, {@code activateCM}) is
 * refused while {@code unlatch-allowed} is OFF; every unlocking, opening and arming path is refused while
 * {@code unlock-allowed} is OFF; nothing of it goes out on the wire; and switching {@code unlatch-allowed} OFF while
 * the opener is armed disarms it once ({@code deactivateRTO} or {@code deactivateCM}, {@code DISARMED}).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiHubDoorSafetyTest {

    private static final long LOCK = 0x2A3B4C5DL;
    private static final long OPENER = 0x3B4C5D6EL;
    private static final Duration WINDOW = Duration.ofMillis(800);

    private @NonNullByDefault({}) HubHarness harness;
    private @NonNullByDefault({}) SimulatedNukiHub hub;
    private @NonNullByDefault({}) ActionTopicWitness witness;

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same hub, which stop() closes
    void start() throws Exception {
        harness = new HubHarness(WINDOW);
        harness.bridgeHandler.setPatience(Duration.ofSeconds(2));
        witness = new ActionTopicWitness(harness.broker.host(), harness.broker.port());
        hub = new SimulatedNukiHub("nukihub", LOCK, OPENER, harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withReconnectWindow(WINDOW);
        hub.connect().get(10, TimeUnit.SECONDS);
        harness.initializeBridge();
        Await.until("hub thing online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        witness.close();
        harness.close();
    }

    private Device onlineLock(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("nukiId", Long.toHexString(LOCK));
        Device device = harness.addSmartLock("front", config);
        harness.initialize(device);
        Await.until("lock online", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        return device;
    }

    private Device onlineOpener(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("nukiId", Long.toHexString(OPENER));
        Device device = harness.addOpener("intercom", config);
        harness.initialize(device);
        Await.until("opener online", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("ONLINE").equals(device.state(CHANNEL_OPENER_STATE)));
        return device;
    }

    private static void command(Device device, String channel, OnOffType command) {
        device.handler.handleCommand(device.channel(channel), command);
    }

    private static long events(Device device, String event) {
        return device.events.stream().filter(("event:" + event)::equals).count();
    }

    private static NukiOpenerActions actions(Device opener) {
        NukiOpenerActions actions = new NukiOpenerActions();
        actions.setThingHandler(opener.handler);
        return actions;
    }

    @Test
    void testArmingTheOpenerIsRefusedWhileUnlatchIsNotAllowed() {
        Device opener = onlineOpener(Map.of("unlatchAllowed", false));
        NukiOpenerActions actions = actions(opener);
        command(opener, CHANNEL_LOCK, OnOffType.OFF);
        command(opener, CHANNEL_UNLOCK, OnOffType.ON);
        command(opener, CHANNEL_CONTINUOUS_MODE, OnOffType.ON);
        List<Boolean> results = List.of(actions.unlock(), actions.continuousMode(true),
                NukiOpenerActions.unlock(actions), NukiOpenerActions.continuousMode(actions, true));
        assertThat(results, everyItem(is(false)));
        assertThat(events(opener, EVENT_UNLATCH_REFUSED), is(7L));
        assertThat(opener.state(CHANNEL_UNLOCK), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_CONTINUOUS_MODE), is(OnOffType.OFF));
        // switching off still goes out, and it is the only thing that did
        assertThat(actions.lock(), is(true));
        Await.until("the witness saw it", () -> witness.actions().size() == 1);
        assertThat(witness.actions(), contains("nukihub/opener/action=deactivateRTO"));
        assertThat(hub.actionsReceived(), contains("opener:deactivateRTO"));
    }

    @Test
    void testUnlockAllowedOffLetsOpenhabOnlyLockTheLockAndTheOpener() {
        Device lock = onlineLock(Map.of("unlockAllowed", false, "secondUnlockUnlatches", 30));
        Device opener = onlineOpener(Map.of("unlockAllowed", false));
        NukiSmartLockActions lockActions = new NukiSmartLockActions();
        lockActions.setThingHandler(lock.handler);
        NukiOpenerActions openerActions = actions(opener);

        command(lock, CHANNEL_LOCK, OnOffType.OFF);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        command(lock, CHANNEL_UNLATCH, OnOffType.ON);
        command(lock, CHANNEL_LOCK_N_GO, OnOffType.ON);
        command(lock, CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.ON);
        List<Boolean> results = new ArrayList<>(List.of(lockActions.unlock(), lockActions.unlatch(),
                lockActions.lockNGo(false), lockActions.lockNGo(true)));
        command(opener, CHANNEL_LOCK, OnOffType.OFF);
        command(opener, CHANNEL_UNLOCK, OnOffType.ON);
        command(opener, CHANNEL_UNLATCH, OnOffType.ON);
        command(opener, CHANNEL_CONTINUOUS_MODE, OnOffType.ON);
        results.addAll(List.of(openerActions.unlock(), openerActions.unlatch(), openerActions.continuousMode(true)));

        assertThat(results, everyItem(is(false)));
        assertThat(events(lock, EVENT_UNLOCK_REFUSED), is(9L));
        assertThat(events(opener, EVENT_UNLOCK_REFUSED), is(7L));
        // locking goes through
        assertThat(lockActions.lock(), is(true));
        assertThat(lockActions.fullLock(), is(true));
        assertThat(openerActions.continuousMode(false), is(true));
        Await.until("the witness saw the three", () -> witness.actions().size() == 3);
        assertThat(witness.actions(), contains("nukihub/lock/action=lock", "nukihub/lock/action=fullLock",
                "nukihub/opener/action=deactivateCM"));
        assertThat(hub.actionsReceived(), contains("lock:lock", "lock:fullLock", "opener:deactivateCM"));
    }

    @Test
    void testUnlockAllowedOffRefusesTheSecondUnlockAndTheLegacyOption() {
        Device lock = onlineLock(Map.of("secondUnlockUnlatches", 30));
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(lock.handler);
        // unlocked while allowed: the next unlock within 30 s would open the door
        assertThat(actions.unlock(), is(true));
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        command(lock, CHANNEL_UNLOCK_ALLOWED, OnOffType.OFF);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        assertThat(actions.unlock(), is(false));
        assertThat(NukiSmartLockActions.unlock(actions), is(false));
        assertThat(events(lock, EVENT_UNLOCK_REFUSED), is(3L));

        // the same thing with the legacy option (lock OFF opens the door); unlock-allowed stays OFF across the restart
        lock.handler.dispose();
        lock.settle();
        harness.bridgeHandler.childHandlerDisposed(lock.handler, lock.thing);
        Device legacy = harness.addSmartLock("front", Map.of("nukiId", Long.toHexString(LOCK), "unlatch", true));
        harness.initialize(legacy);
        Await.until("legacy lock online", () -> legacy.statusValue() == ThingStatus.ONLINE
                && new StringType("UNLOCKED").equals(legacy.state(CHANNEL_LOCK_STATE)));
        assertThat(legacy.state(CHANNEL_UNLOCK_ALLOWED), is(OnOffType.OFF));
        command(legacy, CHANNEL_LOCK, OnOffType.OFF);
        legacy.settle();
        assertThat(events(legacy, EVENT_UNLOCK_REFUSED), is(1L));
        command(legacy, CHANNEL_LOCK, OnOffType.ON);
        Await.until("locked", () -> legacy.handler.actionCounters().succeeded() == 1);
        Await.until("the witness saw both", () -> witness.actions().size() == 2);
        assertThat(witness.actions(), contains("nukihub/lock/action=unlock", "nukihub/lock/action=lock"));
        assertThat(hub.actionsReceived(), contains("lock:unlock", "lock:lock"));
    }

    @Test
    void testUnlatchAllowedOffDisarmsRingToOpenOnceAndSaysSo() {
        Device opener = onlineOpener(Map.of());
        command(opener, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("ring to open on", () -> opener.handler.actionCounters().succeeded() == 1
                && new StringType("RTO_ACTIVE").equals(opener.state(CHANNEL_OPENER_STATE)));
        command(opener, CHANNEL_UNLATCH_ALLOWED, OnOffType.OFF);
        Await.until("disarmed", () -> events(opener, EVENT_DISARMED) == 1
                && new StringType("ONLINE").equals(opener.state(CHANNEL_OPENER_STATE)));
        // OFF again, and unlock-allowed OFF: nothing armed any more, nothing more goes out
        command(opener, CHANNEL_UNLATCH_ALLOWED, OnOffType.OFF);
        command(opener, CHANNEL_UNLOCK_ALLOWED, OnOffType.OFF);
        Await.until("every action ended", () -> opener.handler.actionCounters().pending() == 0);
        assertThat(witness.actions(),
                contains("nukihub/opener/action=activateRTO", "nukihub/opener/action=deactivateRTO"));
        assertThat(hub.actionsReceived(), contains("opener:activateRTO", "opener:deactivateRTO"));
        assertThat(events(opener, EVENT_DISARMED), is(1L));
    }

    @Test
    void testUnlatchAllowedOffDisarmsContinuousMode() {
        Device opener = onlineOpener(Map.of());
        assertThat(actions(opener).continuousMode(true), is(true));
        Await.until("continuous mode on", () -> OnOffType.ON.equals(opener.state(CHANNEL_CONTINUOUS_MODE)));
        opener.handler.setUnlatchAllowed(false);
        Await.until("disarmed", () -> events(opener, EVENT_DISARMED) == 1
                && OnOffType.OFF.equals(opener.state(CHANNEL_CONTINUOUS_MODE)));
        assertThat(hub.actionsReceived(), contains("opener:activateCM", "opener:deactivateCM"));
        assertThat(witness.actions(),
                contains("nukihub/opener/action=activateCM", "nukihub/opener/action=deactivateCM"));
    }

    @Test
    void testASwitchGoingOffWhileArmingIsUnderWayDisarmsOnceItIsAnswered() {
        Device opener = onlineOpener(Map.of());
        // the hub takes its time (step delay): the switch goes OFF while activateRTO is under way
        command(opener, CHANNEL_UNLOCK, OnOffType.ON);
        command(opener, CHANNEL_UNLATCH_ALLOWED, OnOffType.OFF);
        Await.until("disarmed",
                () -> events(opener, EVENT_DISARMED) == 1
                        && new StringType("ONLINE").equals(opener.state(CHANNEL_OPENER_STATE))
                        && opener.handler.actionCounters().pending() == 0);
        assertThat(hub.actionsReceived(), contains("opener:activateRTO", "opener:deactivateRTO"));
    }
}
