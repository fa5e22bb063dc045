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
package org.openhab.binding.nuki.internal.handler;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What happened to a device's lock actions: asked for, refused at the gate, sent to the bridge, and how those ended.
 * Every asked action ends exactly once: {@code requested == refused + failedBeforeSending + succeeded + failed}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class ActionCounters {

    final AtomicLong requested = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failedBeforeSending = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    public long requested() {
        return requested.get();
    }

    /** Refused because unlatching was not allowed. */
    public long refused() {
        return refused.get();
    }

    /** Not sent because the thing was not online. */
    public long failedBeforeSending() {
        return failedBeforeSending.get();
    }

    public long sent() {
        return sent.get();
    }

    public long succeeded() {
        return succeeded.get();
    }

    /** Sent, but the bridge or the device did not perform it (or did not say so in time). */
    public long failed() {
        return failed.get();
    }

    /** Asked for and not ended yet. */
    public long pending() {
        return requested() - refused() - failedBeforeSending() - succeeded() - failed();
    }

    @Override
    public String toString() {
        return "requested " + requested() + ", refused " + refused() + ", not sent " + failedBeforeSending() + ", sent "
                + sent() + ", succeeded " + succeeded() + ", failed " + failed();
    }
}
