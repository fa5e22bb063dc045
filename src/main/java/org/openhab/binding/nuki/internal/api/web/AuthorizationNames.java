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
package org.openhab.binding.nuki.internal.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The names behind the ids a lock reports ({@code lockActionEvent}'s {@code authId} and {@code codeId}), from the
 * account's authorization lists, kept per device. A list is fetched again when an id it does not know appears (not
 * more often than {@link #UNKNOWN_ID_GUARD}, so a stream of unknown ids cannot flood the cloud) and otherwise at most
 * every {@link #MAX_AGE}; one fetch per device at a time. Which Web entry a keypad's {@code codeId} names is not
 * documented: it is looked up as the {@code authId} of a keypad-code entry first, then as any entry's.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class AuthorizationNames {

    public static final Duration MAX_AGE = Duration.ofMinutes(15);
    public static final Duration UNKNOWN_ID_GUARD = Duration.ofSeconds(30);

    private record Entry(Instant fetchedAt, List<WebAuthorizationDto> authorizations) {
    }

    private final Clock clock;
    private final LongFunction<CompletableFuture<List<WebAuthorizationDto>>> fetch;
    private final Map<Long, Entry> lists = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Entry>> fetching = new ConcurrentHashMap<>();

    /** @param fetch reads a device's authorizations by its Web id ({@link WebApiClient#authorizations}) */
    public AuthorizationNames(Clock clock, LongFunction<CompletableFuture<List<WebAuthorizationDto>>> fetch) {
        this.clock = clock;
        this.fetch = fetch;
    }

    /**
     * The name of whoever a lock's event names.
     *
     * @param smartlockId the device's Web id
     * @param authId the event's {@code authId} (0: none)
     * @param codeId the event's {@code codeId} (0: no keypad code)
     * @return the name, or empty when the account has none for the ids (then nobody is named rather than a wrong one)
     */
    public CompletableFuture<Optional<String>> nameFor(long smartlockId, int authId, int codeId) {
        Entry entry = lists.get(smartlockId);
        Instant now = clock.instant();
        if (entry != null) {
            Optional<String> known = lookUp(entry.authorizations(), authId, codeId);
            boolean fresh = entry.fetchedAt().plus(MAX_AGE).isAfter(now);
            boolean mayAskAgain = !entry.fetchedAt().plus(UNKNOWN_ID_GUARD).isAfter(now);
            if ((known.isPresent() && fresh) || (known.isEmpty() && !mayAskAgain)) {
                return CompletableFuture.completedFuture(known);
            }
        }
        return refresh(smartlockId).handle((fetched, error) -> {
            Entry latest = error == null ? fetched : lists.get(smartlockId);
            return latest == null ? Optional.<String> empty() : lookUp(latest.authorizations(), authId, codeId);
        });
    }

    private CompletableFuture<Entry> refresh(long smartlockId) {
        CompletableFuture<Entry> created = new CompletableFuture<>();
        CompletableFuture<Entry> running = fetching.putIfAbsent(smartlockId, created);
        if (running != null) {
            return running;
        }
        fetch.apply(smartlockId).whenComplete((authorizations, error) -> {
            fetching.remove(smartlockId, created);
            if (error != null) {
                created.completeExceptionally(error);
                return;
            }
            Entry entry = new Entry(clock.instant(), List.copyOf(authorizations));
            lists.put(smartlockId, entry);
            created.complete(entry);
        });
        return created;
    }

    static Optional<String> lookUp(List<WebAuthorizationDto> authorizations, int authId, int codeId) {
        if (codeId != 0) {
            String code = firstName(authorizations, codeId, true);
            return Optional.ofNullable(code != null ? code : firstName(authorizations, codeId, false));
        }
        if (authId == 0) {
            return Optional.empty();
        }
        for (WebAuthorizationDto authorization : authorizations) {
            String name = authorization.name;
            if (authorization.type != WebAuthorizationDto.TYPE_KEYPAD_CODE && equal(authorization.authId, authId)
                    && name != null && !name.isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The name of the first entry with this device-side id: among keypad codes only, or among all entries. */
    private static @Nullable String firstName(List<WebAuthorizationDto> authorizations, int id, boolean codesOnly) {
        for (WebAuthorizationDto authorization : authorizations) {
            String name = authorization.name;
            if ((!codesOnly || authorization.type == WebAuthorizationDto.TYPE_KEYPAD_CODE)
                    && equal(authorization.authId, id) && name != null && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static boolean equal(@Nullable Integer value, int id) {
        return value != null && value == id;
    }
}
