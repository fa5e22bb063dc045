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

import static org.openhab.binding.nuki.simulator.SimulatorMain.arg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code ./simulator --web}: Nuki's Web API for an account with the simulators' devices (the same Nuki ids as
 * {@code ./simulator} and {@code ./simulator --mqtt}), on loopback, with a console that moves the devices by a named
 * authorization (the log grows) and breaks the cloud as it breaks.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class WebSimulatorMain implements AutoCloseable {

    static final String USAGE = """
            Usage: ./simulator --web [options]
              --port N            port on 127.0.0.1 (default 8090)
              --token TOKEN       the account's Web API token (default: a new random one)
              --fast              keypad changes reach the devices at once (default: after 3 s, as the cloud syncs)

            It serves until stopped: 'quit' on its console, or SIGTERM (Ctrl-C). Without a console it keeps serving.
            Run it beside ./simulator or ./simulator --mqtt: the devices have the same ids, so names appear.
            """;

    static final String COMMANDS = """
            Commands:
              list                          the devices and their authorizations (never a code)
              move DEVICE WHO ACTION [fp]   DEVICE (1A2B3C4D, 2B3C4D5E) was moved by the authorization whose name
                                            starts with WHO (tom, cleaner, anna, bridge); ACTION 1 unlock, 2 lock,
                                            3 unlatch; fp: by fingerprint. The log grows; move the simulated device
                                            in the other simulator's console to match.
              token refuse|accept           every request is refused (401), or accepted again
              scope smartlock.log|smartlock.auth|all   the token lacks that scope (all: has every scope)
              throttle N SECONDS            the next N requests get 429 with Retry-After
              errors N                      the next N requests get 502
              offline DEVICE on|off         the device is not reachable for the cloud
              serverstate DEVICE N          the device's serverState (0 ok, 1 unregistered, 2 auth uuid invalid,
                                            3 auth invalid, 4 offline)
              latency MS                    every answer is this much slower
              delay MS                      how long a keypad change takes to reach the device
              stats                         requests per path
              violations                    requests and answers that broke Nuki's API description
              help | quit
            """;

    private final PrintStream out;
    private final NukiWebSimulator cloud;
    private final String token;

    private WebSimulatorMain(PrintStream out, NukiWebSimulator cloud, String token) {
        this.out = out;
        this.cloud = cloud;
        this.token = token;
    }

    /** Starts the Web API and prints the banner; null after --help. */
    static @Nullable WebSimulatorMain start(List<String> args, PrintStream out) throws IOException {
        int port = 8090;
        String token = null;
        boolean fast = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--web" -> {
                }
                case "--port" -> port = Integer.parseInt(SimulatorMain.value(args, ++i, option));
                case "--token" -> token = SimulatorMain.value(args, ++i, option);
                case "--fast" -> fast = true;
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
            }
        }
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        String chosen = token != null ? token : HexFormat.of().formatHex(random);
        NukiWebSimulator cloud = NukiWebSimulator.demoAccount(chosen);
        cloud.setWriteDelay(fast ? Duration.ZERO : Duration.ofSeconds(3));
        cloud.start(port);
        cloud.setViolationListener(violation -> out.println("VIOLATION of Nuki's API description: " + violation));
        WebSimulatorMain main = new WebSimulatorMain(out, cloud, chosen);
        main.printBanner();
        return main;
    }

    void printBanner() {
        out.println("Simulated Nuki Web API on " + cloud.baseUri() + " for an account with these devices:");
        for (NukiWebSimulator.Device device : cloud.devices()) {
            out.printf(Locale.ROOT, "  %08X %s \"%s\"%n", device.nukiId(),
                    device.webType() == 2 ? "Opener" : "Smart Lock", device.name());
        }
        out.println();
        out.println("A Nuki Web account thing for it, in a .things file:");
        out.println();
        out.printf(Locale.ROOT,
                "Thing nuki:account:cloud \"Nuki Web (simulated)\" [ apiToken=\"%s\", webApiUrl=\"%s\" ]%n", token,
                cloud.baseUri());
        out.println();
        out.println("Type 'help' for the commands that move the devices by name and break the cloud.");
    }

    /** Runs one console command and returns what to print. */
    String execute(String[] words) {
        switch (words[0]) {
            case "help":
                return COMMANDS;
            case "list":
                StringBuilder text = new StringBuilder();
                for (NukiWebSimulator.Device device : cloud.devices()) {
                    text.append(String.format(Locale.ROOT, "%08X \"%s\" (smartlockId %d)%n", device.nukiId(),
                            device.name(), device.smartlockId()));
                    for (Map<String, Object> authorization : device.authorizations()) {
                        text.append(String.format(Locale.ROOT, "  %-20s type %s, authId %s, %s%n",
                                authorization.get("name"), number(authorization.get("type")),
                                number(authorization.get("authId")),
                                Boolean.TRUE.equals(authorization.get("enabled")) ? "on" : "off"));
                    }
                }
                return text.toString().stripTrailing();
            case "move":
                return move(words);
            case "token":
                cloud.setTokenRefused("refuse".equals(arg(words, 1)));
                return "refuse".equals(words[1]) ? "every request is refused (401)" : "the token is accepted again";
            case "scope":
                String scope = arg(words, 1);
                cloud.setMissingScope("all".equals(scope) ? null : scope);
                return "all".equals(scope) ? "the token has every scope" : "the token lacks " + scope;
            case "throttle":
                cloud.throttleNext(Integer.parseInt(arg(words, 1)), Long.parseLong(arg(words, 2)));
                return "ok";
            case "errors":
                cloud.serverErrorsNext(Integer.parseInt(arg(words, 1)));
                return "ok";
            case "offline":
                cloud.setOffline(device(arg(words, 1)).nukiId(), "on".equals(arg(words, 2)));
                return "ok";
            case "serverstate":
                cloud.setServerState(device(arg(words, 1)).nukiId(), Integer.parseInt(arg(words, 2)));
                return "ok";
            case "violations":
                List<String> seen = cloud.violations();
                return seen.isEmpty() ? "none: every request and answer kept Nuki's API description"
                        : String.join("\n", seen);
            case "latency":
                cloud.setLatency(Duration.ofMillis(Long.parseLong(arg(words, 1))));
                return "ok";
            case "delay":
                cloud.setWriteDelay(Duration.ofMillis(Long.parseLong(arg(words, 1))));
                return "ok";
            case "stats":
                StringBuilder stats = new StringBuilder();
                cloud.requestCounts()
                        .forEach((path, count) -> stats.append(path).append(": ").append(count).append('\n'));
                return stats.length() == 0 ? "no requests yet" : stats.toString().stripTrailing();
            default:
                throw new IllegalArgumentException("unknown command '" + words[0] + "'; type help");
        }
    }

    private String move(String[] words) {
        NukiWebSimulator.Device device = device(arg(words, 1));
        int action = Integer.parseInt(arg(words, 3));
        String name = cloud.logBy(device.nukiId(), arg(words, 2), action, words.length > 4 && "fp".equals(words[4]));
        return "logged: " + name + " did action " + action + " on " + device.name();
    }

    private NukiWebSimulator.Device device(String id) {
        try {
            return cloud.device(Long.parseLong(id, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + id + "\" is no device id; try 1A2B3C4D");
        }
    }

    private static int number(@Nullable Object value) {
        return value instanceof Number number ? number.intValue() : -1;
    }

    /** Reads console commands until {@code quit}; false when the input ended without it. */
    boolean console(BufferedReader in) throws IOException {
        return SimulatorMain.readCommands(in, out, this::execute);
    }

    @Override
    public void close() {
        // each violation was printed on the console as it happened
        cloud.takeViolations();
        cloud.close();
    }
}
