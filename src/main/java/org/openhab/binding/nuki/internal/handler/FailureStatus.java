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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.client.NukiApiException;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Turns a failed bridge request into a thing status a user can act on: the detail and a translated description
 * ({@code @text/...} keys in {@code OH-INF/i18n/nuki.properties}).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record FailureStatus(ThingStatusDetail detail, String description) {

    /** For the bridge thing. */
    public static FailureStatus ofBridge(NukiApiException failure, String address, String authentication) {
        return switch (failure.failure()) {
            case UNREACHABLE -> communication("offline.bridge.unreachable", address);
            case TIMEOUT -> communication("offline.bridge.timeout", address);
            case BUSY -> communication("offline.bridge.busy");
            case UNAUTHORIZED -> configuration("offline.bridge.unauthorized");
            case CLOCK_SKEW -> {
                Long skew = failure.clockSkewSeconds();
                long seconds = skew == null ? 0 : skew;
                yield communication(seconds >= 0 ? "offline.bridge.clock-ahead" : "offline.bridge.clock-behind",
                        String.valueOf(Math.abs(seconds)), authentication);
            }
            case AUTHENTICATION_MODE_UNSUPPORTED -> configuration("offline.bridge.mode-unsupported", authentication);
            case AUTH_DISABLED -> configuration("offline.bridge.auth-disabled");
            case NOT_SUPPORTED, BAD_REQUEST, BAD_RESPONSE, DEVICE_NOT_FOUND, DEVICE_OFFLINE, CANCELLED ->
                communication("offline.bridge.bad-response");
        };
    }

    static FailureStatus communication(String key, String... args) {
        return new FailureStatus(ThingStatusDetail.COMMUNICATION_ERROR, text(key, args));
    }

    static FailureStatus configuration(String key, String... args) {
        return new FailureStatus(ThingStatusDetail.CONFIGURATION_ERROR, text(key, args));
    }

    /** {@code @text/key ["arg1", "arg2"]}, the form openHAB translates in status descriptions. */
    public static String text(String key, String... args) {
        if (args.length == 0) {
            return "@text/" + key;
        }
        StringBuilder text = new StringBuilder("@text/").append(key).append(" [");
        for (int i = 0; i < args.length; i++) {
            // a double quote would end the argument early; arguments are addresses, numbers and names
            text.append(i == 0 ? "\"" : ", \"").append(args[i].replace('"', '\'')).append('"');
        }
        return text.append(']').toString();
    }
}
