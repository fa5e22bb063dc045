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

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * One device's serial lane: every input of a device thing is posted here and handled one at a time, in the order it
 * was posted, on a thread of the scheduler it is given (openHAB's). It has no thread of its own: while tasks are
 * waiting, one scheduler task runs them, and hands over to a fresh scheduler task after a batch so that one busy
 * device never holds a scheduler thread for long. What a task writes, the next task sees (the queue hands it over),
 * so code that runs only on the lane needs no locks.
 *
 * A task that throws is reported to the failure handler and the lane goes on with the next one.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceLane {

    /** How many tasks one scheduler task runs before it hands over. */
    static final int BATCH = 32;

    private final ScheduledExecutorService scheduler;
    private final BiConsumer<String, RuntimeException> onFailure;
    private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
    /** Tasks posted and not run yet; the one that makes it leave zero starts a drain. */
    private final AtomicInteger waiting = new AtomicInteger();

    private record Task(String name, Runnable body) {
    }

    /**
     * @param onFailure told of a task that threw (its name, what it threw); the lane goes on
     */
    public DeviceLane(ScheduledExecutorService scheduler, BiConsumer<String, RuntimeException> onFailure) {
        this.scheduler = scheduler;
        this.onFailure = onFailure;
    }

    /** Handles a task after every task posted before it. */
    public void post(String name, Runnable task) {
        tasks.add(new Task(name, task));
        if (waiting.getAndIncrement() == 0) {
            start();
        }
    }

    /** Computes a value on the lane, after every task posted before it. */
    public <T> CompletableFuture<T> call(String name, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        post(name, () -> {
            try {
                task.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    /**
     * Posts a task once a delay has passed (a timer of the device): the scheduler waits, the lane runs it in turn.
     *
     * @return the timer, to cancel it; a timer that fires after it was cancelled is still posted if it was already
     *         on its way, so the task itself checks whether it is still due
     */
    public ScheduledFuture<?> postLater(String name, Duration delay, Runnable task) {
        return scheduler.schedule(() -> post(name, task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Tasks posted and not finished yet (0: idle). */
    public int waiting() {
        return waiting.get();
    }

    private void start() {
        try {
            scheduler.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the scheduler is shut down (openHAB stops): nothing will run any more, and nothing is waited for
            tasks.clear();
            waiting.set(0);
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Task task = tasks.poll();
            if (task != null) {
                try {
                    task.body().run();
                } catch (RuntimeException e) {
                    onFailure.accept(task.name(), e);
                }
            }
            if (waiting.decrementAndGet() == 0) {
                return;
            }
        }
        start();
    }
}
