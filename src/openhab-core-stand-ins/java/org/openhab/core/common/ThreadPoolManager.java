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
package org.openhab.core.common;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in: named, shared thread pools of daemon threads, as openHAB hands them to handlers and services. As in
 * openHAB, the pool handed out is a wrapper that cannot be shut down and is not a {@link ScheduledThreadPoolExecutor},
 * so no code (and no test) can look into its queue.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class ThreadPoolManager {

    public static final String THREAD_POOL_NAME_COMMON = "common";

    private static final Map<String, ScheduledExecutorService> SCHEDULED_POOLS = new ConcurrentHashMap<>();

    public static ScheduledExecutorService getScheduledPool(String poolName) {
        return Objects.requireNonNull(SCHEDULED_POOLS.computeIfAbsent(poolName, name -> {
            AtomicInteger count = new AtomicInteger();
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(5, runnable -> {
                Thread thread = new Thread(runnable, "OH-" + name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            return new UnstoppablePool(pool);
        }));
    }

    public static ExecutorService getPool(String poolName) {
        return getScheduledPool(poolName);
    }

    /** A shared pool: everything but stopping it goes to the pool behind (JDK signatures, no null defaults). */
    @NonNullByDefault({})
    private static final class UnstoppablePool implements ScheduledExecutorService {
        private final ScheduledExecutorService pool;

        UnstoppablePool(ScheduledExecutorService pool) {
            this.pool = pool;
        }

        @Override
        public void shutdown() {
            // shared: nobody stops it
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return pool.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return pool.submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return pool.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return pool.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return pool.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return pool.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return pool.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(Runnable command) {
            pool.execute(command);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return pool.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return pool.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return pool.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                TimeUnit unit) {
            return pool.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }
    }
}
