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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@link BridgeTransport} on the Jetty 9.4 HTTP client openHAB shares. The client is the caller's: it is neither
 * started nor stopped here. The only class of the protocol layer that knows Jetty (openHAB 5.3 moves to Jetty 12).
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
        CompletableFuture<Response> response = new CompletableFuture<>();
        try {
            // one connection per request: the bridge serves one request at a time, and nothing stays pooled in
            // openHAB's shared client after a bridge thing is gone
            httpClient.newRequest(uri).method(HttpMethod.GET).header(HttpHeader.CONNECTION, "close")
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send(new BufferingResponseListener(MAX_BODY_BYTES) {
                        @Override
                        public void onComplete(@NonNullByDefault({}) Result result) {
                            Throwable failure = result.getFailure();
                            if (failure instanceof HttpResponseException rejected
                                    && rejected.getResponse().getStatus() == 401) {
                                // Jetty treats a 401 without WWW-Authenticate (the bridge sends none) as a
                                // protocol violation; for the bridge it is a plain "wrong token"
                                response.complete(new Response(401, "HTTP 401 Unauthorized"));
                            } else if (result.isFailed()) {
                                response.completeExceptionally(failure);
                            } else {
                                response.complete(new Response(result.getResponse().getStatus(),
                                        Objects.requireNonNullElse(getContentAsString(StandardCharsets.UTF_8), "")));
                            }
                        }
                    });
        } catch (RuntimeException e) {
            response.completeExceptionally(e);
        }
        return response;
    }
}
