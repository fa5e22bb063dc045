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
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The event of an opening action openHAB sent (UNLATCHED, OPENED), told exactly once. A Nuki Bridge mostly pushes only
 * the final state (unlocked again), so the opening is told when the bridge answers the action, unless a pushed state
 * told it already; and a late push of the opening state is then an echo, not a second opening, unless another state
 * was pushed between. Times are {@link System#nanoTime()} values the caller passes.
 *
 * Not thread-safe: one device's lane owns it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class OpeningEvents {

    /** How long after the opening was told a pushed opening state is taken for its late echo. */
    static final long ECHO_NANOS = Duration.ofSeconds(30).toNanos();

    /** The event the action sent is still owed, or null. */
    private @Nullable String due;
    /** The opening told for the action, while a late push of it would be an echo; null: none. */
    private @Nullable String told;
    private long toldAt;

    void reset() {
        due = null;
        told = null;
    }

    /** An action was sent: the event it owes if it opens the door (null: none). */
    void sent(@Nullable String openingEvent) {
        due = openingEvent;
        told = null;
    }

    /** The action failed: it owes nothing. */
    void failed() {
        due = null;
    }

    /** The device performed the action: the event to tell now, or null (none owed, or told by a push). */
    @Nullable
    String performed(long now) {
        String event = due;
        due = null;
        if (event != null) {
            told = event;
            toldAt = now;
        }
        return event;
    }

    /** The device pushed a state: past the opening told, unless the state is part of it. */
    void pushed(boolean openingState) {
        if (told != null && !openingState) {
            told = null;
        }
    }

    /**
     * A change is worth an event: the events to fire, in order.
     *
     * @param endsOpening whether the event tells the state a device returns to after an opening (unlocked)
     */
    List<String> event(String event, boolean endsOpening, long now) {
        if (event.equals(told) && now - toldAt < ECHO_NANOS) {
            return List.of();
        }
        String owed = due;
        if (event.equals(owed)) {
            due = null;
        } else if (owed != null && endsOpening) {
            // the push of the state after the opening overtook the answer: the opening came first
            due = null;
            told = owed;
            toldAt = now;
            return List.of(owed, event);
        }
        return List.of(event);
    }
}
