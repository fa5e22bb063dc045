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
import java.util.Random;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Exponential back-off with jitter for a busy bridge: the n-th retry waits between half and all of
 * {@code min(initial * 2^(n-1), max)}, so clients that collided do not collide again in step.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class RetryPolicy {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(2),
            new Random());

    private final Duration initial;
    private final Duration max;
    private final Random random;

    public RetryPolicy(Duration initial, Duration max, Random random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(ceiling, max.toMillis());
        long half = capped / 2;
        long jitter;
        synchronized (random) {
            jitter = half == 0 ? 0 : (long) (random.nextDouble() * (capped - half + 1));
        }
        return Duration.ofMillis(half + jitter);
    }
}
