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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Who or what moved a bridge-less lock: the {@code lockActionEvent} topic, {@code action,trigger,authId,codeId,context}
 * (Nuki MQTT API 4.3). The lock sends it when an action is about to run; refused attempts are not sent.
 *
 * @param action 1 unlock, 2 lock, 3 unlatch, 4 lock 'n' go, 5 lock 'n' go with unlatch, 6 full lock; 80 a fob and 90
 *            the button pressed without an action
 * @param trigger 0 system (app, keypad), 2 button, 3 automatic (also a fob), 6 auto lock, 171 HomeKit or Matter, 172
 *            MQTT
 * @param authId the authorization that acted (0 when none)
 * @param codeId the keypad code (0 when none)
 * @param context auto unlock (app), the number of presses (button, fob), or the keypad's source (0 back key, 1 code,
 *            2 fingerprint)
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record LockActionEvent(int action, int trigger, long authId, int codeId, int context) {

    /** The trigger of an action sent through Nuki's MQTT API (openHAB's own, or another MQTT client's). */
    public static final int TRIGGER_MQTT = 172;

    /** The event, or null when the payload is not five comma-separated numbers. */
    public static @Nullable LockActionEvent parse(String payload) {
        String[] parts = payload.trim().split(",");
        if (parts.length != 5) {
            return null;
        }
        try {
            return new LockActionEvent(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Long.parseLong(parts[2].trim()), Integer.parseInt(parts[3].trim()),
                    Integer.parseInt(parts[4].trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a press of the button or a fob that started no action. */
    public boolean isPressWithoutAction() {
        return action == 80 || action == 90;
    }

    /**
     * The action as a word: UNLOCK, LOCK, UNLATCH, LOCK_N_GO, LOCK_N_GO_UNLATCH, FULL_LOCK, FOB, BUTTON, or ACTION_n.
     */
    public String actionName() {
        return switch (action) {
            case 1 -> "UNLOCK";
            case 2 -> "LOCK";
            case 3 -> "UNLATCH";
            case 4 -> "LOCK_N_GO";
            case 5 -> "LOCK_N_GO_UNLATCH";
            case 6 -> "FULL_LOCK";
            case 80 -> "FOB";
            case 90 -> "BUTTON";
            default -> "ACTION_" + action;
        };
    }

    /**
     * What moved the lock, as a word a rule can test: APP, AUTO_UNLOCK, KEYPAD_CODE, FINGERPRINT, KEYPAD (its back
     * key), BUTTON, FOB, AUTOMATIC, AUTO_LOCK, HOMEKIT_MATTER, MQTT, or TRIGGER_n.
     */
    public String triggerName() {
        return switch (trigger) {
            case 0 -> {
                if (codeId > 0) {
                    yield context == 2 ? "FINGERPRINT" : context == 1 ? "KEYPAD_CODE" : "KEYPAD";
                }
                yield context == 1 ? "AUTO_UNLOCK" : "APP";
            }
            case 2 -> "BUTTON";
            case 3 -> context > 0 ? "FOB" : "AUTOMATIC";
            case 6 -> "AUTO_LOCK";
            case 171 -> "HOMEKIT_MATTER";
            case 172 -> "MQTT";
            default -> "TRIGGER_" + trigger;
        };
    }

    /** How many times the button or the fob was pressed, or 0 when neither was. */
    public int presses() {
        return trigger == 2 || (trigger == 3 && context > 0) || isPressWithoutAction() ? context : 0;
    }
}
