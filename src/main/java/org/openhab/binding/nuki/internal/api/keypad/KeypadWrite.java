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

import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The answer to a change of keypad codes. Changes reach the lock later than they are accepted (the Nuki Web cloud
 * queues them), so an accepted change carries a follow-up that completes once the lock has it, or with false when
 * that was not seen within a bounded wait.
 *
 * @param accepted whether the change was taken; false: refused, and {@link #message} says why
 * @param message what happened, in words a user can act on; never a code
 * @param onTheLock completes with true once the lock has the change, false when that was not seen in time (already
 *            complete with false for a refused change)
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record KeypadWrite(boolean accepted, String message, CompletableFuture<Boolean> onTheLock) {

    public static KeypadWrite refused(String message) {
        return new KeypadWrite(false, message, CompletableFuture.completedFuture(false));
    }

    public static KeypadWrite accepted(String message, CompletableFuture<Boolean> onTheLock) {
        return new KeypadWrite(true, message, onTheLock);
    }
}
