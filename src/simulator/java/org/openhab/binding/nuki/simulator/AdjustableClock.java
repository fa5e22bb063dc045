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
package org.openhab.binding.nuki.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The simulator's clock: the system clock, or a fixed instant that tests move by hand, plus an offset that can be
 * changed at any time.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class AdjustableClock extends Clock {

    private final boolean fixed;
    private volatile Instant base;
    private volatile Duration offset = Duration.ZERO;

    private AdjustableClock(boolean fixed, Instant base) {
        this.fixed = fixed;
        this.base = base;
    }

    /** Follows the system clock. */
    public static AdjustableClock system() {
        return new AdjustableClock(false, Instant.EPOCH);
    }

    /** Stands still at the given instant until {@link #advance} moves it. */
    public static AdjustableClock fixedAt(Instant instant) {
        return new AdjustableClock(true, instant);
    }

    public void advance(Duration duration) {
        if (fixed) {
            base = base.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    @Override
    public Instant instant() {
        return (fixed ? base : Instant.now()).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(@Nullable ZoneId zone) {
        throw new UnsupportedOperationException("The simulator works in UTC");
    }
}
