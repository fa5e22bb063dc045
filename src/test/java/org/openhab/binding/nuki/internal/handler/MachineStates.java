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
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;

/**
 * Device states for the state machines' table tests.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class MachineStates {

    /** A fake clock's steps, in nanoseconds. */
    static final long SECOND = 1_000_000_000L;

    private MachineStates() {
    }

    /**
     * A smart lock in a state (1 locked, 2 unlocking, 3 unlocked, 4 locking, 5 unlatched, 6 lock 'n' go, 7 unlatching).
     */
    static DeviceState lock(int state) {
        return lock(state, null);
    }

    /** A smart lock in a state with its door sensor (2 closed, 3 open). */
    static DeviceState lock(int state, @Nullable Integer door) {
        return new DeviceState(1, DeviceType.SMARTLOCK, DeviceMode.DOOR, state, false, false, 80, false, door, null,
                null, null);
    }
}
