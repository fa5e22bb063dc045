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
import static org.openhab.binding.nuki.internal.handler.DoorGate.Verdict.*;
import static org.openhab.binding.nuki.internal.handler.MachineStates.lock;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.handler.DoorGate.Switches;
import org.openhab.binding.nuki.internal.handler.DoorGate.Verdict;

/**
 * The door gate as a table: action, switches and last reported state in, the verdict out.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class DoorGateTest {

    private record Row(LockAction action, boolean unlatchAllowed, boolean unlockAllowed, boolean onlyWhenUnlocked,
            @Nullable DeviceState last, Verdict expected) {

        Row(LockAction action, boolean unlatchAllowed, boolean onlyWhenUnlocked, @Nullable DeviceState last,
                Verdict expected) {
            this(action, unlatchAllowed, true, onlyWhenUnlocked, last, expected);
        }
    }

    @Test
    void testTheTable() {
        List<Row> table = List.of(
                // what does not open the door always passes
                new Row(LockAction.UNLOCK, false, true, null, ALLOWED),
                new Row(LockAction.LOCK, false, true, lock(3), ALLOWED),
                new Row(LockAction.LOCK_N_GO, false, false, lock(1), ALLOWED),
                new Row(LockAction.FULL_LOCK, false, false, lock(1), ALLOWED),
                new Row(LockAction.DEACTIVATE_RING_TO_OPEN, false, false, null, ALLOWED),
                new Row(LockAction.DEACTIVATE_CONTINUOUS_MODE, false, false, null, ALLOWED),
                // arming the opener is refused like an opening
                new Row(LockAction.ACTIVATE_RING_TO_OPEN, false, false, null, UNLATCH_NOT_ALLOWED),
                new Row(LockAction.ACTIVATE_CONTINUOUS_MODE, false, false, null, UNLATCH_NOT_ALLOWED),
                new Row(LockAction.ACTIVATE_RING_TO_OPEN, true, false, null, ALLOWED),
                // unlock-allowed OFF: openHAB may only lock
                new Row(LockAction.UNLOCK, true, false, false, lock(1), UNLOCK_NOT_ALLOWED),
                new Row(LockAction.LOCK_N_GO, true, false, false, lock(1), UNLOCK_NOT_ALLOWED),
                new Row(LockAction.UNLATCH, true, false, false, lock(3), UNLOCK_NOT_ALLOWED),
                new Row(LockAction.ACTIVATE_RING_TO_OPEN, true, false, false, null, UNLOCK_NOT_ALLOWED),
                new Row(LockAction.ELECTRIC_STRIKE_ACTUATION, true, false, false, null, UNLOCK_NOT_ALLOWED),
                new Row(LockAction.LOCK, true, false, false, lock(3), ALLOWED),
                new Row(LockAction.FULL_LOCK, true, false, false, lock(3), ALLOWED),
                new Row(LockAction.DEACTIVATE_RING_TO_OPEN, true, false, false, null, ALLOWED),
                // unlatch-allowed is checked first
                new Row(LockAction.UNLATCH, false, false, false, lock(3), UNLATCH_NOT_ALLOWED),
                new Row(LockAction.ACTIVATE_CONTINUOUS_MODE, false, false, false, null, UNLATCH_NOT_ALLOWED),
                // and two deliberate steps last
                new Row(LockAction.UNLATCH, true, false, true, lock(1), UNLOCK_NOT_ALLOWED),
                // unlatch-allowed OFF refuses every opening, whatever the state
                new Row(LockAction.UNLATCH, false, false, lock(3), UNLATCH_NOT_ALLOWED),
                new Row(LockAction.LOCK_N_GO_WITH_UNLATCH, false, false, lock(3), UNLATCH_NOT_ALLOWED),
                new Row(LockAction.ELECTRIC_STRIKE_ACTUATION, false, false, null, UNLATCH_NOT_ALLOWED),
                new Row(LockAction.UNLATCH, false, true, null, UNLATCH_NOT_ALLOWED),
                // allowed, one step
                new Row(LockAction.UNLATCH, true, false, lock(1), ALLOWED),
                new Row(LockAction.UNLATCH, true, false, null, ALLOWED),
                new Row(LockAction.ELECTRIC_STRIKE_ACTUATION, true, false, null, ALLOWED),
                // two deliberate steps: only from UNLOCKED
                new Row(LockAction.UNLATCH, true, true, lock(3), ALLOWED),
                new Row(LockAction.LOCK_N_GO_WITH_UNLATCH, true, true, lock(3), ALLOWED),
                new Row(LockAction.UNLATCH, true, true, lock(1), NOT_UNLOCKED_FIRST),
                new Row(LockAction.UNLATCH, true, true, lock(2), NOT_UNLOCKED_FIRST),
                new Row(LockAction.UNLATCH, true, true, lock(5), NOT_UNLOCKED_FIRST),
                new Row(LockAction.UNLATCH, true, true, null, NOT_UNLOCKED_FIRST));
        for (Row row : table) {
            Verdict verdict = DoorGate.decide(row.action(),
                    new Switches(row.unlatchAllowed(), row.unlockAllowed(), row.onlyWhenUnlocked()), row.last());
            assertThat(row.toString(), verdict, is(row.expected()));
            assertThat(row.toString(), verdict.reason().isEmpty(), is(verdict.allowed()));
        }
    }
}
