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
package org.openhab.binding.nuki.internal.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.web.WebLogEntryDto;

/**
 * A smart lock or opener as a Nuki Web account knows it, and what the account does for its thing: names, keypad
 * codes, the activity log. Nothing here moves the door: lock actions go through the thing's local transport only.
 *
 * @param smartlockId the device's Web id (device type digit before the Nuki id)
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record AccountDevice(NukiAccountHandler account, long smartlockId, String name) {

    /** The name behind a lock's {@code authId}/{@code codeId} (Nuki's MQTT API reports them); empty: nobody known. */
    public CompletableFuture<Optional<String>> nameForEvent(int authId, int codeId) {
        return account.nameForEvent(smartlockId, authId, codeId);
    }

    /**
     * The name behind a change no one reported (a Nuki Bridge's callback), from one read of the activity log a moment
     * after the change.
     *
     * @param actions the log's action codes that end in the reported state
     */
    public CompletableFuture<Optional<String>> nameFromLog(Set<Integer> actions, Instant changedAt) {
        return account.nameFromLog(smartlockId, actions, changedAt);
    }

    /** The device's keypad codes, managed through the account. */
    public KeypadCodes keypadCodes() {
        return account.keypadCodes(smartlockId);
    }

    /** The newest entries of the device's activity log, newest first (at most 50). */
    public CompletableFuture<List<WebLogEntryDto>> log(int limit) {
        return account.log(smartlockId, limit);
    }
}
