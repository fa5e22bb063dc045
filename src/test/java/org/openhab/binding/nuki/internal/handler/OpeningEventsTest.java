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
import static org.openhab.binding.nuki.internal.handler.MachineStates.SECOND;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The opening event and its echo, as tables: each row an input at a time of a fake clock, and the events it fires.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class OpeningEventsTest {

    private record Row(String input, Function<OpeningEvents, List<String>> act, List<String> fired) {
    }

    private static Row sent(String owed) {
        return new Row("sent, owes " + owed, events -> {
            events.sent(owed.isEmpty() ? null : owed);
            return List.of();
        }, List.of());
    }

    private static Row performed(long at, String... fired) {
        return new Row("performed at " + at, events -> {
            String event = events.performed(at * SECOND);
            return event == null ? List.of() : List.of(event);
        }, List.of(fired));
    }

    private static Row failed() {
        return new Row("failed", events -> {
            events.failed();
            return List.of();
        }, List.of());
    }

    /** A pushed state (opening or not) and the event its change is worth (empty: none). */
    private static Row pushed(long at, boolean opening, String event, String... fired) {
        return new Row("pushed " + event + " at " + at, events -> {
            events.pushed(opening);
            return event.isEmpty() ? List.of() : events.event(event, "UNLOCKED".equals(event), at * SECOND);
        }, List.of(fired));
    }

    private static void run(List<Row> table) {
        OpeningEvents events = new OpeningEvents();
        int line = 0;
        for (Row row : table) {
            line++;
            assertThat("row " + line + ": " + row.input(), row.act().apply(events), is(row.fired()));
        }
    }

    @Test
    void testTheBridgePushesOnlyTheFinalState() {
        run(List.of(sent("UNLATCHED"), performed(1, "UNLATCHED"), pushed(2, false, "")));
    }

    @Test
    void testTheFinalStatesPushOvertakesTheAnswer() {
        run(List.of(sent("UNLATCHED"), pushed(1, false, "UNLOCKED", "UNLATCHED", "UNLOCKED"), performed(2)));
    }

    @Test
    void testEveryStatePushedBeforeTheAnswer() {
        run(List.of(sent("UNLATCHED"), pushed(1, true, "UNLATCHED", "UNLATCHED"),
                pushed(2, false, "UNLOCKED", "UNLOCKED"), performed(3)));
    }

    @Test
    void testALatePushOfTheOpeningIsAnEchoWithinItsTime() {
        run(List.of(sent("UNLATCHED"), performed(1, "UNLATCHED"), pushed(2, true, "UNLATCHED"),
                pushed(3, true, "UNLATCHED")));
        long late = OpeningEvents.ECHO_NANOS / SECOND + 2;
        run(List.of(sent("UNLATCHED"), performed(1, "UNLATCHED"), pushed(late, true, "UNLATCHED", "UNLATCHED")));
    }

    @Test
    void testAnotherStateBetweenEndsTheEcho() {
        run(List.of(sent("UNLATCHED"), performed(1, "UNLATCHED"), pushed(2, false, ""),
                pushed(3, true, "UNLATCHED", "UNLATCHED")));
    }

    @Test
    void testAFailedActionOwesNothingAndOtherActionsOweNothing() {
        run(List.of(sent("OPENED"), failed(), performed(1), pushed(2, false, "UNLOCKED", "UNLOCKED")));
        run(List.of(sent(""), pushed(1, false, "UNLOCKED", "UNLOCKED"), performed(2)));
    }

    @Test
    void testTwoOpeningsAreTwoEvents() {
        run(List.of(sent("UNLATCHED"), performed(1, "UNLATCHED"), sent("UNLATCHED"), performed(2, "UNLATCHED")));
    }
}
