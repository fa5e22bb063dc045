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

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in: named, shared thread pools of daemon threads, as openHAB hands them to handlers and services. openHAB
 * 5.2.1 hands out its scheduled pool itself (a {@link ScheduledThreadPoolExecutor} that removes cancelled tasks);
 * later releases wrap it. No code and no test of the binding may rely on the pool's class or look into its queue.
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
            return pool;
        }));
    }

    public static ExecutorService getPool(String poolName) {
        return getScheduledPool(poolName);
    }
}
