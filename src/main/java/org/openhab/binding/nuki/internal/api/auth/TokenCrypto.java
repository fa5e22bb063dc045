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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The arithmetic of the Nuki Bridge token schemes, shared by the client and the simulator: the timestamp format,
 * the hashed token {@code SHA-256("ts,rnr,token")} and the encryption key {@code SHA-256(token)}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class TokenCrypto {

    /** UTC, whole seconds, literal Z: {@code 2019-03-05T01:06:53Z}. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private TokenCrypto() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The {@code hash} parameter of the hashed-token scheme, lower-case hex. */
    public static String hashedToken(String timestamp, int random, String token) {
        return HEX.formatHex(sha256(timestamp + "," + random + "," + token));
    }

    /** The secret-box key of the encrypted-token scheme. */
    public static byte[] encryptionKey(String token) {
        return sha256(token);
    }

    /** The {@code ctoken} parameter: the secret box of {@code "ts,rnr"}, hex. */
    public static String encryptedToken(String token, byte[] nonce, String timestamp, int random) {
        byte[] plaintext = (timestamp + "," + random).getBytes(StandardCharsets.US_ASCII);
        return HEX.formatHex(SecretBox.seal(encryptionKey(token), nonce, plaintext));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @throws IllegalArgumentException when the text is not an even number of hex digits */
    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
