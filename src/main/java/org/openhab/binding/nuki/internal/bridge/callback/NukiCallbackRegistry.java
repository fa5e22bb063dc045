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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Where the bridges' callbacks arrive, after the servlet: checks each request (POST, a known bridge, its secret, its
 * source address, the size and shape of the body) and hands the state to the bridge's handler on the handler's
 * scheduler, so that the bridge gets its answer within milliseconds. Knows nothing of servlets.
 * <p>
 * Bad requests are answered with an HTTP status and logged at debug level only: a stranger on the network must not be
 * able to fill openHAB's log.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = NukiCallbackRegistry.class)
public class NukiCallbackRegistry {

    /** The servlet's path; a bridge's callbacks go to {@code PATH/<bridge thing id>/<secret>}. */
    public static final String PATH = "/nuki/callback";
    /** Callback bodies are a few hundred bytes; anything past this is refused. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** One bridge's registration. */
    private record Registration(String secret, @Nullable List<InetAddress> allowedSources, CallbackTarget target,
            Executor executor) {
    }

    private final Logger logger = LoggerFactory.getLogger(NukiCallbackRegistry.class);
    private final Gson gson = new Gson();
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    /**
     * @param bridgeId the bridge thing's id, the first segment after {@link #PATH}
     * @param allowedSources the bridge's addresses; null accepts any source (NAT, containers)
     * @param executor where the callbacks are handed to {@code target}: one at a time, in the order they arrived
     */
    public void register(String bridgeId, String secret, @Nullable List<InetAddress> allowedSources,
            CallbackTarget target, Executor executor) {
        registrations.put(bridgeId, new Registration(secret, allowedSources, target, new SerialExecutor(executor)));
    }

    /** Forgets a bridge, if {@code target} is still the one registered for it. */
    public void unregister(String bridgeId, CallbackTarget target) {
        registrations.computeIfPresent(bridgeId,
                (id, registration) -> target.equals(registration.target()) ? null : registration);
    }

    public boolean isRegistered(String bridgeId) {
        return registrations.containsKey(bridgeId);
    }

    /**
     * Checks and dispatches one request.
     *
     * @param pathInfo the path after {@link #PATH}, {@code /<bridge id>/<secret>}
     * @param body the body, or null when it was larger than {@link #MAX_BODY_BYTES}
     * @return the HTTP status to answer
     */
    public int dispatch(@Nullable String method, @Nullable String pathInfo, String remoteAddress,
            byte @Nullable [] body) {
        if (!"POST".equals(method)) {
            return 405;
        }
        String[] segments = pathInfo == null ? new String[0] : pathInfo.split("/");
        if (segments.length != 3 || !segments[0].isEmpty()) {
            // the path is not logged: it may hold a secret
            logger.debug("Callback to an unknown path ({} segments) from {}", segments.length, remoteAddress);
            return 404;
        }
        Registration registration = registrations.get(segments[1]);
        if (registration == null) {
            logger.debug("Callback for an unknown bridge from {}", remoteAddress);
            return 404;
        }
        if (!CallbackSecret.matches(registration.secret(), segments[2])) {
            logger.debug("Callback with a wrong secret from {}", remoteAddress);
            return 403;
        }
        if (!fromAllowedSource(registration, remoteAddress)) {
            logger.debug("Callback from {}, which is not the bridge", remoteAddress);
            return 403;
        }
        if (body == null) {
            logger.debug("Callback from {} with a body over {} bytes", remoteAddress, MAX_BODY_BYTES);
            return 413;
        }
        DeviceStateDto state;
        try {
            state = gson.fromJson(new String(body, java.nio.charset.StandardCharsets.UTF_8), DeviceStateDto.class);
        } catch (JsonParseException | IllegalStateException e) {
            logger.debug("Callback from {} is not JSON: {}", remoteAddress, e.getMessage());
            return 400;
        }
        if (state == null || state.nukiId == null || state.state == null) {
            logger.debug("Callback from {} without nukiId or state", remoteAddress);
            return 400;
        }
        try {
            registration.executor().execute(() -> registration.target().onCallback(state));
        } catch (RuntimeException e) {
            logger.debug("Callback from {} not dispatched: {}", remoteAddress, e.getMessage());
            return 503;
        }
        return 200;
    }

    private static boolean fromAllowedSource(Registration registration, String remoteAddress) {
        List<InetAddress> allowed = registration.allowedSources();
        if (allowed == null) {
            return true;
        }
        try {
            // a literal address: no name lookup happens here
            InetAddress source = InetAddress.getByName(remoteAddress);
            return allowed.contains(source);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
