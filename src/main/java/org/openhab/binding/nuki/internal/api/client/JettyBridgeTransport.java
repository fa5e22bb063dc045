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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.api.Connection;
import org.eclipse.jetty.client.api.Destination;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * {@link BridgeTransport} on the Jetty 9.4 HTTP client openHAB shares. The client is the caller's: it is neither
 * started nor stopped here. The only class of the protocol layer that knows Jetty (openHAB 5.3 moves to Jetty 12).
 * <p>
 * Each request goes on a connection of its own, opened for it and closed when it completes, outside the client's
 * connection pool. The bridge serves one request at a time and closes every connection anyway, so pooling gains
 * nothing; and Jetty 9.4's pool keeps the slot of a connection the far side closed while the request was being
 * written (seen when a bridge goes away mid-request), so every bridge outage could take one of the slots the
 * destination has in openHAB's shared client, for good.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class JettyBridgeTransport implements BridgeTransport {

    /** Bridge answers are small; anything bigger is a fault. */
    private static final int MAX_BODY_BYTES = 512 * 1024;

    private final HttpClient httpClient;

    public JettyBridgeTransport(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    @Override
    public CompletableFuture<Response> get(URI uri, Duration timeout) {
        Exchange exchange = new Exchange(uri, timeout);
        try {
            exchange.start();
        } catch (RuntimeException e) {
            exchange.response.completeExceptionally(e);
        }
        return exchange.response;
    }

    /** One request: connect, send, read, close; the timeout covers all of it. */
    private final class Exchange implements Promise<Connection> {
        final CompletableFuture<Response> response = new CompletableFuture<>();
        private final URI uri;
        private final Duration timeout;
        private final long deadlineNanos;
        /** Set by whichever comes first: the connection (the request goes out) or the deadline (it times out). */
        private final AtomicBoolean connectingEnded = new AtomicBoolean();
        private volatile Scheduler.@Nullable Task connectDeadline;

        Exchange(URI uri, Duration timeout) {
            this.uri = uri;
            this.timeout = timeout;
            this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        }

        void start() {
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "http");
            String host = Objects.requireNonNull(uri.getHost(), "the bridge's address has no host");
            Destination destination = httpClient.getDestination(scheme, host,
                    HttpClient.normalizePort(scheme, uri.getPort()));
            connectDeadline = httpClient.getScheduler().schedule(this::expireWhileConnecting, timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            destination.newConnection(this);
        }

        private void expireWhileConnecting() {
            if (connectingEnded.compareAndSet(false, true)) {
                response.completeExceptionally(timedOut());
            }
        }

        @Override
        public void succeeded(@NonNullByDefault({}) Connection connection) {
            cancelConnectDeadline();
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis <= 0 || !connectingEnded.compareAndSet(false, true)) {
                // the time was up before the bridge accepted the connection
                connection.close();
                response.completeExceptionally(timedOut());
                return;
            }
            Request request = httpClient.newRequest(uri).method(HttpMethod.GET).header(HttpHeader.CONNECTION, "close")
                    .timeout(remainingMillis, TimeUnit.MILLISECONDS);
            connection.send(request, new BufferingResponseListener(MAX_BODY_BYTES) {
                @Override
                public void onComplete(@NonNullByDefault({}) Result result) {
                    connection.close();
                    complete(result, getContentAsString(StandardCharsets.UTF_8));
                }
            });
        }

        @Override
        public void failed(@NonNullByDefault({}) Throwable failure) {
            cancelConnectDeadline();
            response.completeExceptionally(failure); // no effect when the deadline came first
        }

        private void cancelConnectDeadline() {
            Scheduler.Task task = connectDeadline;
            if (task != null) {
                task.cancel();
            }
        }

        private void complete(Result result, @Nullable String body) {
            Throwable failure = result.getFailure();
            if (failure instanceof HttpResponseException rejected && rejected.getResponse().getStatus() == 401) {
                // Jetty treats a 401 without WWW-Authenticate (the bridge sends none) as a protocol violation;
                // for the bridge it is a plain "wrong token"
                response.complete(new Response(401, "HTTP 401 Unauthorized"));
            } else if (result.isFailed()) {
                response.completeExceptionally(failure);
            } else {
                response.complete(new Response(result.getResponse().getStatus(), Objects.requireNonNullElse(body, "")));
            }
        }

        private TimeoutException timedOut() {
            return new TimeoutException("no connection to " + uri.getHost() + " within " + timeout.toMillis() + " ms");
        }
    }
}
