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

import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20-Poly1305) in the "nonce-less combined" form the Nuki Bridge uses for
 * its encrypted token: the 16-byte Poly1305 tag followed by the ciphertext. Built from Bouncy Castle's primitives:
 * the first 32 bytes of the XSalsa20 key stream are the one-time Poly1305 key, the rest encrypts the message.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 24;
    public static final int TAG_BYTES = 16;

    private SecretBox() {
    }

    /**
     * Encrypts and authenticates a message.
     *
     * @return the tag followed by the ciphertext ({@code TAG_BYTES + message.length} bytes)
     */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        byte[] stream = keyStreamXor(key, nonce, new byte[KEY_BYTES + message.length], message);
        byte[] ciphertext = Arrays.copyOfRange(stream, KEY_BYTES, stream.length);
        byte[] tag = tag(Arrays.copyOf(stream, KEY_BYTES), ciphertext);
        byte[] box = new byte[TAG_BYTES + ciphertext.length];
        System.arraycopy(tag, 0, box, 0, TAG_BYTES);
        System.arraycopy(ciphertext, 0, box, TAG_BYTES, ciphertext.length);
        return box;
    }

    /**
     * Checks and decrypts a box made by {@link #seal}.
     *
     * @return the message, or {@code null} when the box is too short or was not sealed with this key and nonce
     */
    public static byte @Nullable [] open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_BYTES) {
            return null;
        }
        byte[] ciphertext = Arrays.copyOfRange(box, TAG_BYTES, box.length);
        byte[] stream = keyStreamXor(key, nonce, new byte[KEY_BYTES + ciphertext.length], ciphertext);
        byte[] expected = tag(Arrays.copyOf(stream, KEY_BYTES), ciphertext);
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(box, TAG_BYTES))) {
            return null;
        }
        return Arrays.copyOfRange(stream, KEY_BYTES, stream.length);
    }

    /** XORs {@code message} into the key stream after its first 32 bytes; returns the whole buffer. */
    private static byte[] keyStreamXor(byte[] key, byte[] nonce, byte[] buffer, byte[] message) {
        if (key.length != KEY_BYTES || nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("XSalsa20-Poly1305 needs a 32-byte key and a 24-byte nonce");
        }
        System.arraycopy(message, 0, buffer, KEY_BYTES, message.length);
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        engine.processBytes(buffer, 0, buffer.length, buffer, 0);
        return buffer;
    }

    private static byte[] tag(byte[] oneTimeKey, byte[] ciphertext) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(oneTimeKey));
        mac.update(ciphertext, 0, ciphertext.length);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }
}
