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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.AdjustableClock;

/**
 * Names behind a lock's ids: app users and fobs by authId, keypad codes by codeId, a list fetched again for an
 * unknown id (not in a storm) and otherwise every 15 minutes, one fetch at a time, and no name rather than a wrong
 * one when the cloud fails.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class AuthorizationNamesTest {

    private static final long DEVICE = 17_618_910_285L;

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<WebAuthorizationDto> list = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<CompletableFuture<List<WebAuthorizationDto>>> held = new ArrayList<>();
    private volatile boolean hold;
    private volatile boolean fail;

    private final AuthorizationNames names = new AuthorizationNames(clock, id -> {
        fetches.incrementAndGet();
        CompletableFuture<List<WebAuthorizationDto>> answer = new CompletableFuture<>();
        if (fail) {
            answer.completeExceptionally(new WebApiException(WebApiFailure.THROTTLED, 429, "later", null));
        } else if (hold) {
            held.add(answer);
        } else {
            answer.complete(List.copyOf(list));
        }
        return answer;
    });

    private static WebAuthorizationDto auth(int type, int authId, String name) {
        WebAuthorizationDto dto = new WebAuthorizationDto();
        dto.type = type;
        dto.authId = authId;
        dto.name = name;
        return dto;
    }

    private Optional<String> name(int authId, int codeId) throws Exception {
        return names.nameFor(DEVICE, authId, codeId).get(5, TimeUnit.SECONDS);
    }

    @Test
    void testEachKindOfAuthorizationIsNamed() throws Exception {
        list.add(auth(0, 7, "Tom's phone"));
        list.add(auth(2, 9, "Anna's fob"));
        list.add(auth(1, 3, "Nuki Bridge"));
        list.add(auth(13, 4097, "Cleaner"));
        list.add(auth(3, 11, "Keypad"));
        assertThat(name(7, 0), is(Optional.of("Tom's phone")));
        assertThat(name(9, 0), is(Optional.of("Anna's fob")));
        assertThat(name(3, 0), is(Optional.of("Nuki Bridge")));
        // a keypad code: the event's authId is the keypad's own, the codeId names the code
        assertThat(name(11, 4097), is(Optional.of("Cleaner")));
        assertThat(fetches.get(), is(1));
    }

    @Test
    void testAnUnknownIdFetchesAgainButNotInAStorm() throws Exception {
        list.add(auth(0, 7, "Tom's phone"));
        assertThat(name(7, 0), is(Optional.of("Tom's phone")));
        list.add(auth(0, 8, "Guest"));
        // within the guard an unknown id is answered from the list at hand
        assertThat(name(8, 0), is(Optional.empty()));
        assertThat(name(99, 0), is(Optional.empty()));
        assertThat(fetches.get(), is(1));
        clock.advance(AuthorizationNames.UNKNOWN_ID_GUARD);
        assertThat(name(8, 0), is(Optional.of("Guest")));
        assertThat(fetches.get(), is(2));
    }

    @Test
    void testAKnownIdIsReadAgainEveryFifteenMinutesAtMost() throws Exception {
        list.add(auth(0, 7, "Tom's phone"));
        name(7, 0);
        clock.advance(Duration.ofMinutes(14));
        name(7, 0);
        assertThat(fetches.get(), is(1));
        list.set(0, auth(0, 7, "Tom (new phone)"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(name(7, 0), is(Optional.of("Tom (new phone)")));
        assertThat(fetches.get(), is(2));
    }

    @Test
    void testOneFetchAtATimePerDevice() throws Exception {
        list.add(auth(0, 7, "Tom's phone"));
        hold = true;
        CompletableFuture<Optional<String>> first = names.nameFor(DEVICE, 7, 0);
        CompletableFuture<Optional<String>> second = names.nameFor(DEVICE, 7, 0);
        assertThat(fetches.get(), is(1));
        held.forEach(answer -> answer.complete(List.copyOf(list)));
        assertThat(first.get(5, TimeUnit.SECONDS), is(Optional.of("Tom's phone")));
        assertThat(second.get(5, TimeUnit.SECONDS), is(Optional.of("Tom's phone")));
    }

    @Test
    void testAFailingCloudNamesNobodyRatherThanSomebodyWrong() throws Exception {
        fail = true;
        assertThat(name(7, 0), is(Optional.empty()));
        fail = false;
        list.add(auth(0, 7, "Tom's phone"));
        clock.advance(AuthorizationNames.UNKNOWN_ID_GUARD);
        assertThat(name(7, 0), is(Optional.of("Tom's phone")));
        // an old list still names a known id while the cloud fails
        clock.advance(Duration.ofMinutes(20));
        fail = true;
        assertThat(name(7, 0), is(Optional.of("Tom's phone")));
    }
}
