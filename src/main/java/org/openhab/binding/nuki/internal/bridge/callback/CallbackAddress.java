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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where the bridge can reach openHAB: {@code http://host:port}, from openHAB's network settings or from the bridge
 * thing's {@code callbackAddress} override (for Docker and NAT set-ups).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@FunctionalInterface
public interface CallbackAddress {

    /** openHAB's own address and HTTP port, or null when either is unknown. */
    @Nullable
    String openhabBaseUrl();

    /**
     * The base URL for callbacks: the override (host, or host:port with openHAB's port filling in) when set,
     * openHAB's own address otherwise.
     *
     * @return {@code http://host:port}, or null when no usable address is known
     */
    default @Nullable String baseUrl(String override) {
        String own = openhabBaseUrl();
        String trimmed = override.trim();
        if (trimmed.isEmpty()) {
            return own;
        }
        if (trimmed.startsWith("http://")) {
            trimmed = trimmed.substring("http://".length());
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        boolean hasPort = trimmed.matches(".*:\\d+$") && !trimmed.startsWith("[");
        if (hasPort) {
            return "http://" + trimmed;
        }
        if (own == null) {
            return null;
        }
        String ownPort = own.substring(own.lastIndexOf(':') + 1);
        return "http://" + trimmed + ":" + ownPort;
    }
}
