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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What a bridge-less lock's {@code commandResponse} means: 0 is success, anything else an error code of Nuki's
 * Bluetooth API, in decimal (which codes the MQTT path sends is not documented).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class CommandResponse {

    public static final int SUCCESS = 0;
    public static final int BUSY = 69;

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(Map.entry(32, "not authorized"),
            Map.entry(35, "bad parameter"), Map.entry(37, "the action is disabled on the lock"),
            Map.entry(38, "remote actions are not allowed"), Map.entry(39, "not allowed at this time"),
            Map.entry(64, "auto unlock too recent"), Map.entry(65, "position unknown"), Map.entry(66, "motor blocked"),
            Map.entry(67, "clutch failure"), Map.entry(68, "motor timeout"),
            Map.entry(BUSY, "the lock is busy with another action"), Map.entry(70, "canceled"),
            Map.entry(71, "the lock is not calibrated"), Map.entry(73, "motor power too low"),
            Map.entry(76, "battery voltage too low"), Map.entry(77, "the lock needs a firmware update"),
            Map.entry(255, "unknown error"));

    private CommandResponse() {
    }

    /** The code's meaning in words, for logs and status texts. */
    public static String meaning(int code) {
        if (code == SUCCESS) {
            return "success";
        }
        String meaning = MEANINGS.get(code);
        return meaning != null ? meaning + " (" + code + ")" : "error code " + code;
    }
}
