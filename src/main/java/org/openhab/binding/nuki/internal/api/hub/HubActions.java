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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.LockAction;

/**
 * Lock actions as Nuki Hub takes them on {@code lock/action} and {@code opener/action} (QoS 1, never retained), and
 * its answers on the same topic. {@code ack} means queued, not done: the state topics tell the outcome.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubActions {

    /**
     * The reset value Nuki Hub publishes (retained) on each action topic when it connects for the first time after a
     * boot, and never on a mere reconnect.
     */
    public static final String RESET = "--";

    /** What Nuki Hub answers on the action topic. */
    public enum Reply {
        /** Accepted and queued. */
        ACK,
        /** The word is not one of the hub's. */
        UNKNOWN_ACTION,
        /** Blocked by the hub's access control for this action. */
        DENIED,
        ERROR;

        /** The reply in a payload, or null for anything else (the command itself, the reset {@code --}). */
        public static @Nullable Reply of(String payload) {
            return switch (payload.trim()) {
                case "ack" -> ACK;
                case "unknown_action" -> UNKNOWN_ACTION;
                case "denied" -> DENIED;
                case "error" -> ERROR;
                default -> null;
            };
        }
    }

    private HubActions() {
    }

    /** The payload for an action, or null when the device has no such action. */
    public static @Nullable String payload(LockAction action) {
        return switch (action) {
            case UNLOCK -> "unlock";
            case LOCK -> "lock";
            case UNLATCH -> "unlatch";
            case LOCK_N_GO -> "lockNgo";
            case LOCK_N_GO_WITH_UNLATCH -> "lockNgoUnlatch";
            case FULL_LOCK -> "fullLock";
            case ACTIVATE_RING_TO_OPEN -> "activateRTO";
            case DEACTIVATE_RING_TO_OPEN -> "deactivateRTO";
            case ELECTRIC_STRIKE_ACTUATION -> "electricStrikeActuation";
            case ACTIVATE_CONTINUOUS_MODE -> "activateCM";
            case DEACTIVATE_CONTINUOUS_MODE -> "deactivateCM";
            default -> null;
        };
    }

    /** Why a reply is no success, in a user's words; null for {@link Reply#ACK}. */
    public static @Nullable String refusal(Reply reply, LockAction action) {
        return switch (reply) {
            case ACK -> null;
            case DENIED -> "Nuki Hub does not allow " + payload(action)
                    + ": allow this action in Nuki Hub's access level settings";
            case UNKNOWN_ACTION -> "Nuki Hub does not know the action " + payload(action) + " (older firmware?)";
            case ERROR -> "Nuki Hub could not perform " + payload(action);
        };
    }
}
