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
package org.openhab.binding.nuki.internal.api.callback;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.internal.api.dto.CallbackListDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the binding's one callback on a bridge, without ever touching another app's: lists the table, removes only
 * entries that are provably ours but stale (our path with this bridge's id, and another host, port or secret) and
 * extra copies of our own URL, then adds ours if it is missing and a slot is free. Ids are re-read after every
 * removal, since the bridge may renumber them.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class CallbackRegistration {

    /** The result of {@link #ensure()}. */
    public enum Outcome {
        /** Our callback was there already. */
        PRESENT,
        /** Our callback was added. */
        ADDED,
        /** All slots belong to other apps: nothing was added. */
        TABLE_FULL
    }

    /** The bridge has at most this many callbacks. */
    public static final int SLOTS = 3;
    private static final int MAX_STEPS = 8;

    private final Logger logger = LoggerFactory.getLogger(CallbackRegistration.class);
    private final NukiBridgeClient client;
    private final String url;
    private final String ownPathPrefix;

    /**
     * @param url our callback URL
     * @param ownPathPrefix the path every URL of ours for this bridge starts with, e.g.
     *            {@code /nuki/callback/<bridge id>/}
     */
    public CallbackRegistration(NukiBridgeClient client, String url, String ownPathPrefix) {
        this.client = client;
        this.url = url;
        this.ownPathPrefix = ownPathPrefix;
    }

    public String url() {
        return url;
    }

    /** The check under way, if any; a second one at the same time would see the same table and add ours twice. */
    private @Nullable CompletableFuture<Outcome> checking;

    /**
     * Makes sure our callback is registered, cleaning up stale copies of ours. While a check is under way, this returns
     * that check instead of starting another.
     */
    public synchronized CompletableFuture<Outcome> ensure() {
        CompletableFuture<Outcome> current = checking;
        if (current == null || current.isDone()) {
            current = step(MAX_STEPS);
            checking = current;
        }
        return current;
    }

    private CompletableFuture<Outcome> step(int stepsLeft) {
        return client.callbackList().thenCompose(entries -> {
            CallbackListDto.Entry removable = firstRemovable(entries);
            if (removable != null && stepsLeft > 0) {
                logger.debug("Removing a stale callback of this binding from the bridge (id {})", removable.id);
                return client.callbackRemove(removable.id).thenCompose(result -> step(stepsLeft - 1));
            }
            if (entries.stream().anyMatch(entry -> url.equals(entry.url))) {
                return CompletableFuture.completedFuture(Outcome.PRESENT);
            }
            if (entries.size() >= SLOTS) {
                return CompletableFuture.completedFuture(Outcome.TABLE_FULL);
            }
            return client.callbackAdd(url).thenApply(result -> {
                if (Boolean.TRUE.equals(result.success)) {
                    return Outcome.ADDED;
                }
                // the table filled up between listing and adding (another app was quicker)
                return Outcome.TABLE_FULL;
            });
        });
    }

    /** A stale entry of ours, or a second copy of our own URL; never another app's. */
    private CallbackListDto.@Nullable Entry firstRemovable(List<CallbackListDto.Entry> entries) {
        boolean ownSeen = false;
        for (CallbackListDto.Entry entry : entries) {
            if (url.equals(entry.url)) {
                if (ownSeen) {
                    return entry;
                }
                ownSeen = true;
            } else if (isOurs(entry.url)) {
                return entry;
            }
        }
        return null;
    }

    /** Whether a URL is one the binding made for this bridge (with whatever host, port and secret). */
    public boolean isOurs(@Nullable String candidate) {
        if (candidate == null) {
            return false;
        }
        try {
            String path = URI.create(candidate).getPath();
            return path != null && path.startsWith(ownPathPrefix);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Removes every copy of our URL (when the bridge thing goes away). Stale entries of ours go too. A check under way
     * ends first, so that it cannot add ours again behind the removal.
     */
    public CompletableFuture<@Nullable Void> remove() {
        CompletableFuture<Outcome> current;
        synchronized (this) {
            current = checking;
        }
        if (current == null || current.isDone()) {
            return removeStep(MAX_STEPS);
        }
        return current.handle((outcome, error) -> MAX_STEPS).thenCompose(this::removeStep);
    }

    private CompletableFuture<@Nullable Void> removeStep(int stepsLeft) {
        return client.callbackList().thenCompose(entries -> {
            for (CallbackListDto.Entry entry : entries) {
                if ((url.equals(entry.url) || isOurs(entry.url)) && stepsLeft > 0) {
                    return client.callbackRemove(entry.id).thenCompose(result -> removeStep(stepsLeft - 1));
                }
            }
            return CompletableFuture.<@Nullable Void> completedFuture(null);
        });
    }
}
