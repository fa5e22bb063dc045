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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;

/**
 * The device lane over a scheduler as openHAB's (several threads): one task at a time, in the order posted, on the
 * scheduler's threads only, under concurrent posting, and on after a task that throws.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class DeviceLaneTest {

    private final AtomicInteger schedulerThreads = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "scheduler-" + schedulerThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final DeviceLane lane = new DeviceLane(scheduler,
            (name, error) -> failures.add(name + ": " + error.getMessage()));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void testTasksRunOneAtATimeInTheOrderPostedOnTheSchedulersThreads() throws Exception {
        int posters = 4;
        int perPoster = 2_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        // plain fields written and read only by lane tasks: the lane hands them over from task to task
        int[] ranOnLane = new int[1];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            int poster = p;
            List<Integer> numbers = new CopyOnWriteArrayList<>();
            seen.put(poster, numbers);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perPoster; i++) {
                    int number = i;
                    lane.post("task", () -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        numbers.add(number);
                        ranOnLane[0]++;
                        String name = Thread.currentThread().getName();
                        if (!threads.contains(name)) {
                            threads.add(name);
                        }
                        running.decrementAndGet();
                    });
                }
            });
            started.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        CountDownLatch done = new CountDownLatch(1);
        lane.post("last", done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS), is(true));
        assertThat(mostAtOnce.get(), is(1));
        assertThat(ranOnLane[0], is(posters * perPoster));
        for (List<Integer> numbers : seen.values()) {
            // each poster's tasks in the order it posted them
            for (int i = 0; i < perPoster; i++) {
                assertThat(numbers.get(i), is(i));
            }
        }
        assertThat(threads, everyItem(startsWith("scheduler-")));
        // the last task ran; the lane counts it done right after
        Await.until("the lane idle", () -> lane.waiting() == 0);
    }

    @Test
    void testATaskThatThrowsIsReportedAndTheLaneGoesOn() {
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.post("first", () -> ran.add("first"));
        lane.post("broken", () -> {
            throw new IllegalStateException("boom");
        });
        lane.post("after", () -> ran.add("after"));
        Await.until("the task after the broken one ran", () -> ran.contains("after"));
        assertThat(ran, contains("first", "after"));
        assertThat(failures, contains("broken: boom"));
    }

    @Test
    void testATaskPostedFromTheLaneRunsAfterTheCurrentOne() {
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.post("outer", () -> {
            lane.post("inner", () -> ran.add("inner"));
            ran.add("outer");
        });
        Await.until("both ran", () -> ran.size() == 2);
        assertThat(ran, contains("outer", "inner"));
    }

    @Test
    void testCallAnswersFromTheLaneAndCarriesAFailure() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.post("before", () -> ran.add("before"));
        String answer = lane.call("call", () -> {
            ran.add("call");
            return java.util.concurrent.CompletableFuture.completedFuture("answer");
        }).get(30, TimeUnit.SECONDS);
        assertThat(answer, is("answer"));
        assertThat(ran, contains("before", "call"));
        var failed = lane.<String> call("failing", () -> {
            throw new IllegalArgumentException("bad");
        });
        Await.until("failed", failed::isDone);
        assertThat(failed.isCompletedExceptionally(), is(true));
        assertThat(failures, contains("failing: bad"));
    }

    @Test
    void testATimerPostsItsTaskInTurnAndCanBeCancelled() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        ScheduledFuture<?> cancelled = lane.postLater("cancelled", Duration.ofMillis(50), () -> ran.add("cancelled"));
        cancelled.cancel(false);
        lane.postLater("timer", Duration.ofMillis(20), () -> ran.add("timer"));
        Await.until("the timer ran", () -> ran.contains("timer"));
        CountDownLatch done = new CountDownLatch(1);
        lane.postLater("after", Duration.ofMillis(100), done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS), is(true));
        assertThat(ran, contains("timer"));
    }

    @Test
    void testAStoppedSchedulerLeavesNothingWaiting() {
        scheduler.shutdownNow();
        lane.post("never", () -> {
        });
        assertThat(lane.waiting(), is(0));
    }
}
