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
    UNLOCK(1, false, false),
    LOCK(2, false, false),
    UNLATCH(3, false, true),
    LOCK_N_GO(4, false, false),
    LOCK_N_GO_WITH_UNLATCH(5, false, true),
    /** Locks with an extra turn; bridge-less locks only (Nuki MQTT API), not a Nuki Bridge's /lockAction. */
    FULL_LOCK(6, false, false),
    // opener
    ACTIVATE_RING_TO_OPEN(1, true, false),
    DEACTIVATE_RING_TO_OPEN(2, true, false),
    ELECTRIC_STRIKE_ACTUATION(3, true, true),
    ACTIVATE_CONTINUOUS_MODE(4, true, false),
    DEACTIVATE_CONTINUOUS_MODE(5, true, false),
    UNKNOWN(-1, false, false);

    private final int code;
    private final boolean opener;
    private final boolean opensTheDoor;

    LockAction(int code, boolean opener, boolean opensTheDoor) {
        this.code = code;
        this.opener = opener;
        this.opensTheDoor = opensTheDoor;
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
        return opensTheDoor;
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
