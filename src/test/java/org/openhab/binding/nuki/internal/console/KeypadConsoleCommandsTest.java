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
package org.openhab.binding.nuki.internal.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.AccountFixture;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.io.console.Console;
import org.openhab.core.thing.ThingStatus;

/**
 * {@code nuki keypad} and {@code nuki log} against a simulated bridge and the Web API simulator: listings without
 * codes, a new code asked for with a masked prompt (never an argument, so never in the console's history), every
 * change answered in words.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class KeypadConsoleCommandsTest {

    private static final String GUEST_CODE = "234567";

    /** A console that keeps what is printed and answers prompts with the given line. */
    private static final class PromptingConsole implements Console {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> prompts = new CopyOnWriteArrayList<>();
        volatile @Nullable String answer;
        volatile @Nullable Character mask;

        @Override
        public void print(String s) {
            lines.add(s);
        }

        @Override
        public void println(String s) {
            lines.add(s);
        }

        @Override
        public void printUsage(String s) {
            lines.add("usage: " + s);
        }

        @Override
        public String readLine(String prompt, @Nullable Character mask) throws IOException {
            prompts.add(prompt);
            this.mask = mask;
            String line = answer;
            if (line == null) {
                throw new UnsupportedOperationException();
            }
            return line;
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private @NonNullByDefault({}) AccountFixture account;
    private @NonNullByDefault({}) Device lock;
    private final NukiThingDirectory directory = new NukiThingDirectory();
    private final PromptingConsole console = new PromptingConsole();
    private @NonNullByDefault({}) NukiConsoleCommandExtension command;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator("console-bridge-token");
        simulator.addDevice(SimulatedDevice.smartLock(NukiWebSimulator.DEMO_LOCK, 4, "Front door").withKeypad());
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        account = new AccountFixture(harness.httpClient, harness.accounts, Clock.systemUTC());
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        lock = harness.addSmartLock("front", Map.of("nukiId", String.valueOf(NukiWebSimulator.DEMO_LOCK)));
        harness.initialize(lock);
        Await.until("lock online", () -> lock.statusValue() == ThingStatus.ONLINE);
        directory.addDevice(lock.handler);
        account.online();
        command = new NukiConsoleCommandExtension(directory, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        account.close();
        harness.close();
    }

    private String run(String... args) {
        console.lines.clear();
        command.execute(args, console);
        return console.text();
    }

    @Test
    void testAGuestCodeIsAddedListedSwitchedAndRemoved() {
        assertThat(run("keypad", "front", "list"), allOf(containsString("Cleaner"), containsString("Anna"),
                not(containsString("345678")), not(containsString("456789"))));

        console.answer = GUEST_CODE;
        String added = run("keypad", "nuki:smartlock:home:front", "add", "Guest", "2026-12-24T15:00",
                "2026-12-27T11:00");
        assertThat(added, containsString("accepted"));
        assertThat(console.mask, is('*'));
        assertThat(console.prompts, hasSize(1));
        Await.until("on the lock", () -> lock.events.contains("keypad-event:ADDED:Guest"));
        assertThat(run("keypad", "front", "list"), allOf(containsString("Guest"),
                containsString("from 2026-12-24 15:00"), containsString("until 2026-12-27 11:00")));

        assertThat(run("keypad", "front", "disable", "Guest"), containsString("switched off"));
        Await.until("off on the lock", () -> lock.events.contains("keypad-event:DISABLED:Guest"));
        assertThat(run("keypad", "front", "enable", "Guest"), containsString("switched on"));
        Await.until("on again", () -> lock.events.contains("keypad-event:ENABLED:Guest"));
        assertThat(run("keypad", "front", "remove", "Guest"), containsString("removed"));
        Await.until("gone", () -> lock.events.contains("keypad-event:REMOVED:Guest"));
        assertThat(run("keypad", "front", "list"), not(containsString("Guest")));
        assertThat(String.join("\n", console.lines) + String.join("\n", console.prompts),
                not(containsString(GUEST_CODE)));
    }

    @Test
    void testAnInvalidCodeOrDateIsRefusedInWordsWithoutAWrite() {
        console.answer = "123456";
        assertThat(run("keypad", "front", "add", "Guest"),
                containsString("Refused: A keypad code must not start with 12"));
        assertThat(run("keypad", "front", "add", "Guest", "Christmas"), containsString("no date and time"));
        console.answer = null;
        assertThat(run("keypad", "front", "add", "Guest"), containsString("cannot ask for the code"));
        assertThat(run("keypad", "front", "remove", "Nobody"), containsString("Refused"));
        assertThat(account.cloud.requestCount("PUT /smartlock/{id}/auth"), is(0));
        assertThat(console.text(), not(containsString("123456")));
    }

    @Test
    void testTheLogShowsWhoDidWhat() {
        account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, "Cleaner", 1, 255, 1);
        account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, "Tom's phone", 2, 5, 0);
        String log = run("log", "front", "5");
        assertThat(log, allOf(containsString("UNLOCK"), containsString("KEYPAD_CODE"), containsString("Cleaner"),
                containsString("LOCK"), containsString("APP"), containsString("Tom's phone")));
        assertThat(log.indexOf("Tom's phone"), lessThan(log.indexOf("Cleaner")));
        assertThat(log, containsString("SUCCESS"));
        assertThat(run("log", "front", "many"), containsString("no number"));
    }

    @Test
    void testTheLogTellsHowAnEntryEnded() {
        // a wrong keypad code, a blocked motor, tap to unlock, and a newer action
        account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, "Cleaner", 1, 255, 1, 224);
        account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, "Tom's phone", 1, 5, 0, 1);
        account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, "Anna", 1, 255, 3, 0);
        account.cloud.logNow(NukiWebSimulator.DEMO_LOCK, "Nuki Bridge", 253, 0, 0, 0);
        String[] lines = run("log", "front", "4").strip().split("\\R");
        assertThat(lines.length, is(4));
        assertThat(lines[0], allOf(containsString("CALIBRATION"), containsString("SUCCESS")));
        assertThat(lines[1], allOf(containsString("UNLOCK"), containsString("TAP_TO_UNLOCK"), containsString("Anna")));
        assertThat(lines[2], allOf(containsString("UNLOCK"), containsString("MOTOR_BLOCKED")));
        assertThat(lines[3],
                allOf(containsString("UNLOCK"), containsString("KEYPAD_CODE"), containsString("INVALID_CODE")));
        assertThat(String.join("\n", lines), not(containsString("ACTION_")));
    }

    @Test
    void testAnUnknownThingOrAMissingArgumentSaysWhat() {
        assertThat(run("keypad", "cellar", "list"), containsString("No Nuki smart lock or opener thing 'cellar'"));
        assertThat(run("keypad", "front"), containsString("usage: keypad"));
        assertThat(run("log"), containsString("usage: log"));
    }
}
