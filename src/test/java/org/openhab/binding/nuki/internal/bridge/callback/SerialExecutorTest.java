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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;

/**
 * The executor a bridge's callbacks go through: on a pool of several threads, tasks still run one at a time and in the
 * order they were handed in; a failing task does not stop the rest.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void testTasksRunInOrderAndNeverTwoAtATime() {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        int count = 2000;
        for (int i = 0; i < count; i++) {
            int index = i;
            serial.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                ran.add(index);
                running.decrementAndGet();
            });
        }
        Await.until("all tasks", () -> ran.size() == count);
        assertThat(ran, is(IntStream.range(0, count).boxed().toList()));
        assertThat(mostAtOnce.get(), is(1));
    }

    @Test
    void testAFailingTaskDoesNotStopTheNextOnes() {
        SerialExecutor serial = new SerialExecutor(pool);
        List<String> ran = new CopyOnWriteArrayList<>();
        serial.execute(() -> ran.add("first"));
        serial.execute(() -> {
            throw new IllegalStateException("broken");
        });
        serial.execute(() -> ran.add("third"));
        Await.until("the third task", () -> ran.size() == 2);
        assertThat(ran, contains("first", "third"));
    }

    @Test
    void testARejectionReachesTheCallerAndTheExecutorRecovers() {
        AtomicInteger rejectionsLeft = new AtomicInteger(1);
        SerialExecutor serial = new SerialExecutor(task -> {
            if (rejectionsLeft.getAndDecrement() > 0) {
                throw new RejectedExecutionException("shut down");
            }
            pool.execute(task);
        });
        List<String> ran = new CopyOnWriteArrayList<>();
        assertThrows(RejectedExecutionException.class, () -> serial.execute(() -> ran.add("rejected")));
        serial.execute(() -> ran.add("accepted"));
        Await.until("the accepted task", () -> ran.size() == 1);
        assertThat(ran, contains("accepted"));
    }
}
