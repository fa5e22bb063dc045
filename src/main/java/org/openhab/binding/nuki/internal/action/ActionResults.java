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
package org.openhab.binding.nuki.internal.action;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Rule actions answer synchronously: this waits for a lock action's outcome, at most as long as the bridge may take.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class ActionResults {

    /** The longest a lock action may take: its timeout and retries of a busy bridge. */
    private static final long MAX_WAIT_SECONDS = 75;

    private ActionResults() {
    }

    static boolean await(CompletableFuture<Boolean> result) {
        try {
            return result.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
