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
package org.openhab.binding.nuki.internal.api.web;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The one door every request of an account goes through: it sends nothing while the cloud asked to wait (the request
 * then fails at once with {@link WebApiFailure#THROTTLED} and the time left), and turns each outcome into the account's
 * status.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface WebRequestGuard {

    /**
     * Sends the request unless the cloud asked to wait.
     *
     * @param scope the token scope the request needs beyond reading devices ({@code smartlock.auth},
     *            {@code smartlock.log})
     */
    <T> CompletableFuture<T> send(String scope, Supplier<CompletableFuture<T>> request);

    /** Sends every request at once (a client without an account, as in tests of the protocol layer alone). */
    static WebRequestGuard direct() {
        return new WebRequestGuard() {
            @Override
            public <T> CompletableFuture<T> send(String scope, Supplier<CompletableFuture<T>> request) {
                return request.get();
            }
        };
    }
}
