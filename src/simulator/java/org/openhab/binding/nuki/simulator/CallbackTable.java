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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The bridge's callback registrations: at most 3, http only, URLs of at most 254 characters, duplicates accepted
 * (fact sheet 1.11). Ids are the positions in the table, so they are renumbered after a removal: the API
 * documentation does not say whether the bridge does this, and renumbering is the case a client must survive (it
 * has to list again after every removal).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class CallbackTable {

    static final int MAX_CALLBACKS = 3;
    static final int MAX_URL_LENGTH = 254;
    static final String TOO_MANY = "too many callbacks registered";

    enum AddResult {
        ADDED,
        INVALID_URL,
        FULL
    }

    private final List<String> urls = new ArrayList<>();

    synchronized AddResult add(String url) {
        if (!url.startsWith("http://") || url.length() > MAX_URL_LENGTH || url.length() <= "http://".length()) {
            return AddResult.INVALID_URL;
        }
        if (urls.size() >= MAX_CALLBACKS) {
            return AddResult.FULL;
        }
        urls.add(url);
        return AddResult.ADDED;
    }

    synchronized boolean remove(int id) {
        if (id < 0 || id >= urls.size()) {
            return false;
        }
        urls.remove(id);
        return true;
    }

    /** The URLs in id order. */
    synchronized List<String> urls() {
        return List.copyOf(urls);
    }

    synchronized void clear() {
        urls.clear();
    }
}
