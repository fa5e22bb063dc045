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
package org.openhab.binding.nuki.internal.handler;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The device things are deterministic by construction: their inputs are handled on their lane, so no class of theirs
 * takes a lock or relies on {@code volatile}. (The unlatch-allowed store is shared by all things and keeps its own
 * lock around its file.) The state machines import nothing of openHAB.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class DeviceThingsWithoutLocksTest {

    private static final Path HANDLERS = Path.of("src/main/java/org/openhab/binding/nuki/internal/handler");
    private static final Pattern LOCKING = Pattern.compile(
            "\\bsynchronized\\b|\\bvolatile\\b|java\\.util\\.concurrent\\.locks|\\.wait\\(|\\.notify(All)?\\(");

    @Test
    void testNoDeviceThingClassTakesALock() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(HANDLERS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.endsWith("UnlatchAllowedStore.java")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher matcher = LOCKING.matcher(source);
                while (matcher.find()) {
                    found.add(file.getFileName() + ": " + matcher.group());
                }
            }
        }
        assertThat(found, is(empty()));
    }

    @Test
    void testTheStateMachinesAndTheLaneImportNothingOfOpenhab() throws IOException {
        for (String machine : List.of("DeviceLane", "DoorGate", "ReportOrder", "OpeningEvents", "Attribution",
                "TransitionalWatch")) {
            String source = Files.readString(HANDLERS.resolve(machine + ".java"));
            assertThat(machine, source, not(containsString("import org.openhab.core")));
            assertThat(machine, source, not(containsString("synchronized")));
        }
    }
}
