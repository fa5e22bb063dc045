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
package org.openhab.binding.nuki.internal.api.client;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A failed bridge request: its {@link NukiFailure} and a message for people. Never carries a token or hash.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final NukiFailure failure;
    private final @Nullable Long clockSkewSeconds;

    public NukiApiException(NukiFailure failure, String message) {
        this(failure, message, null);
    }

    public NukiApiException(NukiFailure failure, String message, @Nullable Long clockSkewSeconds) {
        super(message);
        this.failure = failure;
        this.clockSkewSeconds = clockSkewSeconds;
    }

    public NukiFailure failure() {
        return failure;
    }

    /** For {@link NukiFailure#CLOCK_SKEW}: how many seconds the bridge's clock is ahead (negative: behind). */
    public @Nullable Long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    /** The NukiApiException behind a failed future's exception, or null. */
    public static @Nullable NukiApiException unwrap(@Nullable Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof NukiApiException nuki) {
                return nuki;
            }
            cause = cause.getCause();
        }
        return null;
    }
}
