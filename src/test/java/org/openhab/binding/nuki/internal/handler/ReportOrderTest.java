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

import java.util.List;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.handler.ReportOrder.Outcome;

/**
 * Which report is newest, as tables: each row an input at a time of a fake clock, and what becomes of it (shown, taken
 * without showing, kept the newer one, older than an action's answer) with the state it brings and the one before.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class ReportOrderTest {

    private record Row(String input, Function<ReportOrder, @Nullable Outcome> act, String expected) {
    }

    private static Row push(long at, DeviceState state, String expected) {
        return new Row("push " + state.stateCode() + " at " + at, order -> order.pushed(state, at * SECOND), expected);
    }

    private static Row poll(long askedAt, DeviceState state, String expected) {
        return new Row("poll " + state.stateCode() + " asked at " + askedAt,
                order -> order.polled(state, askedAt * SECOND), expected);
    }

    private static Row sent(long at) {
        return new Row("sent at " + at, order -> {
            order.sent(at * SECOND);
            return null;
        }, "-");
    }

    private static Row failed() {
        return new Row("failed", order -> {
            order.failed();
            return null;
        }, "-");
    }

    private static Row answered(long at, @Nullable DeviceState after, String expected) {
        return new Row("answered at " + at, order -> order.answered(after, at * SECOND), expected);
    }

    private static String describe(@Nullable Outcome outcome, ReportOrder order) {
        if (outcome == null) {
            return "-";
        }
        DeviceState previous = outcome.previous();
        DeviceState last = order.last();
        return switch (outcome.kind()) {
            case SHOWN -> "shown " + (last == null ? "?" : last.stateCode()) + " after "
                    + (previous == null ? "none" : previous.stateCode()) + (outcome.unpushed() ? " unpushed" : "");
            case TAKEN -> "taken " + (last == null ? "?" : last.stateCode());
            case KEPT -> "kept";
            case OLDER_THAN_ANSWER -> "older";
        };
    }

    private static void run(List<Row> table) {
        ReportOrder order = new ReportOrder();
        int line = 0;
        for (Row row : table) {
            line++;
            assertThat("row " + line + ": " + row.input(), describe(row.act().apply(order), order), is(row.expected()));
        }
    }

    @Test
    void testPushesAreTheNewestAndPollsAskedForEarlierAreKept() {
        run(List.of(poll(0, lock(1), "shown 1 after none"), //
                push(2, lock(3), "shown 3 after 1"), //
                // asked for before that push: its answer may be older
                poll(1, lock(1), "kept"), //
                // asked for after it: the bridge's newest word, and a change no push told
                poll(3, lock(1), "shown 1 after 3 unpushed"), //
                poll(4, lock(1, 3), "shown 1 after 1 unpushed"), //
                poll(5, lock(1, 3), "shown 1 after 1")));
    }

    @Test
    void testAPollFromBeforeTheActionEndedKeepsTheIntermediateState() {
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                poll(2, lock(1), "taken 1"), //
                // a change while the action runs is shown, never evidence of a lost push
                poll(3, lock(2), "shown 2 after 1"), //
                answered(4, lock(3), "shown 3 after 2")));
    }

    @Test
    void testAPushFromBeforeAnActionArrivingAfterItsAnswerIsOlder() {
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                answered(2, lock(3), "shown 3 after 1"), //
                // locked, door open: sent before the unlock ended
                push(3, lock(1, 3), "older"), //
                // the push of the answer's state: from here on pushes are the newest again
                push(4, lock(3, 3), "shown 3 after 3"), //
                push(5, lock(1, 3), "shown 1 after 3")));
    }

    @Test
    void testPollsAreShownWhilePushesFromBeforeTheAnswerStayOlder() {
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                answered(2, lock(3), "shown 3 after 1"), //
                poll(1, lock(1), "kept"), //
                // the reconciliation after the action, asked for after the answer
                poll(3, lock(3), "shown 3 after 3"), //
                // pushes held up on the way, sent before the action ended: still older
                push(4, lock(1, 3), "older"), //
                push(5, lock(3, 3), "shown 3 after 3"), //
                push(6, lock(1), "shown 1 after 3")));
    }

    @Test
    void testTheWaitForTheAnswersPushEndsAfterItsWindow() {
        long window = ReportOrder.ANSWER_WINDOW_NANOS / SECOND;
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                answered(2, lock(3), "shown 3 after 1"), //
                push(2 + window - 1, lock(1), "older"), //
                push(2 + window, lock(1), "shown 1 after 3")));
    }

    @Test
    void testAPushThatOvertookTheAnswerLeavesNothingToWaitFor() {
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                push(2, lock(3), "shown 3 after 1"), //
                answered(3, lock(3), "shown 3 after 3"), //
                // someone locks right after: shown at once
                push(4, lock(1), "shown 1 after 3")));
    }

    @Test
    void testAnActionThatLeavesTheKnownStateAsItWasStillWaitsForItsPush() {
        // locking a lock last reported locked: someone may have unlocked it since, and that push may still be on its
        // way
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                answered(2, lock(1), "shown 1 after 1"), //
                push(3, lock(3), "older"), //
                push(4, lock(1), "shown 1 after 1"), //
                push(5, lock(3), "shown 3 after 1")));
    }

    @Test
    void testAFailedActionOrOneWithoutACertainEndWaitsForNothing() {
        run(List.of(push(0, lock(1), "shown 1 after none"), //
                sent(1), //
                failed(), //
                push(2, lock(1, 3), "shown 1 after 1"), //
                sent(3), //
                answered(4, null, "-"), //
                push(5, lock(6), "shown 6 after 1"), //
                // a new action ends the wait of the one before
                sent(6), //
                answered(7, lock(3), "shown 3 after 6"), //
                sent(8), //
                push(9, lock(1), "shown 1 after 3")));
    }

    @Test
    void testResetForgetsEverything() {
        ReportOrder order = new ReportOrder();
        order.pushed(lock(1), 0);
        order.sent(SECOND);
        order.reset();
        assertThat(order.last(), is((DeviceState) null));
        assertThat(order.inFlight(), is(false));
        assertThat(describe(order.polled(lock(3), 0), order), is("shown 3 after none"));
    }
}
