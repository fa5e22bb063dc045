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

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's command line: the banner tells how to configure a bridge thing, and console lines change devices.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorMainTest {

    private final NukiBridgeSimulator simulator = new NukiBridgeSimulator("console-token");
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final SimulatorMain main = new SimulatorMain(simulator,
            new PrintStream(buffer, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void testBannerShowsAddressTokenAndThingConfiguration() throws Exception {
        SimulatorMain.demoDevices().forEach(simulator::addDevice);
        simulator.start();
        main.printBanner();
        assertThat(printed(), containsString("listening on http://127.0.0.1:" + simulator.port()));
        assertThat(printed(), containsString("API token: console-token"));
        assertThat(printed(),
                containsString("Bridge nuki:bridge:home \"Nuki Bridge (simulated)\" [ ip=\"127.0.0.1\", port="
                        + simulator.port() + ", apiToken=\"console-token\", authentication=\"encrypted\" ]"));
        assertThat(printed(), containsString("Thing smartlock front \"Front door\" [ nukiId=\"439041101\" ]"));
        assertThat(printed(), containsString("Thing opener street \"Street door\" [ nukiId=\"725372254\" ]"));
    }

    @Test
    void testConsoleCommandsChangeDevicesByHand() throws Exception {
        SimulatorMain.demoDevices().forEach(simulator::addDevice);
        simulator.start();
        main.console(new BufferedReader(new StringReader(
                "state front 3\ndoor 1A2B3C4D open\nring Street door\nbusy 2\nnonsense\nquit\nstate front 1\n")));
        assertThat(simulator.device(SimulatorMain.DEMO_LOCK_ID).state(), is(3));
        assertThat(simulator.device(SimulatorMain.DEMO_LOCK_ID).doorsensorState(), is(3));
        assertThat(printed(), containsString("? unknown command 'nonsense'"));
        // "ring Street door" names the device "Street", which does not exist
        assertThat(printed(), containsString("? no device 'Street'"));
    }

    @Test
    void testDevicesFromAJsonFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("devices.json");
        Files.writeString(file, """
                [ {"nukiId": 1, "deviceType": 0, "name": "Old lock", "knob": true, "state": 3},
                  {"nukiId": 2, "deviceType": 2, "name": "Gate"},
                  {"nukiId": 3, "deviceType": 4, "doorSensor": true, "keypad": true, "batteryCharge": true} ]
                """);
        List<SimulatedDevice> devices = SimulatorMain.readDevices(file);
        assertThat(devices.size(), is(3));
        assertThat(devices.get(0).hasKnob(), is(true));
        assertThat(devices.get(0).state(), is(3));
        assertThat(devices.get(1).isOpener(), is(true));
        assertThat(devices.get(2).name(), is("Nuki 3"));
    }
}
