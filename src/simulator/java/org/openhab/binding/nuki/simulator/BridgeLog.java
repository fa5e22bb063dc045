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
package org.openhab.binding.nuki.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The bridge's event log behind /log and /clearlog: newest first, each entry a timestamp, a type and extras (for
 * example {@code HTTP-PostTimeout} with the URL of a callback that failed).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class BridgeLog {

    private static final int CAPACITY = 500;

    private final List<Map<String, Object>> entries = new ArrayList<>();

    synchronized void add(Instant at, String type, Map<String, Object> extras) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("timestamp", SimulatedDevice.JSON_TIME.format(at));
        entry.put("type", type);
        entry.putAll(extras);
        entries.add(0, entry);
        if (entries.size() > CAPACITY) {
            entries.remove(entries.size() - 1);
        }
    }

    synchronized List<Map<String, Object>> page(int offset, int count) {
        int from = Math.min(Math.max(offset, 0), entries.size());
        int to = Math.min(from + Math.max(count, 0), entries.size());
        return List.copyOf(entries.subList(from, to));
    }

    synchronized List<String> types() {
        return entries.stream().map(entry -> String.valueOf(entry.get("type"))).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
