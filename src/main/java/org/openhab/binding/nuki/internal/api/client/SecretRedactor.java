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

import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Hides the token and everything derived from it ({@code token}, {@code hash}, {@code ctoken}, {@code nonce}) in a
 * URL before it is logged, and the secret at the end of a callback URL passed as {@code url}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SecretRedactor {

    private static final Pattern SECRETS = Pattern.compile("([?&](?:token|hash|ctoken|nonce|rnr|ts)=)[^&#]*");
    /** A callback URL's last path segment is its secret; the URL is percent-encoded in the query. */
    private static final Pattern CALLBACK_SECRET = Pattern.compile("([?&]url=[^&#]*(?:%2F|/))[^&#%/]+",
            Pattern.CASE_INSENSITIVE);

    private SecretRedactor() {
    }

    public static String redact(String url) {
        return CALLBACK_SECRET.matcher(SECRETS.matcher(url).replaceAll("$1***")).replaceAll("$1***");
    }
}
