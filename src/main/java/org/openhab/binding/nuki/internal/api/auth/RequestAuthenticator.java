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
package org.openhab.binding.nuki.internal.api.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Makes the authentication parameters of one request. Timed modes use each parameter set once, so they are made
 * when the request is sent, not when it is queued, and again for every retry.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class RequestAuthenticator {

    private final AuthenticationMode mode;
    private final String token;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RequestAuthenticator(AuthenticationMode mode, String token, Clock clock) {
        this.mode = mode;
        this.token = token;
        this.clock = clock;
    }

    public AuthenticationMode mode() {
        return mode;
    }

    /** Fresh parameters in this authenticator's mode. */
    public Map<String, String> parameters() {
        return parameters(mode);
    }

    /** Fresh parameters in the given mode, with the same token. */
    public Map<String, String> parameters(AuthenticationMode requested) {
        Map<String, String> params = new LinkedHashMap<>();
        String ts = TokenCrypto.timestamp(clock.instant());
        int rnr = random.nextInt(65536);
        switch (requested) {
            case PLAIN -> params.put("token", token);
            case HASHED -> {
                params.put("ts", ts);
                params.put("rnr", String.valueOf(rnr));
                params.put("hash", TokenCrypto.hashedToken(ts, rnr, token));
            }
            case ENCRYPTED -> {
                byte[] nonce = new byte[SecretBox.NONCE_BYTES];
                random.nextBytes(nonce);
                params.put("ctoken", TokenCrypto.encryptedToken(token, nonce, ts, rnr));
                params.put("nonce", TokenCrypto.hex(nonce));
            }
        }
        return params;
    }
}
