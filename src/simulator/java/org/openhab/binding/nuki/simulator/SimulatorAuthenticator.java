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
package org.openhab.binding.nuki.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.auth.SecretBox;
import org.openhab.binding.nuki.internal.api.auth.TokenCrypto;

/**
 * Checks a request's credentials as the bridge does (fact sheet section 2): the plain {@code token}; the hashed
 * token {@code ts}, {@code rnr}, {@code hash} (60 s window, a ts+rnr pair is accepted once); the encrypted token
 * {@code ctoken} with {@code nonce} (60 s window, each nonce once). The PDF's typo {@code nounce} is accepted as well,
 * as the fact sheet's checklist suggests. A software bridge takes the plain token only.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class SimulatorAuthenticator {

    static final Duration WINDOW = Duration.ofSeconds(60);

    /** Used ts+rnr pairs and nonces with the bridge time they were used at, forgotten once out of the window. */
    private final Map<String, Instant> used = new LinkedHashMap<>();

    /**
     * @param token the bridge's token, or null before one was set
     * @param bridgeNow the bridge's own clock (skew included)
     * @return whether the request is authenticated
     */
    synchronized boolean authenticate(Map<String, String> params, @Nullable String token, boolean softwareBridge,
            Instant bridgeNow) {
        forgetOld(bridgeNow);
        if (token == null) {
            return false;
        }
        String ctoken = params.get("ctoken");
        if (ctoken != null) {
            return !softwareBridge && checkEncrypted(ctoken, params, token, bridgeNow);
        }
        String hash = params.get("hash");
        if (hash != null) {
            return !softwareBridge && checkHashed(hash, params, token, bridgeNow);
        }
        return token.equals(params.get("token"));
    }

    private boolean checkHashed(String hash, Map<String, String> params, String token, Instant bridgeNow) {
        String ts = params.get("ts");
        Integer rnr = parseRandom(params.get("rnr"));
        if (ts == null || rnr == null || !withinWindow(ts, bridgeNow)) {
            return false;
        }
        if (!TokenCrypto.hashedToken(ts, rnr, token).equals(hash)) {
            return false;
        }
        return firstUse("hash:" + ts + "," + rnr, bridgeNow);
    }

    private boolean checkEncrypted(String ctoken, Map<String, String> params, String token, Instant bridgeNow) {
        String nonceHex = params.get("nonce");
        if (nonceHex == null) {
            nonceHex = params.get("nounce");
        }
        if (nonceHex == null) {
            return false;
        }
        byte[] plaintext;
        try {
            byte[] nonce = TokenCrypto.unhex(nonceHex);
            if (nonce.length != SecretBox.NONCE_BYTES) {
                return false;
            }
            plaintext = SecretBox.open(TokenCrypto.encryptionKey(token), nonce, TokenCrypto.unhex(ctoken));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (plaintext == null) {
            return false;
        }
        String[] parts = new String(plaintext, StandardCharsets.US_ASCII).split(",", -1);
        if (parts.length != 2 || parseRandom(parts[1]) == null || !withinWindow(parts[0], bridgeNow)) {
            return false;
        }
        return firstUse("nonce:" + nonceHex.toLowerCase(java.util.Locale.ROOT), bridgeNow);
    }

    private static @Nullable Integer parseRandom(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            return value >= 0 && value <= 65535 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean withinWindow(String timestamp, Instant bridgeNow) {
        try {
            Instant ts = TokenCrypto.TIMESTAMP.parse(timestamp, Instant::from);
            return Duration.between(ts, bridgeNow).abs().compareTo(WINDOW) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private boolean firstUse(String key, Instant bridgeNow) {
        return used.putIfAbsent(key, bridgeNow) == null;
    }

    private void forgetOld(Instant bridgeNow) {
        Instant horizon = bridgeNow.minus(WINDOW.multipliedBy(3));
        for (Iterator<Instant> it = used.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(horizon)) {
                it.remove();
            }
        }
    }

    synchronized void reset() {
        used.clear();
    }
}
