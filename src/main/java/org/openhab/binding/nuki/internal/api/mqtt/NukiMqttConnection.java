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

import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A connection to the MQTT broker Nuki's bridge-less locks publish to, as the protocol layer needs it. The openHAB
 * layer provides it on openHAB's MQTT transport; nothing here knows which client carries it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface NukiMqttConnection {

    /** Receives a message of a subscribed topic filter. */
    @FunctionalInterface
    interface Listener {
        void onMessage(String topic, String payload);
    }

    /** Subscribes to a topic filter (wildcards allowed); the future tells whether the broker took it. */
    CompletableFuture<Boolean> subscribe(String topicFilter, Listener listener);

    /** Publishes; the future tells whether the broker took the message at the given QoS. */
    CompletableFuture<Boolean> publish(String topic, String payload, int qos, boolean retain);
}
