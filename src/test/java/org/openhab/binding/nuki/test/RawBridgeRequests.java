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
package org.openhab.binding.nuki.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.auth.TokenCrypto;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Sends hand-made requests to a bridge with the JDK's HTTP client, independent of the binding's own client, so the
 * simulator's tests check it against the fact sheet and not against the binding.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class RawBridgeRequests {

    /** A response: status and body. */
    public record Answer(int status, String body) {
        public JsonElement json() {
            return JsonParser.parseString(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final SecureRandom random = new SecureRandom();

    public RawBridgeRequests(URI base) {
        this.base = base;
    }

    /** GET {@code pathAndQuery} as it is. */
    public Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** GET with the plain token appended. */
    public Answer plain(String path, String query, String token) throws IOException, InterruptedException {
        return get(path + "?" + join(query, "token=" + encode(token)));
    }

    /** GET with a hashed token made at {@code now}. */
    public Answer hashed(String path, String query, String token, Instant now)
            throws IOException, InterruptedException {
        String ts = TokenCrypto.timestamp(now);
        int rnr = random.nextInt(65536);
        return get(path + "?" + join(query, hashedParams(ts, rnr, token)));
    }

    public static String hashedParams(String ts, int rnr, String token) {
        return "ts=" + ts + "&rnr=" + rnr + "&hash=" + TokenCrypto.hashedToken(ts, rnr, token);
    }

    /** GET with an encrypted token made at {@code now}. */
    public Answer encrypted(String path, String query, String token, Instant now)
            throws IOException, InterruptedException {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        String ts = TokenCrypto.timestamp(now);
        int rnr = random.nextInt(65536);
        return get(path + "?" + join(query,
                "ctoken=" + TokenCrypto.encryptedToken(token, nonce, ts, rnr) + "&nonce=" + TokenCrypto.hex(nonce)));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String join(String query, String auth) {
        return query.isEmpty() ? auth : query + "&" + auth;
    }
}
