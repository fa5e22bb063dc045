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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Posts callback bodies to the registered URLs, one event after the other, on a thread of its own so that the API
 * never waits for it. Fault switches: drop every callback, delay each event, and let the first registered URL's
 * failure keep the others from being notified (as observed on real bridges, fact sheet section 4).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class CallbackSender {

    private final ExecutorService executor;
    private final HttpClient http;
    private final SimulatorStats stats;
    private final BridgeLog log;
    private final Clock clock;
    private final AtomicInteger pending = new AtomicInteger();

    volatile boolean drop;
    /** How many of the next events are lost (each for every URL), as a bridge that misses pushing a state. */
    final java.util.concurrent.atomic.AtomicInteger loseNext = new java.util.concurrent.atomic.AtomicInteger();
    volatile Duration delay = Duration.ZERO;
    volatile boolean firstFailureBlocksRest;
    volatile Duration postTimeout = Duration.ofSeconds(5);
    /** While set, queued events wait for it before they leave (held up on the way, in order). */
    final AtomicReference<@Nullable CountDownLatch> held = new AtomicReference<>();

    CallbackSender(SimulatorStats stats, BridgeLog log, Clock clock) {
        this.stats = stats;
        this.log = log;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nuki-simulator-callbacks-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Queues one event for every URL registered now. */
    void send(List<String> urls, String body) {
        if (urls.isEmpty()) {
            return;
        }
        if (drop || loseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            stats.recordDropped();
            return;
        }
        pending.incrementAndGet();
        Duration eventDelay = delay;
        executor.execute(() -> {
            try {
                if (!eventDelay.isZero()) {
                    Thread.sleep(eventDelay.toMillis());
                }
                CountDownLatch gate = held.get();
                if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                    log.add(clock.instant(), "HTTP-PushHeldTooLong", Map.of());
                }
                for (int i = 0; i < urls.size(); i++) {
                    boolean delivered = post(urls.get(i), body);
                    if (!delivered && i == 0 && firstFailureBlocksRest) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private boolean post(String url, String body) throws InterruptedException {
        boolean delivered;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(postTimeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            delivered = status >= 200 && status < 300;
        } catch (IOException | IllegalArgumentException e) {
            delivered = false;
        }
        stats.recordDelivery(new SimulatorStats.CallbackDelivery(url, body, delivered, clock.instant()));
        if (!delivered) {
            log.add(clock.instant(), "HTTP-PostTimeout", Map.of("url", url));
        }
        return delivered;
    }

    /** Events queued or being posted. */
    int pending() {
        return pending.get();
    }

    void shutdown() {
        executor.shutdownNow();
        http.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
