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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A failed Web API request: the failure, the HTTP status (0 without an answer) and, when the cloud said so, how long
 * to wait before the next request. The message never carries the token or a keypad code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class WebApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final WebApiFailure failure;
    private final int status;
    private final @Nullable Duration retryAfter;

    public WebApiException(WebApiFailure failure, int status, String message, @Nullable Duration retryAfter) {
        super(message);
        this.failure = failure;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public WebApiFailure failure() {
        return failure;
    }

    public int status() {
        return status;
    }

    /** How long the cloud asked to wait ({@code Retry-After}), or null when it did not say. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public static @Nullable WebApiException unwrap(@Nullable Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof WebApiException web) {
                return web;
            }
            cause = cause.getCause();
        }
        return null;
    }
}
