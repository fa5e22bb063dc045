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

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Timeouts, retry deadlines and back-off of the requests to one bridge, and how often its callback table is checked.
 * {@link #DEFAULT} takes them from {@link RequestType}; tests and benchmarks shorten them.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class RequestTimings {

    /** How often the callback table is checked when nothing gives a reason to. */
    public static final Duration CALLBACK_CHECK_PERIOD = Duration.ofMinutes(15);

    public static final RequestTimings DEFAULT = new RequestTimings(Map.of(), Map.of(), RetryPolicy.DEFAULT,
            CALLBACK_CHECK_PERIOD);

    private final Map<RequestType, Duration> timeouts;
    private final Map<RequestType, Duration> deadlines;
    private final RetryPolicy retryPolicy;
    private final Duration callbackCheckPeriod;

    private RequestTimings(Map<RequestType, Duration> timeouts, Map<RequestType, Duration> deadlines,
            RetryPolicy retryPolicy, Duration callbackCheckPeriod) {
        this.timeouts = timeouts;
        this.deadlines = deadlines;
        this.retryPolicy = retryPolicy;
        this.callbackCheckPeriod = callbackCheckPeriod;
    }

    /** The same timings with every type's timeout and deadline capped. */
    public RequestTimings capped(Duration maxTimeout, Duration maxDeadline) {
        Map<RequestType, Duration> newTimeouts = new EnumMap<>(RequestType.class);
        Map<RequestType, Duration> newDeadlines = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            newTimeouts.put(type, min(timeout(type), maxTimeout));
            newDeadlines.put(type, min(deadline(type), maxDeadline));
        }
        return new RequestTimings(newTimeouts, newDeadlines, retryPolicy, callbackCheckPeriod);
    }

    public RequestTimings withRetryPolicy(RetryPolicy policy) {
        return new RequestTimings(timeouts, deadlines, policy, callbackCheckPeriod);
    }

    /** The same timings with another period for the callback table check (benchmarks compress time with it). */
    public RequestTimings withCallbackCheckPeriod(Duration period) {
        return new RequestTimings(timeouts, deadlines, retryPolicy, period);
    }

    /** How long the callback table goes unchecked while nothing gives a reason to check it. */
    public Duration callbackCheckPeriod() {
        return callbackCheckPeriod;
    }

    public Duration timeout(RequestType type) {
        return timeouts.getOrDefault(type, type.timeout());
    }

    public Duration deadline(RequestType type) {
        return deadlines.getOrDefault(type, type.deadline());
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
