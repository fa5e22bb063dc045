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
package org.openhab.binding.nuki.internal.api.model;

import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Reads a device id as users type it: the decimal number the bridge reports ({@code 439041101}), or the hexadecimal
 * id the Nuki app and the device's Bluetooth name show ({@code 1A2B3C4D}, {@code 0x1a2b3c4d}). Digits alone are
 * decimal; an all-digit hexadecimal id needs the {@code 0x} prefix.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiId {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,10}");
    private static final Pattern HEX = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,8}");
    private static final long MAX = 0xFFFFFFFFL;

    private NukiId() {
    }

    /** @throws IllegalArgumentException when the text is no Nuki id */
    public static long parse(String text) {
        String id = text.trim();
        long value;
        if (DECIMAL.matcher(id).matches()) {
            value = Long.parseLong(id);
        } else if (HEX.matcher(id).matches()) {
            value = Long.parseLong(id.startsWith("0x") || id.startsWith("0X") ? id.substring(2) : id, 16);
        } else {
            throw new IllegalArgumentException("'" + text + "' is neither a decimal nor a hexadecimal Nuki id");
        }
        if (value <= 0 || value > MAX) {
            throw new IllegalArgumentException("'" + text + "' is out of the range of Nuki ids");
        }
        return value;
    }

    /** Whether the text was read as hexadecimal. */
    public static boolean isHex(String text) {
        return !DECIMAL.matcher(text.trim()).matches();
    }

    /** The id as the app shows it: 8 upper-case hex digits. */
    public static String hex(long id) {
        return String.format(Locale.ROOT, "%08X", id);
    }
}
