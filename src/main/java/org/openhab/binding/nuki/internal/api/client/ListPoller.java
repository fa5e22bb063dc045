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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reconciliation: asks {@code /list} (the bridge's cached states, no Bluetooth, no battery cost) at a fixed delay and
 * hands the answer on, stamped with the moment it was asked for (see {@link ListSnapshot}). It never asks
 * {@code /lockState}. Polls asked for while one is under way become a single poll after it, so a slow bridge does not
 * pile up polls and the handler does not reconcile the same answer several times.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class ListPoller {

    private final NukiBridgeClient client;
    private final ScheduledExecutorService scheduler;
    private final Consumer<ListSnapshot> onList;
    private final Consumer<NukiApiException> onFailure;
    private @Nullable ScheduledFuture<?> job;
    /** A poll is under way (asked for, not answered yet). */
    private boolean polling;
    /** Somebody asked for a poll while one was under way. */
    private boolean pollAgain;

    public ListPoller(NukiBridgeClient client, ScheduledExecutorService scheduler, Consumer<ListSnapshot> onList,
            Consumer<NukiApiException> onFailure) {
        this.client = client;
        this.scheduler = scheduler;
        this.onList = onList;
        this.onFailure = onFailure;
    }

    /** (Re)starts polling: the first poll right away, then one every {@code interval}. */
    public synchronized void start(Duration interval) {
        stop();
        job = scheduler.scheduleWithFixedDelay(this::pollNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Polls once now, besides the schedule. While a poll is under way, the calls that come meanwhile make one more
     * poll after it, asked for once it has been answered: its answer may predate what they want to see, and each
     * answer reaches the handler once, not once per caller.
     */
    public void pollNow() {
        synchronized (this) {
            if (polling) {
                pollAgain = true;
                return;
            }
            polling = true;
        }
        poll();
    }

    private void poll() {
        long requestedAt = System.nanoTime();
        client.list().whenComplete((list, error) -> {
            try {
                if (error != null) {
                    NukiApiException failure = NukiApiException.unwrap(error);
                    onFailure.accept(failure != null ? failure
                            : new NukiApiException(NukiFailure.BAD_RESPONSE, String.valueOf(error.getMessage())));
                } else {
                    onList.accept(new ListSnapshot(list, requestedAt));
                }
            } finally {
                boolean again;
                synchronized (this) {
                    again = pollAgain;
                    pollAgain = false;
                    polling = again;
                }
                if (again) {
                    poll();
                }
            }
        });
    }

    public synchronized void stop() {
        pollAgain = false;
        ScheduledFuture<?> current = job;
        if (current != null) {
            current.cancel(false);
            job = null;
        }
    }
}
