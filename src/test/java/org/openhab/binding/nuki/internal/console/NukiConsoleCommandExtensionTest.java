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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.core.io.console.Console;
import org.openhab.core.thing.ThingStatus;

/**
 * The {@code nuki} console command against a bridge whose callback table is full of other apps' entries.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiConsoleCommandExtensionTest {

    private static final String TOKEN = "console-secret-token";
    private static final String HOME_ASSISTANT = "http://192.168.1.7:8123/api/webhook/4f1c2e9a-secret";
    private static final String HOMEBRIDGE = "http://192.168.1.8:8882/notify/9876";
    private static final String OLD_OPENHAB = "http://192.168.1.5:8080/nuki/bcb?callbackId=abc";

    /** A console that keeps what is printed. */
    private static final class RecordingConsole implements Console {
        final List<String> lines = new CopyOnWriteArrayList<>();

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

        String text() {
            return String.join("\n", lines);
        }
    }

    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private final NukiThingDirectory directory = new NukiThingDirectory();
    private final RecordingConsole console = new RecordingConsole();
    private @NonNullByDefault({}) NukiConsoleCommandExtension command;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(SimulatedDevice.smartLock(0x1A2B3C4DL, 4, "Front door").withDoorSensor());
        simulator.addDevice(SimulatedDevice.opener(0x2B3C4D5EL, "Street door"));
        simulator.registerCallback(HOME_ASSISTANT);
        simulator.registerCallback(HOMEBRIDGE);
        simulator.registerCallback(OLD_OPENHAB);
        harness = new HandlerHarness(simulator, Clock.systemUTC(), null);
        directory.add(harness.bridgeHandler);
        harness.initializeBridge();
        Await.until("bridge online with a full table", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE
                && "@text/online.callbacks-full".equals(harness.bridgeStatus.get().getDescription()));
        Await.until("devices listed", () -> harness.bridgeHandler.entries().size() == 2);
        command = new NukiConsoleCommandExtension(directory, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void assertNoSecret() {
        String secret = CallbackSecret.derive(TOKEN, HandlerHarness.BRIDGE_UID.getAsString());
        assertThat(console.text(), not(containsString(TOKEN)));
        assertThat(console.text(), not(containsString(secret)));
        assertThat(console.text(), not(containsString("4f1c2e9a-secret")));
    }

    @Test
    void testCallbacksOfAFullTableAreListedAsOtherApps() {
        command.execute(new String[] { "callbacks", "home" }, console);
        assertThat(console.lines,
                hasItems("0: http://192.168.1.7:8123/api/...  [other app]",
                        "1: http://192.168.1.8:8882/notify/...  [other app]",
                        "2: http://192.168.1.5:8080/nuki/...  [other app]"));
        assertThat(console.text(), containsString("3 of 3 slots used"));
        assertNoSecret();
    }

    @Test
    void testRemovingAForeignCallbackFreesASlotForOpenhab() {
        command.execute(new String[] { "callbacks", "nuki:bridge:home", "remove", "2" }, console);
        assertThat(console.text(), containsString("Removed callback 2."));
        assertThat(simulator.callbackUrls(), hasItems(HOME_ASSISTANT, HOMEBRIDGE));
        assertThat(simulator.callbackUrls(), not(hasItem(OLD_OPENHAB)));
        // the next reconciliation takes the free slot
        harness.bridgeHandler.reconcileSoon();
        Await.until("ours registered", () -> simulator.callbackUrls().size() == 3);
        Await.until("description gone", () -> harness.bridgeStatus.get().getDescription() == null);
        console.lines.clear();
        command.execute(new String[] { "callbacks", "home" }, console);
        assertThat(console.text(), containsString("[this openHAB]"));
        assertNoSecret();
    }

    @Test
    void testBridgesAndTheirDevices() {
        command.execute(new String[] { "bridges" }, console);
        assertThat(console.lines.get(0), startsWith("nuki:bridge:home at 127.0.0.1:" + simulator.port() + " - ONLINE"));
        assertThat(console.text(), containsString("1A2B3C4D smartlock"));
        assertThat(console.text(), containsString("LOCKED, door DOOR_CLOSED (no thing)"));
        assertThat(console.text(), containsString("2B3C4D5E opener"));
        assertNoSecret();
    }

    @Test
    void testInfoAndCheck() {
        command.execute(new String[] { "info", "home" }, console);
        assertThat(console.text(), containsString("Bridge type:     hardware"));
        assertThat(console.text(), containsString("Firmware:        2.17.0 (Wi-Fi 2.4.0)"));
        assertThat(console.text(), containsString("Nuki_1A2B3C4D"));
        console.lines.clear();
        simulator.setClockSkew(Duration.ofSeconds(20));
        command.execute(new String[] { "check", "home" }, console);
        assertThat(console.text(), containsString("Authentication OK."));
        assertThat(console.text(), containsString("ahead of openHAB - fine"));
        assertNoSecret();
    }

    @Test
    void testCheckReportsAFailureInWords() {
        simulator.setClockSkew(Duration.ofMinutes(10));
        command.execute(new String[] { "check", "home" }, console);
        assertThat(console.text(), containsString("Failed: The bridge's clock is"));
        assertThat(console.text(), containsString("ahead of openHAB's"));
        assertNoSecret();
    }

    @Test
    void testUsageAndUnknownBridge() {
        command.execute(new String[0], console);
        assertThat(console.text(), containsString("usage: nuki callbacks <bridge> remove <id>"));
        console.lines.clear();
        command.execute(new String[] { "info", "garage" }, console);
        assertThat(console.text(), containsString("No Nuki bridge thing 'garage'"));
        assertThat(Map.of("x", NukiConsoleCommandExtension.redact("not a url ::")).get("x"), is("(not a URL)"));
    }
}
