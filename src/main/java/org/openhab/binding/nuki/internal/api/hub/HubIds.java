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
package org.openhab.binding.nuki.internal.api.hub;

import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.model.NukiId;

/**
 * Nuki ids as Nuki Hub shows them: hexadecimal, lower case, unpadded ({@code itoa(id, 16)} in its
 * {@code configuration/basicJson}), so an id typed as the hub shows it may be all digits ({@code 12345678}). Under a
 * hub, up to 8 hexadecimal digits are read as hexadecimal; a longer number can only be the decimal id a Nuki Bridge
 * reports, and is read so.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubIds {

    private static final Pattern HEX = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,8}");

    private HubIds() {
    }

    /** @throws IllegalArgumentException when the text is no Nuki id */
    public static long parse(String text) {
        String id = text.trim();
        if (HEX.matcher(id).matches()) {
            return NukiId.parse(id.startsWith("0x") || id.startsWith("0X") ? id : "0x" + id);
        }
        return NukiId.parse(id);
    }

    /**
     * The id as a thing under a hub takes it and as other inboxes know it: the decimal id when it has more than 8
     * digits (no hexadecimal id does), else the id as the app shows it.
     */
    public static String configured(long id) {
        String decimal = Long.toString(id);
        return decimal.length() > 8 ? decimal : NukiId.hex(id);
    }
}
