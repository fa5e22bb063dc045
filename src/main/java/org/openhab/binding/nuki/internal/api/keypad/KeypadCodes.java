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
package org.openhab.binding.nuki.internal.api.keypad;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A lock's keypad codes, from whichever source manages them (the Nuki Web account; Nuki Hub). Codes are found by
 * their name, which is unique on a lock. Every change is checked against {@link KeypadCodeRules} before anything is
 * sent; no answer, message or exception text ever contains a code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface KeypadCodes {

    /** The lock's keypad codes, without their codes. */
    CompletableFuture<List<KeypadCode>> list();

    /** Adds a code; refused with the rule it breaks when the lock would not take it. */
    CompletableFuture<KeypadWrite> add(KeypadCodeRequest request);

    /** Switches the code with this name on or off, keeping its validity. */
    CompletableFuture<KeypadWrite> setEnabled(String name, boolean enabled);

    /** Removes the code with this name. */
    CompletableFuture<KeypadWrite> remove(String name);
}
