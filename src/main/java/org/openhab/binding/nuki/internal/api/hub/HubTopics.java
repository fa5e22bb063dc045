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

/**
 * The topics of one Nuki Hub under its base topic (default {@code nukihub}, unique per hub): the hub's last will, and
 * the lock's and the opener's subtrees. The topics carry no Nuki id: a hub serves at most one lock and one opener.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record HubTopics(String base) {

    public static final String DEFAULT_BASE = "nukihub";
    /** The hub's last will: {@code online} after each connect, {@code offline} when it is gone. */
    public static final String CONNECTION_STATE = "maintenance/mqttConnectionState";

    public HubTopics {
        String trimmed = base.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || trimmed.contains("+") || trimmed.contains("#")) {
            throw new IllegalArgumentException("\"" + base + "\" is no MQTT base topic");
        }
        base = trimmed;
    }

    /** The hub's last will topic. */
    public String connectionState() {
        return base + "/" + CONNECTION_STATE;
    }

    /** A topic of the hub's lock, for example {@code lock("action")}: {@code nukihub/lock/action}. */
    public String lock(String topic) {
        return base + "/lock/" + topic;
    }

    /** A topic of the hub's opener. */
    public String opener(String topic) {
        return base + "/opener/" + topic;
    }

    /** A topic of the lock or the opener. */
    public String device(boolean opener, String topic) {
        return opener ? opener(topic) : lock(topic);
    }

    /** Everything the hub publishes, for one subscription. */
    public String all() {
        return base + "/#";
    }
}
