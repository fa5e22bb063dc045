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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.UnDefType;

/**
 * The opener handler against the simulator: its channels, commands, ring events, thing actions and refusals.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiOpenerHandlerTest {

    private static final String TOKEN = "opener-token";
    private static final long OPENER = 0x2B3C4D5EL;

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private @NonNullByDefault({}) Device opener;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Street door"));
        simulator.addDevice(SimulatedDevice.smartLock(0x1111L, 4, "Front"));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        harness.initializeBridge();
        opener = harness.addOpener("street", Map.of("nukiId", "2B3C4D5E"));
        harness.initialize(opener);
        Await.until("opener online",
                () -> opener.statusValue() == ThingStatus.ONLINE && opener.state(CHANNEL_LAST_RING) != null);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private List<Integer> actions() {
        return simulator.stats().lockActions().stream().map(SimulatorStats.LockActionRecord::action).toList();
    }

    @Test
    void testChannelsOfAnIdleOpener() {
        assertThat(opener.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(opener.state(CHANNEL_UNLOCK), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_CONTINUOUS_MODE), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_OPENER_STATE), is(new StringType("ONLINE")));
        assertThat(opener.state(CHANNEL_LOW_BATTERY), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_LAST_RING), is(UnDefType.UNDEF));
        assertThat(opener.state(CHANNEL_UNLATCH_ALLOWED), is(OnOffType.ON));
    }

    @Test
    void testRingToOpenThroughLockAndUnlock() {
        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.OFF);
        Await.until("ring to open on", () -> new StringType("RTO_ACTIVE").equals(opener.state(CHANNEL_OPENER_STATE)));
        assertThat(opener.state(CHANNEL_LOCK), is(OnOffType.OFF));
        assertThat(opener.state(CHANNEL_UNLOCK), is(OnOffType.ON));
        Await.until("event", () -> opener.events.contains("event:RING_TO_OPEN_ON"));
        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.ON);
        Await.until("ring to open off", () -> OnOffType.ON.equals(opener.state(CHANNEL_LOCK)));
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("third action", () -> actions().size() == 3);
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLOCK), OnOffType.OFF);
        Await.until("fourth action", () -> actions().size() == 4);
        assertThat(actions(), contains(1, 2, 1, 2));
        assertThat(simulator.stats().lockActions().get(0).deviceType(), is(2));
    }

    @Test
    void testContinuousModeAndLockEndsIt() {
        opener.handler.handleCommand(opener.channel(CHANNEL_CONTINUOUS_MODE), OnOffType.ON);
        Await.until("continuous", () -> new StringType("RTO_ACTIVE").equals(opener.state(CHANNEL_OPENER_STATE)));
        assertThat(opener.state(CHANNEL_CONTINUOUS_MODE), is(OnOffType.ON));
        assertThat(opener.state(CHANNEL_LOCK), is(OnOffType.OFF));
        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.ON);
        Await.until("door mode", () -> OnOffType.OFF.equals(opener.state(CHANNEL_CONTINUOUS_MODE)));
        assertThat(actions(), contains(4, 5));
        // the event follows the states it describes
        Await.until("events",
                () -> opener.events.containsAll(List.of("event:CONTINUOUS_MODE_ON", "event:CONTINUOUS_MODE_OFF")));
    }

    @Test
    void testUnlatchBuzzesTheDoorOpen() {
        simulator.setActionStepDelay(Duration.ofMillis(30));
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("action", () -> actions().size() == 1);
        assertThat(actions(), contains(3));
        assertThat(opener.history(CHANNEL_OPENER_STATE), hasItem("OPENING"));
        Await.until("idle again", () -> OnOffType.OFF.equals(opener.state(CHANNEL_UNLATCH))
                && new StringType("ONLINE").equals(opener.state(CHANNEL_OPENER_STATE)));
    }

    @Test
    void testAnOpeningThroughOpenhabFiresOpenedOnce() {
        Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH), OnOffType.ON);
        Await.until("opened event", () -> opener.events.contains("event:OPENED"));
        Await.until("action answered", () -> opener.handler.actionCounters().succeeded() == 1);
        // every push the opening caused is handled once a later push (a ring) is
        Await.until("the action's pushes sent", () -> simulator.pendingCallbacks() == 0);
        simulator.ring(OPENER);
        Await.until("ring", () -> opener.events.contains("ring:RINGING"));
        assertThat(opener.events.stream().filter("event:OPENED"::equals).count(), is(1L));
    }

    @Test
    void testRingTriggersAndSetsTheLastRing() {
        simulator.ring(OPENER);
        harness.bridgeHandler.reconcileSoon();
        Await.until("ring", () -> opener.events.contains("ring:RINGING"));
        assertThat(opener.state(CHANNEL_LAST_RING), is(instanceOf(DateTimeType.class)));
        // the same ring seen again is no new ring
        harness.bridgeHandler.reconcileSoon();
        Await.until("reconciled", () -> harness.bridgeHandler.client().queue().isIdle());
        assertThat(opener.events.stream().filter("ring:RINGING"::equals).count(), is(1L));
    }

    @Test
    void testUnlatchRefusedWhileNotAllowed() {
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH_ALLOWED), OnOffType.OFF);
        NukiOpenerActions actions = new NukiOpenerActions();
        actions.setThingHandler(opener.handler);
        int before = simulator.stats().actionRequests();
        opener.handler.handleCommand(opener.channel(CHANNEL_UNLATCH), OnOffType.ON);
        assertThat(actions.unlatch(), is(false));
        // background traffic (callback registration, reconciliation) may run; no move of the device may
        assertThat(simulator.stats().actionRequests(), is(before));
        assertThat(opener.events, contains("event:UNLATCH_REFUSED", "event:UNLATCH_REFUSED"));
        assertThat(opener.state(CHANNEL_UNLATCH), is(OnOffType.OFF));
        // ring to open would open the door at the next ring: refused as well (issue 26)
        assertThat(actions.unlock(), is(false));
        assertThat(opener.events.stream().filter("event:UNLATCH_REFUSED"::equals).count(), is(3L));
        // switching it off still works
        assertThat(actions.lock(), is(true));
        assertThat(actions(), contains(2));
    }

    @Test
    void testThingActions() {
        NukiOpenerActions actions = new NukiOpenerActions();
        actions.setThingHandler(opener.handler);
        assertThat(NukiOpenerActions.continuousMode(actions, true), is(true));
        assertThat(NukiOpenerActions.lock(actions), is(true));
        assertThat(NukiOpenerActions.unlock(actions), is(true));
        assertThat(NukiOpenerActions.unlatch(actions), is(true));
        assertThat(actions(), contains(4, 5, 1, 3));
        simulator.setDeviceUnreachable(OPENER, true);
        assertThat(actions.unlock(), is(false));
    }

    @Test
    void testASmartLockIdOnAnOpenerThing() {
        Device wrong = harness.addOpener("front", Map.of("nukiId", "0x1111"));
        harness.initialize(wrong);
        harness.bridgeHandler.reconcileSoon();
        Await.until("error", () -> wrong.status.get().getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(wrong.status.get().getDescription(), is("@text/offline.device.is-smartlock"));
    }
}
