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
 * {@code /lockState}. A poll that is still waiting in the queue absorbs the next
 * one, so a slow bridge does not pile up polls.
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

    /** Polls once now, besides the schedule. */
    public void pollNow() {
        long requestedAt = System.nanoTime();
        client.list().whenComplete((list, error) -> {
            if (error != null) {
                NukiApiException failure = NukiApiException.unwrap(error);
                onFailure.accept(failure != null ? failure
                        : new NukiApiException(NukiFailure.BAD_RESPONSE, String.valueOf(error.getMessage())));
            } else {
                onList.accept(new ListSnapshot(list, requestedAt));
            }
        });
    }

    public synchronized void stop() {
        ScheduledFuture<?> current = job;
        if (current != null) {
            current.cancel(false);
            job = null;
        }
    }
}
