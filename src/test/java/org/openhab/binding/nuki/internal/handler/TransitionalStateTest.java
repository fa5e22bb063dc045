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
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.AdjustableClock;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * A bridge that never pushes a device's final state leaves it transitional (unlocking, lock 'n' go, opening): past
 * the time its action can take, the binding asks /list once for it, once per episode, and never /lockState.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class TransitionalStateTest {

    private static final long LOCK = 0x1A2B3C4DL;
    private static final long OPENER = 0x2B3C4D5EL;

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator("transitional", AdjustableClock.system(), InetAddress.getLoopbackAddress());
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, 4, "Front door"));
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Street door"));
        simulator.setActionStepDelay(Duration.ofMillis(30));
        simulator.setLockNGoDelay(Duration.ofMillis(300));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Device online(Device device) {
        harness.initialize(device);
        Await.until("device online", () -> device.statusValue() == ThingStatus.ONLINE
                && device.state(CHANNEL_LOCK) != null && !simulator.callbackUrls().isEmpty());
        return device;
    }

    private Device lock(Map<String, Object> settings) {
        Map<String, Object> configuration = new HashMap<>(settings);
        configuration.put("nukiId", String.valueOf(LOCK));
        return online(harness.addSmartLock("front", configuration));
    }

    private int lists() {
        return simulator.stats().requestCount("/list");
    }

    private static StringType state(String name) {
        return new StringType(name);
    }

    @Test
    void testALostFinalPushLeavesNoLockTransitionalPastTheTimeoutAndCostsOneList() {
        Device lock = lock(Map.of("transitionalStateTimeout", 1));
        simulator.changeState(LOCK, 2); // unlocking, pushed
        Await.until("unlocking", () -> state("UNLOCKING").equals(lock.state(CHANNEL_LOCK_STATE)));
        int before = lists();
        simulator.loseNextPushes(1);
        simulator.changeState(LOCK, 3); // unlocked: the bridge never pushes it

        Await.until("unlocked after the timeout", () -> state("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)),
                Duration.ofSeconds(5));
        assertThat(lists(), is(before + 1));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.OFF));

        // the next episode has a check of its own
        simulator.changeState(LOCK, 4); // locking, pushed
        Await.until("locking", () -> state("LOCKING").equals(lock.state(CHANNEL_LOCK_STATE)));
        simulator.loseNextPushes(1);
        simulator.changeState(LOCK, 1);
        Await.until("locked after the timeout", () -> state("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)),
                Duration.ofSeconds(5));
        assertThat(lists(), is(before + 2));
        assertThat(simulator.stats().requestCount("/lockState"), is(0));
    }

    @Test
    void testALockThatReallyStaysTransitionalIsAskedForOncePerEpisode() {
        Device lock = lock(Map.of("transitionalStateTimeout", 1));
        int before = lists();
        simulator.changeState(LOCK, 7); // unlatching, and the bridge says so on every /list too
        Await.until("one /list", () -> lists() == before + 1, Duration.ofSeconds(5));
        Await.holds("no second /list in the same episode", () -> lists() == before + 1, Duration.ofSeconds(3));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(state("UNLATCHING")));
        assertThat(simulator.stats().requestCount("/lockState"), is(0));
    }

    @Test
    void testASettledStateEndsTheEpisodeWithoutAnyRequest() {
        lock(Map.of("transitionalStateTimeout", 1));
        int before = lists();
        simulator.changeState(LOCK, 2);
        simulator.changeState(LOCK, 3); // both pushed
        Await.holds("nothing asked", () -> lists() == before, Duration.ofSeconds(2));
    }

    @Test
    void testLockNGoHasItsOwnLongerTimer() {
        Device lock = lock(Map.of("transitionalStateTimeout", 1, "lockNGoTimeout", 3));
        int before = lists();
        simulator.changeState(LOCK, 6); // unlocked (lock 'n' go), pushed; its timer runs on the lock
        Await.until("lock 'n' go", () -> state("UNLOCKED_LOCK_N_GO").equals(lock.state(CHANNEL_LOCK_STATE)));
        Await.holds("not asked within the lock 'n' go timer", () -> lists() == before, Duration.ofMillis(1800));
        Await.until("asked once after it", () -> lists() == before + 1, Duration.ofSeconds(5));
    }

    @Test
    void testALockNGoThroughOpenhabWhoseLockedPushIsLostEndsLocked() {
        Device lock = lock(Map.of("lockNGoTimeout", 1));
        simulator.setDropCallbacks(true); // the bridge pushes nothing: the binding shows the action's end itself
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK_N_GO), OnOffType.ON);
        Await.until("lock 'n' go shown", () -> state("UNLOCKED_LOCK_N_GO").equals(lock.state(CHANNEL_LOCK_STATE)));
        Await.until("locked", () -> state("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)), Duration.ofSeconds(6));
        assertThat(simulator.stats().requestCount("/lockState"), is(0));
    }

    @Test
    void testAnOpenerLeftOpeningIsAskedForOnce() {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("nukiId", String.valueOf(OPENER));
        configuration.put("transitionalStateTimeout", 1);
        Device opener = online(harness.addOpener("street", configuration));
        int before = lists();
        simulator.changeState(OPENER, 7); // opening, pushed
        Await.until("opening", () -> state("OPENING").equals(opener.state(CHANNEL_OPENER_STATE)));
        simulator.loseNextPushes(1);
        simulator.changeState(OPENER, 1);
        Await.until("online again", () -> state("ONLINE").equals(opener.state(CHANNEL_OPENER_STATE)),
                Duration.ofSeconds(5));
        assertThat(lists(), is(before + 1));
    }
}
