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

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line of requests to a bridge, which serves one request at a time and answers 503 to a second one.
 * <ul>
 * <li>Exactly one request is in flight; the next leaves when the previous answered.</li>
 * <li>Commands go ahead of maintenance calls, which go ahead of polls; each kind keeps its order.</li>
 * <li>An identical mergeable request already waiting answers a new one too (a burst of /list becomes one).</li>
 * <li>A 503 (another client is talking to the bridge) is retried after an exponential back-off with jitter, as long as
 * the request's deadline allows; meanwhile the line waits, and a command that arrives goes first.</li>
 * <li>Every request completes exactly once, with the bridge's answer or a {@link NukiApiException}.</li>
 * </ul>
 * No thread of its own: work runs on the given scheduler and on the transport's callbacks, and callers' futures are
 * completed on the scheduler.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class RequestQueue {

    /** One request and what the queue knows about it. */
    private static final class Entry {
        final RequestType type;
        final String mergeKey;
        final Supplier<URI> uri;
        final Duration timeout;
        final long sequence;
        final long deadlineNanos;
        final CompletableFuture<BridgeTransport.Response> result = new CompletableFuture<>();
        int attempts;

        Entry(RequestType type, String mergeKey, Supplier<URI> uri, Duration timeout, long sequence,
                long deadlineNanos) {
            this.type = type;
            this.mergeKey = mergeKey;
            this.uri = uri;
            this.timeout = timeout;
            this.sequence = sequence;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry> comparingInt(e -> e.type.priority().ordinal())
            .thenComparingLong(e -> e.sequence);

    private final Logger logger = LoggerFactory.getLogger(RequestQueue.class);

    private final BridgeTransport transport;
    private final ScheduledExecutorService scheduler;
    private final RequestTimings timings;
    private final String bridgeName;

    private final PriorityQueue<Entry> waiting = new PriorityQueue<>(ORDER);
    private @Nullable Entry inFlight;
    private boolean backingOff;
    private boolean closed;
    private long sequence;

    private long sent;
    private long merged;
    private long retried;

    /**
     * @param bridgeName how log lines name the bridge (its address, never a secret)
     */
    public RequestQueue(BridgeTransport transport, ScheduledExecutorService scheduler, RequestTimings timings,
            String bridgeName) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.timings = timings;
        this.bridgeName = bridgeName;
    }

    /**
     * Queues a request.
     *
     * @param mergeKey what makes two requests identical (path and parameters without authentication)
     * @param uri makes the URI with fresh authentication, for each attempt
     * @param timeout how long one attempt may take
     * @return the bridge's answer (any status but 503), or a failed future with a {@link NukiApiException}
     */
    public CompletableFuture<BridgeTransport.Response> submit(RequestType type, String mergeKey, Supplier<URI> uri,
            Duration timeout) {
        Entry entry;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(
                        new NukiApiException(NukiFailure.CANCELLED, "The connection to the bridge was closed."));
            }
            if (type.mergeable()) {
                for (Entry waitingEntry : waiting) {
                    if (waitingEntry.type == type && waitingEntry.mergeKey.equals(mergeKey)) {
                        merged++;
                        return waitingEntry.result.copy();
                    }
                }
            }
            entry = new Entry(type, mergeKey, uri, timeout, sequence++,
                    System.nanoTime() + timings.deadline(type).toNanos());
            waiting.add(entry);
        }
        dispatch();
        return entry.result.copy();
    }

    /** Sends the next request if the line is free. */
    private void dispatch() {
        Entry next;
        synchronized (this) {
            if (inFlight != null || backingOff || closed || waiting.isEmpty()) {
                return;
            }
            next = Objects.requireNonNull(waiting.poll());
            inFlight = next;
            sent++;
        }
        URI uri;
        try {
            uri = next.uri.get();
        } catch (RuntimeException e) {
            finish(next, null, e);
            return;
        }
        if (logger.isTraceEnabled()) {
            logger.trace("Bridge {}: GET {} (attempt {})", bridgeName, SecretRedactor.redact(uri.toString()),
                    next.attempts + 1);
        }
        transport.get(uri, next.timeout).whenCompleteAsync((response, error) -> finish(next, response, error),
                scheduler);
    }

    private void finish(Entry entry, BridgeTransport.@Nullable Response response, @Nullable Throwable error) {
        boolean retry = false;
        Duration backoff = Duration.ZERO;
        synchronized (this) {
            if (entry.equals(inFlight)) {
                inFlight = null;
            }
            if (error == null && response != null && response.status() == 503) {
                backoff = timings.retryPolicy().delay(entry.attempts + 1);
                if (!closed && System.nanoTime() + backoff.toNanos() < entry.deadlineNanos) {
                    entry.attempts++;
                    retried++;
                    waiting.add(entry);
                    backingOff = true;
                    retry = true;
                }
            }
        }
        if (retry) {
            logger.debug("Bridge {} is busy (503); retrying {} in {} ms", bridgeName, entry.type.path(),
                    backoff.toMillis());
            scheduler.schedule(this::resume, backoff.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (error != null) {
            fail(entry, translate(error, entry));
        } else if (response == null) {
            fail(entry, new NukiApiException(NukiFailure.BAD_RESPONSE, "The bridge sent no answer."));
        } else if (response.status() == 503) {
            fail(entry, new NukiApiException(NukiFailure.BUSY, "The bridge stayed busy (HTTP 503) for "
                    + timings.deadline(entry.type).toSeconds() + " s; another app is using it heavily."));
        } else {
            scheduler.execute(() -> entry.result.complete(response));
        }
        dispatch();
    }

    private void resume() {
        synchronized (this) {
            backingOff = false;
        }
        dispatch();
    }

    private void fail(Entry entry, NukiApiException failure) {
        scheduler.execute(() -> entry.result.completeExceptionally(failure));
    }

    private NukiApiException translate(Throwable error, Entry entry) {
        Throwable cause = error;
        Throwable next;
        while ((next = cause.getCause()) != null && !(cause instanceof TimeoutException)
                && !(cause instanceof ConnectException)) {
            cause = next;
        }
        if (cause instanceof NukiApiException nuki) {
            return nuki;
        }
        if (cause instanceof TimeoutException) {
            return new NukiApiException(NukiFailure.TIMEOUT,
                    "The bridge did not answer " + entry.type.path() + " within " + entry.timeout.toSeconds() + " s.");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException) {
            return new NukiApiException(NukiFailure.UNREACHABLE, "Cannot connect to the bridge at " + bridgeName
                    + ". Check its address and port, and that its HTTP API is switched on.");
        }
        String detail = cause.getMessage();
        return new NukiApiException(NukiFailure.UNREACHABLE, "Connection to the bridge at " + bridgeName + " failed"
                + (detail == null ? "." : ": " + SecretRedactor.redact(detail)));
    }

    /** Fails every waiting request; the one in flight completes when its answer comes. */
    public void close() {
        List<Entry> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        NukiApiException cancelled = new NukiApiException(NukiFailure.CANCELLED,
                "The connection to the bridge was closed.");
        for (Entry entry : dropped) {
            entry.result.completeExceptionally(cancelled);
        }
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Requests waiting, the one in flight not counted. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Whether nothing is waiting or in flight. */
    public synchronized boolean isIdle() {
        return waiting.isEmpty() && inFlight == null && !backingOff;
    }

    /** Attempts sent so far, retries included. */
    public synchronized long sent() {
        return sent;
    }

    /** Requests answered by an identical waiting one. */
    public synchronized long merged() {
        return merged;
    }

    /** Retries after a 503. */
    public synchronized long retried() {
        return retried;
    }
}
