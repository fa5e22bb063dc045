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
import static org.hamcrest.Matchers.is;
import static org.openhab.binding.nuki.internal.handler.MachineStates.*;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;

/**
 * Who moved the device, as tables: each row an input at a time of a fake clock and what it says (explained by
 * openHAB's action or not, a change's number, whether a name found for a change is shown).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class AttributionTest {

    /** A smart lock's unlock and lock, with a 30 s grace. */
    private static final Attribution.OwnActions LOCK_ACTIONS = new Attribution.OwnActions() {
        @Override
        public boolean explains(LockAction action, DeviceState state) {
            SmartLockState lockState = state.smartLockState();
            return action == LockAction.UNLOCK
                    ? lockState == SmartLockState.UNLOCKING || lockState == SmartLockState.UNLOCKED
                    : lockState == SmartLockState.LOCKING || lockState == SmartLockState.LOCKED;
        }

        @Override
        public boolean ends(LockAction action, DeviceState state) {
            return state.smartLockState() == (action == LockAction.UNLOCK ? SmartLockState.UNLOCKED
                    : SmartLockState.LOCKED);
        }

        @Override
        public Duration grace(LockAction action) {
            return Duration.ofSeconds(30);
        }
    };

    private record Row(String input, Function<Attribution, String> act, String expected) {
    }

    private static Row own(long at, LockAction action) {
        return new Row(action + " at " + at, attribution -> {
            attribution.ownAction(action, at * SECOND);
            return "-";
        }, "-");
    }

    private static Row change(long at, int state, boolean inFlight, String expected) {
        return new Row("state " + state + " at " + at + (inFlight ? " in flight" : ""),
                attribution -> attribution.explains(lock(state), inFlight, at * SECOND, LOCK_ACTIONS) ? "openHAB"
                        : "someone #" + attribution.next(),
                expected);
    }

    private static Row name(int forChange, String expected) {
        return new Row("name for #" + forChange, attribution -> attribution.isCurrent(forChange) ? "shown" : "dropped",
                expected);
    }

    private static Row mqtt(long at, boolean byMqtt, boolean inFlight, String expected) {
        return new Row("MQTT event at " + at + (byMqtt ? " by MQTT" : ""),
                attribution -> attribution.ownByMqtt(byMqtt, inFlight, at * SECOND, Duration.ofSeconds(30)) ? "openHAB"
                        : "someone",
                expected);
    }

    private static Row reset() {
        return new Row("initialized anew", attribution -> {
            attribution.reset();
            return "#" + attribution.current();
        }, "#RESET");
    }

    private static void run(List<Row> table) {
        Attribution attribution = new Attribution();
        int line = 0;
        for (Row row : table) {
            line++;
            String result = row.act().apply(attribution);
            String expected = row.expected().equals("#RESET") ? result : row.expected();
            assertThat("row " + line + ": " + row.input(), result, is(expected));
        }
    }

    @Test
    void testANameFoundLateForAnOlderChangeIsDropped() {
        run(List.of(change(0, 3, false, "someone #1"), //
                change(1, 1, false, "someone #2"), //
                name(1, "dropped"), //
                name(2, "shown")));
    }

    @Test
    void testOpenhabsActionExplainsItsStatesOnceUpToItsEnd() {
        run(List.of(own(0, LockAction.UNLOCK), //
                change(1, 2, true, "openHAB"), //
                change(2, 3, true, "openHAB"), //
                // answered: done at 3
                own(3, LockAction.UNLOCK), //
                change(4, 3, false, "openHAB"), //
                // its end was seen: the next change is someone else's
                change(5, 1, false, "someone #1")));
    }

    @Test
    void testAChangeTheActionCannotExplainIsSomeoneElsesEvenInFlight() {
        run(List.of(own(0, LockAction.UNLOCK), //
                change(1, 4, true, "someone #1"), //
                change(2, 3, true, "openHAB"), //
                own(3, LockAction.UNLOCK), //
                change(4, 1, false, "someone #2"), //
                // forgotten once something else happened
                change(5, 3, false, "someone #3")));
    }

    @Test
    void testTheGraceEnds() {
        run(List.of(own(0, LockAction.LOCK), //
                change(29, 1, false, "openHAB"), //
                own(40, LockAction.LOCK), //
                change(70, 1, false, "someone #1")));
    }

    @Test
    void testMqttNamesOpenhabOnlyForItsOwnRecentAction() {
        run(List.of(mqtt(0, true, false, "someone"), //
                own(1, LockAction.UNLOCK), //
                mqtt(2, false, true, "someone"), //
                mqtt(3, true, true, "openHAB"), //
                mqtt(30, true, false, "openHAB"), //
                mqtt(31, true, false, "someone")));
    }

    @Test
    void testANewLifeDropsNamesAskedForBeforeAndForgetsTheOwnAction() {
        run(List.of(change(0, 3, false, "someone #1"), //
                own(1, LockAction.LOCK), //
                reset(), //
                name(1, "dropped"), //
                change(2, 1, false, "someone #3")));
    }
}
