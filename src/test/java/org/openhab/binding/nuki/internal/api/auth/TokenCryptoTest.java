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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The token schemes against the test vectors of the Nuki Bridge HTTP API documentation.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class TokenCryptoTest {

    private static final String NONCE = "119c38fb6d7d707b8a45f14e688b74b8c4c1acf33643c71a";
    private static final String CTOKEN = "a7f6b4df6758b92445bd5470b755b43ba41cf50af8b3f6e19368348ddfb1686291555dfd90b31f9333";

    @Test
    void testTimestampFormat() {
        assertThat(TokenCrypto.timestamp(Instant.parse("2019-03-05T01:06:53.987Z")), is("2019-03-05T01:06:53Z"));
    }

    @Test
    void testHashedTokenVector() {
        assertThat(TokenCrypto.hashedToken("2019-03-05T01:06:53Z", 4711, "123456"),
                is("f52eb5ce382e356c4239f8fb4d0a87402bb95b7b3124f0762b806ad7d0d01cb6"));
    }

    @Test
    void testEncryptionKeyVector() {
        assertThat(TokenCrypto.hex(TokenCrypto.encryptionKey("123456")),
                is("8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92"));
    }

    @Test
    void testEncryptedTokenVector() {
        assertThat(TokenCrypto.encryptedToken("123456", TokenCrypto.unhex(NONCE), "2019-03-05T01:06:53Z", 4711),
                is(CTOKEN));
    }

    @Test
    void testOpenRecoversTheVectorPlaintext() {
        byte[] plain = SecretBox.open(TokenCrypto.encryptionKey("123456"), TokenCrypto.unhex(NONCE),
                TokenCrypto.unhex(CTOKEN));
        assertNotNull(plain);
        assertThat(new String(plain, StandardCharsets.US_ASCII), is("2019-03-05T01:06:53Z,4711"));
    }

    @Test
    void testOpenRejectsTamperingAndWrongKeys() {
        byte[] box = TokenCrypto.unhex(CTOKEN);
        box[box.length - 1] ^= 1;
        assertThat(SecretBox.open(TokenCrypto.encryptionKey("123456"), TokenCrypto.unhex(NONCE), box), is(nullValue()));
        assertThat(SecretBox.open(TokenCrypto.encryptionKey("654321"), TokenCrypto.unhex(NONCE),
                TokenCrypto.unhex(CTOKEN)), is(nullValue()));
        assertThat(SecretBox.open(TokenCrypto.encryptionKey("123456"), TokenCrypto.unhex(NONCE), new byte[3]),
                is(nullValue()));
    }
}
