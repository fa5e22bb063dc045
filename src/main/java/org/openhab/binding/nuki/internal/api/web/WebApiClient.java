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
package org.openhab.binding.nuki.internal.api.web;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * Nuki's Web API for one account (its API token): the account's devices, their authorizations, and keypad codes
 * added, switched on or off and removed. It never moves a door: there is no lock action here. Requests go through the
 * HTTP client handed in (openHAB's, with TLS as
 * openHAB configures it), asynchronously; failures come as {@link WebApiException}, without the token in any text.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class WebApiClient {

    private static final Type SMARTLOCKS = new TypeToken<List<WebSmartlockDto>>() {
    }.getType();
    private static final Type AUTHORIZATIONS = new TypeToken<List<WebAuthorizationDto>>() {
    }.getType();
    private static final Type LOG = new TypeToken<List<WebLogEntryDto>>() {
    }.getType();
    /** The most entries the Web API returns at once. */
    public static final int MAX_LOG_ENTRIES = 50;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final HttpClient httpClient;
    private final URI baseUri;
    private final String token;
    private final Duration timeout;
    private final Gson gson = new Gson();

    public WebApiClient(HttpClient httpClient, URI baseUri, String token, Duration timeout) {
        this.httpClient = httpClient;
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = token;
        this.timeout = timeout;
    }

    /** {@code GET /smartlock}: the account's devices (those switched on for Nuki Web in the Nuki app). */
    public CompletableFuture<List<WebSmartlockDto>> smartlocks() {
        return get("smartlock", SMARTLOCKS);
    }

    /** {@code GET /smartlock/{id}/auth}: a device's authorizations, keypad codes included. */
    public CompletableFuture<List<WebAuthorizationDto>> authorizations(long smartlockId) {
        return get("smartlock/" + smartlockId + "/auth", AUTHORIZATIONS);
    }

    /** {@code GET /smartlock/{id}/log}: the newest {@code limit} entries (at most 50), newest first. */
    public CompletableFuture<List<WebLogEntryDto>> log(long smartlockId, int limit) {
        int count = Math.max(1, Math.min(MAX_LOG_ENTRIES, limit));
        return get("smartlock/" + smartlockId + "/log?limit=" + count, LOG);
    }

    /**
     * {@code PUT /smartlock/{id}/auth}: asks for a keypad code. The cloud answers once it queued the write; the code
     * reaches the lock later (re-read {@link #authorizations} to see it arrive). Check the code with
     * {@link KeypadCodeRules} first.
     */
    public CompletableFuture<@Nullable Void> addKeypadCode(long smartlockId, KeypadCodeRequest request) {
        return write(HttpMethod.PUT, "smartlock/" + smartlockId + "/auth", gson.toJson(keypadCodeBody(request)));
    }

    /** The body of {@code PUT /smartlock/{id}/auth} for a keypad code. */
    static Map<String, Object> keypadCodeBody(KeypadCodeRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", WebAuthorizationDto.TYPE_KEYPAD_CODE);
        body.put("name", request.name().trim());
        body.put("code", Integer.parseInt(request.code()));
        body.put("remoteAllowed", false);
        Instant from = request.validFrom();
        Instant until = request.validUntil();
        if (from != null) {
            body.put("allowedFromDate", from.toString());
        }
        if (until != null) {
            body.put("allowedUntilDate", until.toString());
        }
        Integer days = request.weekdays();
        if (days != null) {
            body.put("allowedWeekDays", days);
        }
        LocalTime start = request.dailyFrom();
        LocalTime end = request.dailyUntil();
        if (start != null && end != null) {
            body.put("allowedFromTime", start.getHour() * 60 + start.getMinute());
            body.put("allowedUntilTime", end.getHour() * 60 + end.getMinute());
        }
        return body;
    }

    /**
     * {@code POST /smartlock/{id}/auth/{authUid}}: switches an authorization on or off. The entry's settings are sent
     * again (an update that leaves out the time window clears it): its name (the API requires it) and whatever of its
     * validity is set; what is not set is left out, never sent as {@code null}.
     */
    public CompletableFuture<@Nullable Void> setEnabled(long smartlockId, WebAuthorizationDto authorization,
            boolean enabled) {
        return write(HttpMethod.POST, "smartlock/" + smartlockId + "/auth/" + authorization.id,
                gson.toJson(updateBody(authorization, enabled)));
    }

    /** The body of {@code POST /smartlock/{id}/auth/{authUid}} that switches an entry, keeping the rest of it. */
    static Map<String, Object> updateBody(WebAuthorizationDto authorization, boolean enabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        String name = authorization.name;
        body.put("name", name == null ? "" : name);
        body.put("enabled", enabled);
        body.put("remoteAllowed", authorization.remoteAllowed);
        putIfSet(body, "allowedFromDate", authorization.allowedFromDate);
        putIfSet(body, "allowedUntilDate", authorization.allowedUntilDate);
        putIfSet(body, "allowedWeekDays", authorization.allowedWeekDays);
        putIfSet(body, "allowedFromTime", authorization.allowedFromTime);
        putIfSet(body, "allowedUntilTime", authorization.allowedUntilTime);
        return body;
    }

    private static void putIfSet(Map<String, Object> body, String key, @Nullable Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    /** {@code DELETE /smartlock/{id}/auth/{authUid}}: removes an authorization (it may stay listed until the sync). */
    public CompletableFuture<@Nullable Void> remove(long smartlockId, String authUid) {
        return write(HttpMethod.DELETE, "smartlock/" + smartlockId + "/auth/" + authUid, null);
    }

    private CompletableFuture<@Nullable Void> write(HttpMethod method, String path, @Nullable String json) {
        return exchange(method, path, json).thenApply(body -> null);
    }

    private <T> CompletableFuture<T> get(String path, Type type) {
        return exchange(HttpMethod.GET, path, null).thenApply(body -> {
            try {
                @Nullable
                T parsed = gson.fromJson(body, type);
                if (parsed == null) {
                    throw new JsonParseException("empty body");
                }
                return parsed;
            } catch (JsonParseException e) {
                throw new CompletionException(new WebApiException(WebApiFailure.BAD_RESPONSE, 200,
                        "Nuki Web answered " + path.replaceAll("\\d+", "{n}") + " with something unreadable", null));
            }
        });
    }

    /**
     * Sends one request with the token; completes with the answer's body on 200 (and on 204 for a write), otherwise
     * with the failure. No text names the token or the body sent (a keypad code).
     */
    private CompletableFuture<String> exchange(HttpMethod method, String path, @Nullable String json) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Request request = httpClient.newRequest(baseUri.resolve(path)).method(method)
                .header(HttpHeader.AUTHORIZATION, "Bearer " + token).header(HttpHeader.ACCEPT, "application/json")
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (json != null) {
            request.content(new StringContentProvider("application/json", json, StandardCharsets.UTF_8));
        }
        request.send(new BufferingResponseListener(MAX_BODY) {
            @Override
            public void onComplete(org.eclipse.jetty.client.api.Result outcome) {
                Throwable error = outcome.getFailure();
                int status = outcome.getResponse().getStatus();
                if (error != null && status == 0) {
                    result.completeExceptionally(new WebApiException(WebApiFailure.UNREACHABLE, 0,
                            "Nuki Web (" + baseUri.getHost() + ") did not answer: " + error.getClass().getSimpleName(),
                            null));
                } else if (status == 200 || (status == 204 && method != HttpMethod.GET)) {
                    String content = getContentAsString();
                    result.complete(content == null ? "" : content);
                } else {
                    result.completeExceptionally(
                            failure(status, outcome.getResponse().getHeaders().get(HttpHeader.RETRY_AFTER)));
                }
            }
        });
        return result;
    }

    static WebApiException failure(int status, @Nullable String retryAfterHeader) {
        Duration retryAfter = retryAfter(retryAfterHeader, Instant.now());
        return switch (status) {
            case 401 -> new WebApiException(WebApiFailure.TOKEN_REFUSED, status,
                    "Nuki Web refused the API token (wrong, deleted by a password change, or without the scope)", null);
            case 403 -> new WebApiException(WebApiFailure.FORBIDDEN, status, "Nuki Web forbids this request", null);
            case 404 -> new WebApiException(WebApiFailure.NOT_FOUND, status, "Nuki Web knows no such entry", null);
            case 409 -> new WebApiException(WebApiFailure.CONFLICT, status,
                    "Nuki Web refused the change: it conflicts with the lock's other entries (HTTP 409)", null);
            case 423 -> new WebApiException(WebApiFailure.PENDING, status,
                    "Nuki Web: an earlier change of this entry is still on its way to the device", retryAfter);
            case 400, 422 -> new WebApiException(WebApiFailure.REFUSED, status, "Nuki Web refused the request", null);
            default -> status == 429 || status >= 500
                    ? new WebApiException(WebApiFailure.THROTTLED, status,
                            "Nuki Web asks to come back later (HTTP " + status + ")", retryAfter)
                    : new WebApiException(WebApiFailure.BAD_RESPONSE, status, "Nuki Web answered HTTP " + status, null);
        };
    }

    /**
     * {@code Retry-After} in either of its forms (seconds, or an HTTP date; what Nuki sends is not documented), or
     * null when absent or unreadable.
     */
    static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            // an HTTP date, then
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, until);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        // never the token
        return "Nuki Web client for " + Objects.toString(baseUri.getHost());
    }
}
