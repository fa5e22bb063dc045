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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code ./simulator --hub}: a simulated Nuki Hub with a smart lock and an opener, on a broker embedded here (unless
 * {@code --broker host:port} names one), with a console to move them by hand and break things.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class HubSimulatorMain implements AutoCloseable {

    static final String USAGE = """
            Usage: ./simulator --hub [options]
              --broker HOST:PORT  use this broker (default: start one here)
              --port N            port of the broker started here (default 1883)
              --bind ADDRESS      address of the broker started here (default 127.0.0.1; 0.0.0.0 for other machines)
              --fast              short actions (default: seconds-long, as real hardware)
              --window SECONDS    how long after a connect the hub ignores actions (default 6, as Nuki Hub)
              --keep-alive SECONDS  the hub's MQTT keep-alive (default 60, as Nuki Hub)

            It serves until stopped: 'quit' on its console, or SIGTERM (Ctrl-C). Without a console it keeps serving.
            """;

    static final String COMMANDS = """
            Commands:
              list                         the lock's and the opener's state
              app USER ACTION              USER moves the lock from the app (unlock, lock, unlatch, lockNgo, ...)
              ring                         the doorbell rings at the opener
              drop                         the hub's network breaks: the broker publishes its last will (offline)
              vanish                       the hub's network goes silent: the broker publishes its last will only
                                           when the keep-alive ran out (1.5 times it)
              back                         the network is back: the hub reconnects (only "online" republished)
              restart                      the hub restarts silently (no last will) and is back after 2 s;
                                           what was sent meanwhile arrives inside its reconnect window
              window SECONDS               how long after a connect the hub ignores actions (Nuki Hub: 6)
              refuse denied|off            answer every action with denied (off: perform them again)
              bluetooth ok|hiccup|failing|lost
                                           hiccup: each command's first attempt times out, the retry succeeds;
                                           failing: every attempt times out; lost: reads time out too
              keypad on|off|disabled       keypad control: off never switched on (nothing answers a keypad
                                           command), disabled switched off later (keypadControlDisabled)
              publish-keypad on|off        whether the hub publishes the keypad codes list (keypad/json)
              duplicates on|off            send every message twice (QoS 1 redelivery)
              broker-restart               restart the broker started here (retained topics are lost)
              stats                        actions received
              help | quit
            """;

    /** The demo devices; the app shows their ids as 2A3B4C5D and 3B4C5D6E. */
    static final long LOCK_ID = 0x2A3B4C5DL;
    static final long OPENER_ID = 0x3B4C5D6EL;
    static final String BASE = "nukihub";

    private final PrintStream out;
    private final BrokerOptions.Broker broker;
    private final SimulatedNukiHub hub;

    private HubSimulatorMain(PrintStream out, BrokerOptions.Broker broker, SimulatedNukiHub hub) {
        this.out = out;
        this.broker = broker;
        this.hub = hub;
    }

    /** Starts the broker (unless one is named) and the hub, and prints the banner; null after --help. */
    static @Nullable HubSimulatorMain start(List<String> args, PrintStream out)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        List<String> rest = new ArrayList<>(args);
        Duration window = Duration.ofSeconds(6);
        int at = rest.indexOf("--window");
        if (at >= 0) {
            window = Duration.ofSeconds(Long.parseLong(SimulatorMain.value(rest, at + 1, "--window")));
            rest.subList(at, at + 2).clear();
        }
        Duration keepAlive = Duration.ofSeconds(60);
        at = rest.indexOf("--keep-alive");
        if (at >= 0) {
            keepAlive = Duration.ofSeconds(Long.parseLong(SimulatorMain.value(rest, at + 1, "--keep-alive")));
            rest.subList(at, at + 2).clear();
        }
        BrokerOptions options = BrokerOptions.parse(rest, "--hub", USAGE, out);
        if (options == null) {
            return null;
        }
        BrokerOptions.Broker broker = options.broker();
        @SuppressWarnings("resource") // the with-methods return this same hub, which close() closes
        SimulatedNukiHub hub = new SimulatedNukiHub(BASE, LOCK_ID, OPENER_ID, broker.host(), broker.port())
                .withStepDelay(Duration.ofMillis(options.fast() ? 50 : 1500)).withReconnectWindow(window)
                .withKeepAlive(keepAlive);
        hub.connect().get(10, TimeUnit.SECONDS);
        HubSimulatorMain main = new HubSimulatorMain(out, broker, hub);
        main.printBanner(broker.shownHost(options.bind()));
        return main;
    }

    void printBanner(String address) {
        out.println("Simulated Nuki Hub under " + BASE + " with a smart lock and an opener, on the MQTT broker "
                + broker.describe());
        out.println();
        out.println("A hub thing with its lock and opener, in a .things file:");
        out.println();
        out.printf(Locale.ROOT,
                "Bridge nuki:hub:esp \"Nuki Hub (simulated)\" [ host=\"%s\", port=%d, baseTopic=\"%s\" ] {%n", address,
                broker.port(), BASE);
        out.printf(Locale.ROOT, "    Thing smartlock front \"Front door\" [ nukiId=\"%08X\", unlatchAllowed=false ]%n",
                LOCK_ID);
        out.printf(Locale.ROOT, "    Thing opener intercom \"Intercom\" [ nukiId=\"%08X\" ]%n", OPENER_ID);
        out.println("}");
        out.println();
        out.println("Actions are ignored for " + hub.reconnectWindow().toSeconds()
                + " s after the hub connects, as Nuki Hub does.");
        out.println("Type 'help' for the commands that move the devices by hand and break things.");
    }

    /** Runs one console command and returns what to print. */
    String execute(String[] words) throws IOException {
        switch (words[0]) {
            case "help":
                return COMMANDS;
            case "list":
                return String.format(Locale.ROOT, "hub %s; lock %08X: %s; opener %08X: %s",
                        hub.isOnline() ? "online" : "offline", LOCK_ID, hub.lockState(), OPENER_ID, hub.openerState());
            case "app":
                hub.operateLock(SimulatorMain.arg(words, 1), SimulatorMain.arg(words, 2));
                return "ok";
            case "ring":
                hub.ring();
                return "ok";
            case "drop":
                hub.drop();
                return "the hub's network broke (last will: offline)";
            case "vanish":
                hub.vanish();
                return "the hub's network went silent (last will once its keep-alive ran out)";
            case "back":
                hub.back();
                return "the hub is back; it ignores actions for its reconnect window";
            case "restart":
                hub.restart(Duration.ofSeconds(2));
                return "the hub restarts without its last will";
            case "window":
                hub.withReconnectWindow(Duration.ofSeconds(Long.parseLong(SimulatorMain.arg(words, 1))));
                return "ok";
            case "refuse":
                String reply = SimulatorMain.arg(words, 1);
                if (!List.of("denied", "off").contains(reply)) {
                    throw new IllegalArgumentException("refuse denied or refuse off (Nuki Hub refuses only so)");
                }
                hub.refuseActionsWith("off".equals(reply) ? null : reply);
                return "ok";
            case "bluetooth":
                hub.setBluetooth(choice(SimulatedNukiHub.Bluetooth.class, SimulatorMain.arg(words, 1),
                        "bluetooth ok, hiccup, failing or lost"));
                return "ok";
            case "keypad":
                hub.setKeypadControl(choice(SimulatedNukiHub.KeypadControl.class, SimulatorMain.arg(words, 1),
                        "keypad on, off or disabled"));
                return "ok";
            case "publish-keypad":
                hub.setPublishKeypad(onOff(SimulatorMain.arg(words, 1)));
                return "ok";
            case "duplicates":
                hub.setDuplicates(onOff(SimulatorMain.arg(words, 1)));
                return "ok";
            case "broker-restart":
                EmbeddedBroker current = broker.embedded();
                if (current == null) {
                    throw new IllegalArgumentException("the broker was not started here");
                }
                current.stop();
                current.start();
                return "broker restarted: retained topics are gone until the hub publishes them again";
            case "stats":
                return "actions received " + hub.actionsReceived();
            default:
                throw new IllegalArgumentException("unknown command '" + words[0] + "'; type help");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String word, String usage) {
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(usage);
        }
    }

    private static boolean onOff(String word) {
        if (!"on".equals(word) && !"off".equals(word)) {
            throw new IllegalArgumentException("on or off, not '" + word + "'");
        }
        return "on".equals(word);
    }

    /** Reads console commands until {@code quit}; false when the input ended without it. */
    boolean console(BufferedReader in) throws IOException {
        return SimulatorMain.readCommands(in, out, this::execute);
    }

    @Override
    public void close() {
        hub.close();
        EmbeddedBroker current = broker.embedded();
        if (current != null) {
            current.stop();
        }
    }
}
