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
import static org.openhab.binding.nuki.internal.handler.MachineStates.lock;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.handler.TransitionalWatch.Request;
import org.openhab.binding.nuki.internal.handler.TransitionalWatch.Start;

/**
 * The transitional-state watch, as tables: each row a reported state or a timer firing, and the timer request or the
 * decision to ask the transport.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class TransitionalWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record Row(String input, Function<TransitionalWatch, String> act, String expected) {
    }

    private static String describe(Request request) {
        return request instanceof Start start ? "start #" + start.timer() + " " + start.delay().toSeconds() + " s"
                : request.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** A state reported; transitional ones last at most {@link #TIMEOUT}. */
    private static Row reported(int state, String expected) {
        boolean transitional = state == 2 || state == 4 || state == 6 || state == 7;
        return new Row("state " + state, watch -> describe(watch.reported(lock(state), transitional ? TIMEOUT : null)),
                expected);
    }

    private static Row fired(int timer, @Nullable Integer current, String expected) {
        return new Row("timer #" + timer + " fired in " + current,
                watch -> watch.fired(timer, current == null ? null : lock(current)) ? "ask" : "nothing", expected);
    }

    private static void run(List<Row> table) {
        TransitionalWatch watch = new TransitionalWatch();
        int line = 0;
        for (Row row : table) {
            line++;
            assertThat("row " + line + ": " + row.input(), row.act().apply(watch), is(row.expected()));
        }
    }

    @Test
    void testAStuckTransitionalStateIsAskedForOncePerEpisode() {
        run(List.of(reported(1, "cancel"), //
                reported(2, "start #2 30 s"), //
                // the same state again: its timer keeps running
                reported(2, "keep"), //
                fired(2, 2, "ask"), //
                fired(2, 2, "nothing"), //
                // still transitional after the check: no second one in this episode
                reported(4, "keep"), //
                reported(3, "cancel"), //
                reported(2, "start #4 30 s"), //
                fired(4, 2, "ask")));
    }

    @Test
    void testANewTransitionalStateGetsItsOwnTimeAndAnOldTimerCountsNothing() {
        run(List.of(reported(2, "start #1 30 s"), //
                reported(6, "start #2 30 s"), //
                fired(1, 6, "nothing"), //
                fired(2, 6, "ask")));
    }

    @Test
    void testASettledStateOrAnotherStateEndsTheTimersWorth() {
        run(List.of(reported(2, "start #1 30 s"), //
                reported(3, "cancel"), //
                fired(1, 3, "nothing"), //
                reported(7, "start #3 30 s"), //
                fired(3, 5, "nothing"), //
                fired(3, null, "nothing")));
    }
}
