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
 * Watches the states a device reports: a transitional one (unlocking, lock 'n' go, opening) that lasts longer than
 * its action can take makes the transport ask for the device's state, once per episode (from the first transitional
 * state to the next settled one); a settled state ends the episode. The timer is a request the caller carries out on
 * its scheduler; a timer that fires tells its number, and only the newest one counts.
 *
 * Not thread-safe: one device's lane owns it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class TransitionalWatch {

    /** What the caller does with its timer. */
    sealed interface Request permits Keep, Cancel, Start {
    }

    /** Nothing changes: a timer running keeps running. */
    record Keep() implements Request {
    }

    /** Cancels the timer running, if any. */
    record Cancel() implements Request {
    }

    /** Cancels the timer running, if any, and starts one that fires {@code timer} after {@code delay}. */
    record Start(int timer, Duration delay) implements Request {
    }

    static final Request KEEP = new Keep();
    static final Request CANCEL = new Cancel();

    private int watchedCode = -1;
    private boolean checked;
    private int timer;

    /**
     * A state was reported.
     *
     * @param timeout how long the state may last, or null when it is a settled state
     */
    Request reported(DeviceState state, @Nullable Duration timeout) {
        if (timeout == null) {
            return stop();
        }
        if (checked || state.stateCode() == watchedCode) {
            return KEEP;
        }
        // a new transitional state of the same episode (unlocking, then lock 'n' go) is given its own time
        watchedCode = state.stateCode();
        return new Start(++timer, timeout);
    }

    /** Ends the episode (a settled state, a thing initialized anew or disposed). */
    Request stop() {
        watchedCode = -1;
        checked = false;
        timer++;
        return CANCEL;
    }

    /**
     * A timer fired.
     *
     * @param current the state the device reports now
     * @return whether to ask the transport for the device's state (once per episode)
     */
    boolean fired(int firedTimer, @Nullable DeviceState current) {
        if (firedTimer != timer || checked || current == null || current.stateCode() != watchedCode) {
            return false;
        }
        checked = true;
        return true;
    }
}
