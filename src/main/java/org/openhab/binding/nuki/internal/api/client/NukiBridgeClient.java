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

import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.auth.RequestAuthenticator;
import org.openhab.binding.nuki.internal.api.dto.AuthDto;
import org.openhab.binding.nuki.internal.api.dto.BridgeInfoDto;
import org.openhab.binding.nuki.internal.api.dto.CallbackListDto;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.api.dto.ResultDto;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.LockAction;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * Typed calls to one Nuki Bridge over its HTTP API, all through one {@link RequestQueue}. Results are DTOs that
 * tolerate missing and unknown fields; every failure is a {@link NukiApiException} whose message a user can act on.
 * <p>
 * When the bridge refuses a hashed or encrypted token (401), the client asks {@code /info} once with the plain token:
 * if that works, the bridge's {@code currentTime} tells whether its clock is off (then the failure is
 * {@link NukiFailure#CLOCK_SKEW} with the offset) or whether it does not take the chosen mode; if it does not work
 * either, the token is wrong.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiBridgeClient {

    /** Within this offset a timed token works (the bridge's window is 60 s). */
    static final Duration TOLERATED_SKEW = Duration.ofSeconds(30);

    private static final Type LIST_TYPE = new TypeToken<List<ListEntryDto>>() {
    }.getType();
    private static final Type LOG_TYPE = new TypeToken<List<Map<String, Object>>>() {
    }.getType();

    private final Gson gson = new Gson();
    private final RequestQueue queue;
    private final URI base;
    private final @Nullable RequestAuthenticator authenticator;
    private final Clock clock;
    private final RequestTimings timings;

    /**
     * @param base {@code http://ip:port/}
     * @param authenticator null for a client that can only call {@code /auth} (no token yet)
     */
    public NukiBridgeClient(BridgeTransport transport, ScheduledExecutorService scheduler, URI base,
            @Nullable RequestAuthenticator authenticator, Clock clock) {
        this(transport, scheduler, base, authenticator, clock, RequestTimings.DEFAULT);
    }

    public NukiBridgeClient(BridgeTransport transport, ScheduledExecutorService scheduler, URI base,
            @Nullable RequestAuthenticator authenticator, Clock clock, RequestTimings timings) {
        this.base = base;
        this.authenticator = authenticator;
        this.clock = clock;
        this.timings = timings;
        this.queue = new RequestQueue(transport, scheduler, timings, base.getHost() + ":" + base.getPort());
    }

    /** The queue, for its counters. */
    public RequestQueue queue() {
        return queue;
    }

    /** Stops: waiting requests fail with {@link NukiFailure#CANCELLED}. The shared HTTP client is left running. */
    public void close() {
        queue.close();
    }

    // ------------------------------------------------------------------ calls

    public CompletableFuture<BridgeInfoDto> info() {
        return call(RequestType.INFO, Map.of(), BridgeInfoDto.class);
    }

    public CompletableFuture<List<ListEntryDto>> list() {
        // Gson turns a JSON null in the array into a null element
        return this.<List<@Nullable ListEntryDto>> callGeneric(RequestType.LIST, Map.of(), LIST_TYPE)
                .thenApply(list -> list.stream().filter(entry -> entry != null && entry.nukiId != null).toList());
    }

    /**
     * The live state, read from the device over Bluetooth. It wakes the lock and costs battery: the binding never
     * polls it; it is here for the console's diagnostics.
     */
    public CompletableFuture<DeviceState> lockState(long nukiId, int deviceType) {
        return call(RequestType.LOCK_STATE, device(nukiId, deviceType), DeviceStateDto.class).thenApply(dto -> {
            if (Boolean.FALSE.equals(dto.success)) {
                throw new CompletionException(deviceOffline());
            }
            DeviceState state = DeviceState.of(nukiId, deviceType, dto);
            if (state == null) {
                throw new CompletionException(
                        new NukiApiException(NukiFailure.BAD_RESPONSE, "The bridge sent a state without a state."));
            }
            return state;
        });
    }

    /**
     * Runs a lock action.
     *
     * @param nowait answer as soon as the bridge accepted the action, without waiting for the motor
     */
    public CompletableFuture<ResultDto> lockAction(long nukiId, int deviceType, LockAction action, boolean nowait) {
        if (action == LockAction.UNKNOWN) {
            return CompletableFuture.failedFuture(new NukiApiException(NukiFailure.BAD_REQUEST, "Unknown action."));
        }
        Map<String, String> params = device(nukiId, deviceType);
        params.put("action", String.valueOf(action.code()));
        if (nowait) {
            params.put("nowait", "1");
        }
        Duration timeout = nowait ? min(Duration.ofSeconds(15), timings.timeout(RequestType.LOCK_ACTION))
                : timings.timeout(RequestType.LOCK_ACTION);
        return call(RequestType.LOCK_ACTION, params, ResultDto.class, timeout).thenApply(this::requireSuccess);
    }

    /** The "simple" lock: what it does is up to the device's firmware. */
    public CompletableFuture<ResultDto> lock(long nukiId, int deviceType) {
        return call(RequestType.LOCK, device(nukiId, deviceType), ResultDto.class).thenApply(this::requireSuccess);
    }

    /**
     * The "simple" unlock: behind a door with a knob the firmware unlatches. The binding never uses it for that
     * reason; it exists for completeness of the API.
     */
    public CompletableFuture<ResultDto> unlock(long nukiId, int deviceType) {
        return call(RequestType.UNLOCK, device(nukiId, deviceType), ResultDto.class).thenApply(this::requireSuccess);
    }

    /** Adds a callback URL; a full table answers {@code success:false} with a message, which is returned as is. */
    public CompletableFuture<ResultDto> callbackAdd(String url) {
        return call(RequestType.CALLBACK_ADD, Map.of("url", url), ResultDto.class);
    }

    public CompletableFuture<List<CallbackListDto.Entry>> callbackList() {
        return call(RequestType.CALLBACK_LIST, Map.of(), CallbackListDto.class).thenApply(dto -> {
            List<CallbackListDto.@Nullable Entry> entries = dto.callbacks;
            List<CallbackListDto.Entry> usable = new ArrayList<>();
            if (entries != null) {
                for (CallbackListDto.@Nullable Entry entry : entries) {
                    if (entry != null && entry.id != null && entry.url != null) {
                        usable.add(entry);
                    }
                }
            }
            return usable;
        });
    }

    public CompletableFuture<ResultDto> callbackRemove(int id) {
        return call(RequestType.CALLBACK_REMOVE, Map.of("id", String.valueOf(id)), ResultDto.class);
    }

    /** Asks for the token; the bridge waits up to 30 s for its button. Needs no token. */
    public CompletableFuture<AuthDto> auth() {
        return send(RequestType.AUTH, Map.of(), timings.timeout(RequestType.AUTH), null, "")
                .thenApply(response -> parse(RequestType.AUTH, response, AuthDto.class));
    }

    public CompletableFuture<@Nullable Void> reboot() {
        return call(RequestType.REBOOT, Map.of(), String.class).thenApply(body -> null);
    }

    public CompletableFuture<@Nullable Void> fwUpdate() {
        return call(RequestType.FW_UPDATE, Map.of(), String.class).thenApply(body -> null);
    }

    public CompletableFuture<List<Map<String, Object>>> log(int offset, int count) {
        return callGeneric(RequestType.LOG, Map.of("offset", String.valueOf(offset), "count", String.valueOf(count)),
                LOG_TYPE);
    }

    // ------------------------------------------------------------------ plumbing

    private static Map<String, String> device(long nukiId, int deviceType) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("nukiId", String.valueOf(nukiId));
        params.put("deviceType", String.valueOf(deviceType));
        return params;
    }

    private ResultDto requireSuccess(ResultDto result) {
        if (!Boolean.TRUE.equals(result.success)) {
            throw new CompletionException(deviceOffline());
        }
        return result;
    }

    private static NukiApiException deviceOffline() {
        return new NukiApiException(NukiFailure.DEVICE_OFFLINE,
                "The bridge could not reach the device over Bluetooth; it may be out of range or its batteries empty.");
    }

    private <T> CompletableFuture<T> call(RequestType type, Map<String, String> params, Class<T> resultType) {
        return request(type, params, resultType, timings.timeout(type));
    }

    private <T> CompletableFuture<T> call(RequestType type, Map<String, String> params, Class<T> resultType,
            Duration timeout) {
        return request(type, params, resultType, timeout);
    }

    private <T> CompletableFuture<T> callGeneric(RequestType type, Map<String, String> params, Type resultType) {
        return request(type, params, resultType, timings.timeout(type));
    }

    private <T> CompletableFuture<T> request(RequestType type, Map<String, String> params, Type resultType,
            Duration timeout) {
        RequestAuthenticator auth = authenticator;
        if (auth == null) {
            return CompletableFuture.failedFuture(
                    new NukiApiException(NukiFailure.UNAUTHORIZED, "No API token is configured for the bridge."));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        send(type, params, timeout, auth::parameters, "").whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else if (response.status() == 401) {
                diagnoseUnauthorized(auth).whenComplete((diagnosis, ignored) -> result
                        .completeExceptionally(diagnosis != null ? diagnosis : unauthorized(auth.mode())));
            } else {
                try {
                    result.complete(parse(type, response, resultType));
                } catch (CompletionException e) {
                    result.completeExceptionally(unwrap(e));
                }
            }
        });
        return result;
    }

    private CompletableFuture<BridgeTransport.Response> send(RequestType type, Map<String, String> params,
            Duration timeout, java.util.function.@Nullable Supplier<Map<String, String>> auth, String mergeTag) {
        String query = encode(params);
        return queue.submit(type, type.path() + "?" + query + mergeTag, () -> {
            Map<String, String> authParams = auth == null ? Map.of() : auth.get();
            String authQuery = encode(authParams);
            String full = query.isEmpty() ? authQuery : authQuery.isEmpty() ? query : query + "&" + authQuery;
            return base.resolve(type.path() + (full.isEmpty() ? "" : "?" + full));
        }, timeout);
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @SuppressWarnings("unchecked")
    private <T> T parse(RequestType type, BridgeTransport.Response response, Type resultType) {
        int status = response.status();
        if (status != 200) {
            throw new CompletionException(statusFailure(type, status));
        }
        if (resultType == String.class) {
            return (T) response.body();
        }
        try {
            @Nullable
            T parsed = gson.fromJson(response.body(), resultType);
            if (parsed == null) {
                throw new JsonParseException("empty answer");
            }
            return parsed;
        } catch (JsonParseException | IllegalStateException e) {
            throw new CompletionException(new NukiApiException(NukiFailure.BAD_RESPONSE,
                    "The bridge's answer to " + type.path() + " is not the JSON it should be."));
        }
    }

    private static NukiApiException statusFailure(RequestType type, int status) {
        boolean deviceCall = type == RequestType.LOCK_ACTION || type == RequestType.LOCK_STATE
                || type == RequestType.LOCK || type == RequestType.UNLOCK;
        return switch (status) {
            case 400 -> new NukiApiException(NukiFailure.BAD_REQUEST,
                    "The bridge rejected the parameters of " + type.path() + " (HTTP 400).");
            case 403 -> new NukiApiException(NukiFailure.AUTH_DISABLED, "The bridge refused " + type.path()
                    + " (HTTP 403): its authentication is switched off in the Nuki app.");
            case 404 -> deviceCall ? new NukiApiException(NukiFailure.DEVICE_NOT_FOUND,
                    "The bridge does not know this device (HTTP 404). Check its Nuki id, or pair it with the bridge.")
                    : new NukiApiException(NukiFailure.NOT_SUPPORTED,
                            "The bridge does not offer " + type.path() + " (HTTP 404); software bridges lack it.");
            case 410 -> new NukiApiException(NukiFailure.DEVICE_OFFLINE,
                    "The bridge has not reached the device for a long time (HTTP 410).");
            default -> new NukiApiException(NukiFailure.BAD_RESPONSE,
                    "The bridge answered " + type.path() + " with HTTP " + status + ".");
        };
    }

    private static NukiApiException unauthorized(AuthenticationMode mode) {
        return new NukiApiException(NukiFailure.UNAUTHORIZED,
                "The bridge refused the API token (HTTP 401). Check the token shown in the Nuki app"
                        + (mode == AuthenticationMode.PLAIN ? "." : " under the bridge's developer settings."));
    }

    /** For a 401 in a timed mode: asks /info with the plain token to tell a skewed clock from a wrong token. */
    private CompletableFuture<@Nullable NukiApiException> diagnoseUnauthorized(RequestAuthenticator auth) {
        if (!auth.mode().isTimed()) {
            return CompletableFuture.completedFuture(unauthorized(auth.mode()));
        }
        return send(RequestType.INFO, Map.of(), timings.timeout(RequestType.INFO),
                () -> auth.parameters(AuthenticationMode.PLAIN), "#clock-probe")
                .handle((BridgeTransport.@Nullable Response response, @Nullable Throwable error) -> {
                    if (error != null || response == null || response.status() != 200) {
                        return unauthorized(auth.mode());
                    }
                    BridgeInfoDto info;
                    try {
                        info = gson.fromJson(response.body(), BridgeInfoDto.class);
                    } catch (JsonParseException e) {
                        return unauthorized(auth.mode());
                    }
                    Instant bridgeTime = info == null ? null : DeviceState.parseTime(info.currentTime);
                    if (bridgeTime == null) {
                        return unauthorized(auth.mode());
                    }
                    long skew = Duration.between(clock.instant(), bridgeTime).toSeconds();
                    if (Math.abs(skew) > TOLERATED_SKEW.toSeconds()) {
                        return new NukiApiException(NukiFailure.CLOCK_SKEW, "The bridge's clock is " + Math.abs(skew)
                                + " s " + (skew > 0 ? "ahead of" : "behind") + " openHAB's, so it refuses "
                                + auth.mode().name().toLowerCase(java.util.Locale.ROOT)
                                + " tokens. Connect the bridge to the internet so that it sets its clock, or use plain authentication.",
                                skew);
                    }
                    return new NukiApiException(NukiFailure.AUTHENTICATION_MODE_UNSUPPORTED,
                            "The token is right, but this bridge does not accept "
                                    + auth.mode().name().toLowerCase(java.util.Locale.ROOT)
                                    + " tokens (older firmware). Update the bridge, or choose another authentication.");
                });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable unwrap(Throwable error) {
        NukiApiException nuki = NukiApiException.unwrap(error);
        return nuki != null ? nuki : error;
    }
}
