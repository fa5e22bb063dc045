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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.test.Await;

/**
 * The simulated Nuki Hub's console: its help, the state listing, the faults it switches and the commands it refuses.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorHubConsoleTest {

    @Test
    void testTheConsoleListsSwitchesFaultsAndRefusesNonsense() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (HubSimulatorMain main = Objects.requireNonNull(
                HubSimulatorMain.start(List.of("--hub", "--port", "0", "--fast", "--window", "0"), out))) {
            assertThat(printed.toString(StandardCharsets.UTF_8), containsString("Bridge nuki:hub:esp"));
            assertThat(main.execute(new String[] { "help" }), containsString("refuse denied|off"));
            Await.until("hub online", () -> list(main).startsWith("hub online"));
            assertThat(main.execute(new String[] { "list" }), containsString("lock 2A3B4C5D: locked"));
            assertThat(main.execute(new String[] { "refuse", "denied" }), is("ok"));
            assertThat(main.execute(new String[] { "refuse", "off" }), is("ok"));
            assertThat(main.execute(new String[] { "keypad", "off" }), is("ok"));
            assertThat(main.execute(new String[] { "bluetooth", "hiccup" }), is("ok"));
            assertThat(main.execute(new String[] { "bluetooth", "ok" }), is("ok"));
            assertThat(main.execute(new String[] { "publish-keypad", "on" }), is("ok"));
            assertThrows(IllegalArgumentException.class, () -> main.execute(new String[] { "refuse", "error" }));
            assertThrows(IllegalArgumentException.class, () -> main.execute(new String[] { "bluetooth", "gone" }));
            assertThrows(IllegalArgumentException.class, () -> main.execute(new String[] { "keypad", "maybe" }));
            assertThat(main.execute(new String[] { "window", "6" }), is("ok"));
            assertThat(main.execute(new String[] { "stats" }), is("actions received []"));
            assertThrows(IllegalArgumentException.class, () -> main.execute(new String[] { "refuse", "maybe" }));
            assertThrows(IllegalArgumentException.class, () -> main.execute(new String[] { "app", "Anna" }));
            assertThrows(IllegalArgumentException.class, () -> main.execute(new String[] { "fly" }));
            assertThat(main.execute(new String[] { "vanish" }), containsString("keep-alive"));
            Await.until("hub offline", () -> list(main).startsWith("hub offline"));
            main.execute(new String[] { "back" });
            Await.until("hub online again", () -> list(main).startsWith("hub online"));
            assertThat(main.execute(new String[] { "drop" }), containsString("last will"));
            Await.until("hub offline", () -> list(main).startsWith("hub offline"));
        }
    }

    private static String list(HubSimulatorMain main) {
        try {
            return main.execute(new String[] { "list" });
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void testHelpPrintsTheUsageAndStartsNothing() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThat(HubSimulatorMain.start(List.of("--hub", "--help"), out), is(nullValue()));
        assertThat(printed.toString(StandardCharsets.UTF_8), containsString("Usage: ./simulator --hub"));
    }
}
