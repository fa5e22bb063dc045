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
package org.openhab.binding.nuki.internal.bridge;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;

/**
 * The configuration key {@code secureToken} of openHAB's earlier Nuki binding: {@code true} meant the hashed token,
 * {@code false} the plain one. Thing-type update instructions change channels only, so a bridge thing that binding
 * made still has the key after the update. While it is there it chooses the authentication; the bridge thing then
 * replaces it in its configuration by {@code authentication} (a thing from a .things file keeps what the file says).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class LegacySecureToken {

    /** The earlier binding's key. */
    public static final String KEY = "secureToken";
    /** This binding's key for the same choice. */
    public static final String AUTHENTICATION = "authentication";

    private LegacySecureToken() {
    }

    /**
     * @return the authentication the earlier binding's {@code secureToken} asked for ({@code hashed} or
     *         {@code plain}), or null when the configuration has no {@code secureToken}
     */
    public static @Nullable String authentication(Configuration configuration) {
        Object value = configuration.get(KEY);
        if (value == null) {
            return null;
        }
        return Boolean.parseBoolean(value.toString().trim()) ? "hashed" : "plain";
    }

    /** @return a copy of the configuration with {@code secureToken} replaced by the authentication it asked for */
    public static Configuration migrated(Configuration configuration) {
        Configuration copy = new Configuration(configuration);
        String authentication = authentication(configuration);
        copy.remove(KEY);
        if (authentication != null) {
            copy.put(AUTHENTICATION, authentication);
        }
        return copy;
    }
}
