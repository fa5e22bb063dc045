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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceState;

/**
 * Which report of a device's state is the newest: pushes, polls and the answers to lock actions arrive in any order,
 * and an older state must never be shown after a newer one. Times are {@link System#nanoTime()} values the caller
 * passes, so that a test can pass its own.
 *
 * <ul>
 * <li>A push is the newest there is, except right after the answer to an action: a transport that pushes only final
 * states (a Nuki Bridge) sends its pushes in order, so until the push of the state the answer left the device in
 * arrives (or {@link #ANSWER_WINDOW_NANOS} passed), a push of another state was sent before the action ended and is
 * older than the answer. Polls meanwhile are shown as always.</li>
 * <li>A poll was answered some time after it was asked for: a state reported since it was asked for is kept.</li>
 * <li>A poll from before an action ended that shows the state before the action is taken, but not shown: the
 * action's intermediate state stays.</li>
 * </ul>
 *
 * Not thread-safe: one device's lane owns it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class ReportOrder {

    /** How long after an action's answer a push of another state is taken for one sent before the action ended. */
    static final long ANSWER_WINDOW_NANOS = Duration.ofSeconds(30).toNanos();

    /** What became of a report. */
    enum Kind {
        /** The newest state: show it. */
        SHOWN,
        /** The newest state, but the action's intermediate state stays shown. */
        TAKEN,
        /** A poll asked for before the last report: that report's state stays. */
        KEPT,
        /** A push sent before the action that was answered since ended: older than the answer. */
        OLDER_THAN_ANSWER
    }

    /**
     * @param previous the state reported before (for the events a change is worth), when the report was taken
     * @param unpushed whether a poll shows a change no push told while no action was under way
     */
    record Outcome(Kind kind, @Nullable DeviceState previous, boolean unpushed) {

        boolean shown() {
            return kind == Kind.SHOWN;
        }
    }

    private static final Outcome KEPT = new Outcome(Kind.KEPT, null, false);
    private static final Outcome OLDER = new Outcome(Kind.OLDER_THAN_ANSWER, null, false);

    private @Nullable DeviceState last;
    /** How new {@link #last} is: when it was pushed, answered, or when the poll that brought it was asked for. */
    private long lastAt;
    private int inFlight;
    /** When the last action was sent. */
    private long sentAt;
    /** The state the last answer left the device in, while its push is awaited; null: none awaited. */
    private @Nullable DeviceState awaited;
    private long answeredAt;

    /** Forgets everything (a thing initialized anew). */
    void reset() {
        last = null;
        lastAt = 0;
        inFlight = 0;
        awaited = null;
    }

    /** The last state the device reported, or null. */
    @Nullable
    DeviceState last() {
        return last;
    }

    /** Whether an action was sent and not answered yet. */
    boolean inFlight() {
        return inFlight > 0;
    }

    /** A state the transport pushed. */
    Outcome pushed(DeviceState state, long now) {
        DeviceState waitedFor = awaited;
        if (waitedFor != null) {
            if (now - answeredAt >= ANSWER_WINDOW_NANOS || waitedFor.stateCode() == state.stateCode()) {
                awaited = null;
            } else {
                return OLDER;
            }
        }
        return take(state, now);
    }

    /** A state from a poll asked for at {@code requestedAt}. */
    Outcome polled(DeviceState state, long requestedAt) {
        DeviceState previous = last;
        if (previous != null && lastAt - requestedAt >= 0) {
            return KEPT;
        }
        // a poll asked for after an action's answer does not end the wait for the answer's push: pushes sent before
        // the action ended may still be on their way, and they are older than this poll too
        last = state;
        lastAt = requestedAt;
        if (inFlight > 0 && previous != null && previous.stateCode() == state.stateCode()) {
            return new Outcome(Kind.TAKEN, previous, false);
        }
        boolean unpushed = previous != null && inFlight == 0 && state.differsInPushedFields(previous);
        return new Outcome(Kind.SHOWN, previous, unpushed);
    }

    /** An action was sent. */
    void sent(long now) {
        inFlight++;
        sentAt = now;
        awaited = null;
    }

    /** The action failed: the device was not moved. */
    void failed() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /**
     * The device performed the action.
     *
     * @param after the state the action left the device in, when certain and not pushed by the transport itself;
     *            null: nothing to show
     * @return what became of {@code after} (null: nothing)
     */
    @Nullable
    Outcome answered(@Nullable DeviceState after, long now) {
        inFlight = Math.max(0, inFlight - 1);
        if (after == null) {
            return null;
        }
        DeviceState before = last;
        // the push of the final state overtook the answer: nothing older can follow it
        boolean confirmed = before != null && lastAt - sentAt >= 0 && before.stateCode() == after.stateCode();
        awaited = confirmed ? null : after;
        answeredAt = now;
        return take(after, now);
    }

    private Outcome take(DeviceState state, long now) {
        DeviceState previous = last;
        last = state;
        lastAt = now;
        return new Outcome(Kind.SHOWN, previous, false);
    }
}
