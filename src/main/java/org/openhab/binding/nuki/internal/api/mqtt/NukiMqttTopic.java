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
package org.openhab.binding.nuki.internal.api.mqtt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A topic of Nuki's MQTT API: {@code nuki/<ID>/<name>}, where the lock writes its id in upper-case hex. Ids are
 * matched by value, so {@code nuki/2bb28570/state} and a missing leading zero still find the lock.
 *
 * @param nukiId the lock's id as a number (the decimal id a Nuki Bridge reports)
 * @param idText the id as the lock wrote it, for the topics the binding publishes to
 * @param name what the topic carries ({@code state}, {@code lockAction}, ...)
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record NukiMqttTopic(long nukiId, String idText, String name) {

    /** Every topic of every lock on the broker. */
    public static final String ALL_LOCKS = "nuki/#";
    /** The topic that names a lock's device type; discovery listens to it. */
    public static final String DEVICE_TYPE = "deviceType";

    private static final Pattern TOPIC = Pattern.compile("nuki/([0-9A-Fa-f]{1,8})/([A-Za-z]+)");

    /** The topic, or null when it is no lock topic of Nuki's MQTT API. */
    public static @Nullable NukiMqttTopic parse(String topic) {
        Matcher matcher = TOPIC.matcher(topic);
        if (!matcher.matches()) {
            return null;
        }
        long id = Long.parseLong(matcher.group(1), 16);
        return id == 0 ? null : new NukiMqttTopic(id, matcher.group(1), matcher.group(2));
    }

    /** A lock's topic, with the id as the lock writes it ({@code idText}), or as the app shows it when unknown. */
    public static String of(@Nullable String idText, long nukiId, String name) {
        String id = idText != null ? idText : String.format(Locale.ROOT, "%08X", nukiId);
        return "nuki/" + id + "/" + name;
    }
}
