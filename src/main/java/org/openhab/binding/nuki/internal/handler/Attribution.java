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
import org.openhab.binding.nuki.internal.api.model.LockAction;

/**
 * Who moved the device last: each change to be named gets a number, and a name found for it is shown only while no
 * newer change was reported (a name found late for an older change is dropped); and openHAB's own last action, which
 * explains the changes it passes through or ends in for a while. Times are {@link System#nanoTime()} values the
 * caller passes.
 *
 * Not thread-safe: one device's lane owns it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class Attribution {

    /** What a device kind's actions do: which states they pass through or end in, and how long they take. */
    interface OwnActions {

        /** Whether an action passes through or ends in this state. */
        boolean explains(LockAction action, DeviceState state);

        /** Whether this is the state an action ends in (after it, a change is someone else's). */
        boolean ends(LockAction action, DeviceState state);

        /** How long after it was done an action still explains a change. */
        Duration grace(LockAction action);
    }

    private int change;
    private @Nullable LockAction own;
    private long ownAt;

    /** A thing initialized anew: names asked for before are for another life of it. */
    void reset() {
        change++;
        own = null;
    }

    /** openHAB sent an action, or the device performed it. */
    void ownAction(LockAction action, long now) {
        own = action;
        ownAt = now;
    }

    /** The last action openHAB sent, for the log; null: none that still counts. */
    @Nullable
    LockAction lastOwnAction() {
        return own;
    }

    /** A new change to be named: its number. */
    int next() {
        return ++change;
    }

    /** The number of the newest change. */
    int current() {
        return change;
    }

    /** Whether a name found for a change may be shown: no newer change was reported meanwhile. */
    boolean isCurrent(int named) {
        return named == change;
    }

    /**
     * Whether openHAB's last action, sent a moment ago, passes through or ends in this state. It explains changes up
     * to its final state, once: a later change, or one it cannot explain, is someone else's.
     */
    boolean explains(DeviceState state, boolean inFlight, long now, OwnActions actions) {
        LockAction action = own;
        if (action == null || (!inFlight && now - ownAt >= actions.grace(action).toNanos())) {
            return false;
        }
        if (!actions.explains(action, state)) {
            // someone else moved the device, even while openHAB's action runs
            if (!inFlight) {
                own = null;
            }
            return false;
        }
        if (!inFlight && actions.ends(action, state)) {
            own = null;
        }
        return true;
    }

    /**
     * Whether a lock's report that Nuki's MQTT API acted is openHAB's own action: one was sent and is under way or
     * done a moment ago.
     */
    boolean ownByMqtt(boolean byMqtt, boolean inFlight, long now, Duration grace) {
        return byMqtt && own != null && (inFlight || now - ownAt < grace.toNanos());
    }
}
