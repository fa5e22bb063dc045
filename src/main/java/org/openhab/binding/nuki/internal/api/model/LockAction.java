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
package org.openhab.binding.nuki.internal.api.model;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A lock action of {@code /lockAction} (Bridge HTTP API 4.4). The same codes mean different things for smart locks
 * and openers, so each device kind has its own constants; {@link #UNKNOWN} stands for a code this binding does not
 * send.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum LockAction {
    // smart lock
    UNLOCK(1, false, Effect.UNLOCKS),
    LOCK(2, false, Effect.LOCKS),
    UNLATCH(3, false, Effect.OPENS),
    LOCK_N_GO(4, false, Effect.UNLOCKS),
    LOCK_N_GO_WITH_UNLATCH(5, false, Effect.OPENS),
    /** Locks with an extra turn; bridge-less locks only (Nuki MQTT API), not a Nuki Bridge's /lockAction. */
    FULL_LOCK(6, false, Effect.LOCKS),
    // opener
    ACTIVATE_RING_TO_OPEN(1, true, Effect.ARMS),
    DEACTIVATE_RING_TO_OPEN(2, true, Effect.LOCKS),
    ELECTRIC_STRIKE_ACTUATION(3, true, Effect.OPENS),
    ACTIVATE_CONTINUOUS_MODE(4, true, Effect.ARMS),
    DEACTIVATE_CONTINUOUS_MODE(5, true, Effect.LOCKS),
    /** Never sent; counted as unlocking, so that a switch that forbids unlocking refuses it too. */
    UNKNOWN(-1, false, Effect.UNLOCKS);

    /** What an action does to the door. */
    private enum Effect {
        /** Locks, or ends what lets the door open (the opener's ring to open and continuous mode off). */
        LOCKS,
        /** Unlocks without opening: the door opens by hand (lock 'n' go unlocks first). */
        UNLOCKS,
        /** Pulls the latch or buzzes the door open. */
        OPENS,
        /** Arms the opener: the next ring (ring to open) or every ring (continuous mode) opens the door. */
        ARMS
    }

    private final int code;
    private final boolean opener;
    private final Effect effect;

    LockAction(int code, boolean opener, Effect effect) {
        this.code = code;
        this.opener = opener;
        this.effect = effect;
    }

    public int code() {
        return code;
    }

    /** Whether this is an opener's action (as opposed to a smart lock's). */
    public boolean isOpenerAction() {
        return opener;
    }

    /**
     * Whether the action pulls the latch or buzzes the door open: smart-lock actions 3 and 5, opener action 3. These
     * are the actions the {@code unlatch-allowed} switch gates.
     */
    public boolean opensTheDoor() {
        return effect == Effect.OPENS;
    }

    /**
     * Whether the action arms the opener so that a ring opens the door: ring to open and continuous mode on. The
     * {@code unlatch-allowed} switch gates them like an opening.
     */
    public boolean armsTheOpener() {
        return effect == Effect.ARMS;
    }

    /**
     * Whether the action unlocks, opens or arms the door to open: everything but locking. These are the actions the
     * {@code unlock-allowed} switch gates.
     */
    public boolean unlocksTheDoor() {
        return effect != Effect.LOCKS;
    }

    public static LockAction of(int code, boolean forOpener) {
        for (LockAction action : values()) {
            if (action.code == code && action.opener == forOpener && action != UNKNOWN) {
                return action;
            }
        }
        return UNKNOWN;
    }
}
