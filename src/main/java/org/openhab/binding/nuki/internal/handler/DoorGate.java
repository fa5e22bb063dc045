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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;

/**
 * The door gate, as a decision: whether a lock action may reach the device, given the thing's switches and the state
 * the device last reported. Every action of every transport passes it, in {@link NukiDeviceHandler#perform}, before
 * anything is sent. It holds nothing: the handler asks it with what it knows.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class DoorGate {

    /** What the gate says, and why (for the log). */
    public enum Verdict {
        ALLOWED(""),
        /** An action that opens the door or arms the opener while {@code unlatch-allowed} is OFF. */
        UNLATCH_NOT_ALLOWED("unlatch-allowed is OFF"),
        /** An action that unlocks, opens or arms while {@code unlock-allowed} is OFF. */
        UNLOCK_NOT_ALLOWED("unlock-allowed is OFF, openHAB may only lock"),
        /** An action that opens the door while {@code unlatchOnlyWhenUnlocked} is on and the lock is not unlocked. */
        NOT_UNLOCKED_FIRST("unlatchOnlyWhenUnlocked is on and the lock did not report UNLOCKED; unlock it first");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public boolean allowed() {
            return this == ALLOWED;
        }

        /** Why an action was refused, in words for the log; empty when it was allowed. */
        public String reason() {
            return reason;
        }
    }

    /**
     * What the thing's switches are when an action is asked for.
     *
     * @param unlatchAllowed the {@code unlatch-allowed} switch
     * @param unlockAllowed the {@code unlock-allowed} switch
     * @param opensOnlyWhenUnlocked whether opening takes two deliberate steps ({@code unlatchOnlyWhenUnlocked})
     */
    public record Switches(boolean unlatchAllowed, boolean unlockAllowed, boolean opensOnlyWhenUnlocked) {
    }

    private DoorGate() {
    }

    /**
     * Decides one action, checked in this order:
     * <ol>
     * <li>an action that opens the door (smart lock 3 and 5, opener 3) or arms the opener (ring to open, continuous
     * mode) while {@code unlatch-allowed} is OFF;</li>
     * <li>an action that unlocks, opens or arms (everything but locking) while {@code unlock-allowed} is OFF;</li>
     * <li>an action that opens the door where the thing asks for two deliberate steps
     * ({@code unlatchOnlyWhenUnlocked}), unless the device last reported UNLOCKED.</li>
     * </ol>
     *
     * @param lastReported the state the device last reported, or null when it reported none
     */
    public static Verdict decide(LockAction action, Switches switches, @Nullable DeviceState lastReported) {
        if ((action.opensTheDoor() || action.armsTheOpener()) && !switches.unlatchAllowed()) {
            return Verdict.UNLATCH_NOT_ALLOWED;
        }
        if (action.unlocksTheDoor() && !switches.unlockAllowed()) {
            return Verdict.UNLOCK_NOT_ALLOWED;
        }
        if (action.opensTheDoor() && switches.opensOnlyWhenUnlocked()
                && (lastReported == null || lastReported.smartLockState() != SmartLockState.UNLOCKED)) {
            return Verdict.NOT_UNLOCKED_FIRST;
        }
        return Verdict.ALLOWED;
    }
}
