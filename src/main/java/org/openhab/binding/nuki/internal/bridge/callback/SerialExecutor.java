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
package org.openhab.binding.nuki.internal.bridge.callback;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one after the other, in the order they were handed in, on the threads of another executor (openHAB's
 * scheduler, a pool). A bridge's callbacks go through one of these: the bridge posts them in order, and two of them
 * handed to the pool directly could be applied the other way round, leaving an older state on the channels.
 * <p>
 * Jetty 9.4's {@code SerializedExecutor} runs the tasks on the thread that hands them in, which here is the servlet's
 * request thread; the callback must not wait for the channel work, hence this small class.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class SerialExecutor implements Executor {

    private final Logger logger = LoggerFactory.getLogger(SerialExecutor.class);
    private final Executor executor;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    /** Whether a drain is queued on or running in {@link #executor}. */
    private boolean draining;

    SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    /**
     * Queues a task. A rejection by the underlying executor (it is shut down) is passed on to the caller, and the task
     * is not kept.
     */
    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (tasks) {
                tasks.clear();
                draining = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                @Nullable
                Runnable next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                task = next;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // one failing task must not stop the ones after it
                logger.debug("A callback task failed: {}", e.getMessage(), e);
            }
        }
    }
}
