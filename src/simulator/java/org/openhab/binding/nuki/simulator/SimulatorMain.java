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
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ./simulator}: starts a simulated Nuki Bridge for people to rehearse their openHAB set-up on, prints how to
 * point a bridge thing at it, logs one line per request, and takes commands typed on the console to change devices
 * as if by hand.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatorMain {

    /** The demo smart lock (a Smart Lock 3.0 with door sensor and keypad); the app shows its id as 1A2B3C4D. */
    static final long DEMO_LOCK_ID = 0x1A2B3C4DL;
    /** The demo opener; the app shows its id as 2B3C4D5E. */
    static final long DEMO_OPENER_ID = 0x2B3C4D5EL;

    private static final String USAGE = """
            Usage: ./simulator [options]
              --port N            port to listen on (default 8080)
              --bind ADDRESS      address to listen on (default 127.0.0.1; 0.0.0.0 for other machines)
              --token TOKEN       API token (default: a new random one)
              --devices FILE      devices as a JSON array (default: a smart lock and an opener), entries like
                                  {"nukiId": 439041101, "deviceType": 4, "name": "Front door",
                                   "doorSensor": true, "keypad": true, "batteryCharge": true, "knob": false}
              --software          behave as a software bridge (plain token only, no button, no maintenance)
              --fast              no latencies (default: seconds-long lock actions, as real hardware)
              --quiet             no line per request
              --mqtt              a bridge-less lock on Nuki's MQTT API instead (./simulator --mqtt --help)
              --hub               a Nuki Hub with a lock and an opener instead (./simulator --hub --help)
              --web               Nuki's Web API for an account with these devices instead (./simulator --web --help)
              --with-web          also Nuki's Web API for an account with these devices, on 127.0.0.1:8090 (--web-port):
                                  the bridge's lock actions and 'state ... by WHO' grow its activity log

            It serves until stopped: 'quit' on its console, or SIGTERM (Ctrl-C). Without a console (standard input
            closed, as under nohup, a service manager or a container) it keeps serving and only SIGTERM stops it.
            """;

    private static final String COMMANDS = """
            Commands (DEVICE is a nukiId, its hex id or a name):
              list                         devices and their states
              state DEVICE CODE            set a lock state (1 locked, 3 unlocked, 5 unlatched, 254 motor blocked, ...)
              state DEVICE CODE by WHO [fp]  the same, done by the account's authorization whose name starts with
                                           WHO (tom, cleaner, anna; fp: by fingerprint), into its log (--with-web)
              door DEVICE open|closed|unknown|off
              battery DEVICE PERCENT [critical] [charging]
              keypad DEVICE ok|low
              ring DEVICE                  someone rings at an opener
              press                        press the bridge button (answers a waiting /auth)
              callbacks                    registered callback URLs
              busy N                       answer the next N requests with 503
              skew SECONDS                 put the bridge clock off by SECONDS
              drop on|off                  lose every callback
              lose N                       lose the next N pushes (a missed final state)
              unreachable DEVICE on|off    the device stops answering over Bluetooth
              down | up | reboot           bridge away, back, rebooting (forgets callbacks)
              silent                       bridge off the network: connections hang (until up or down)
              stats                        requests per endpoint, lock actions, callbacks
              help | quit
            """;

    private final NukiBridgeSimulator simulator;
    private final PrintStream out;

    SimulatorMain(NukiBridgeSimulator simulator, PrintStream out) {
        this.simulator = simulator;
        this.out = out;
    }

    /** The Web API beside the bridge ({@code --with-web}), or null. */
    private @Nullable NukiWebSimulator web;

    /** The Web API's log action for a bridge API action (the opener's continuous mode is 4/5 here, 6/7 there). */
    static int webAction(SimulatedDevice device, int action) {
        return device.isOpener() && (action == 4 || action == 5) ? action + 2 : action;
    }

    /** The Web API's log action that ends in a state set by hand, or 0 for none. */
    static int webActionEndingIn(SimulatedDevice device, int state) {
        if (device.isOpener()) {
            return state == 3 ? 1 : state == 1 ? 2 : state == 5 ? 3 : 0;
        }
        return state == 1 ? 2 : state == 3 ? 1 : state == 5 ? 3 : 0;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = Objects.requireNonNull(System.out);
        if (List.of(args).contains("--web")) {
            List<String> options = new ArrayList<>(List.of(args));
            options.removeIf(String::isBlank);
            WebSimulatorMain web = WebSimulatorMain.start(options, out);
            if (web != null) {
                serve(out, web::console, web);
            }
            return;
        }
        if (List.of(args).contains("--mqtt") || List.of(args).contains("--hub")) {
            // the embedded broker's own notes are for its developers, not for the banner and console
            if (System.getProperty("org.slf4j.simpleLogger.log.io.moquette") == null) {
                System.setProperty("org.slf4j.simpleLogger.log.io.moquette", "warn");
            }
            List<String> options = new ArrayList<>(List.of(args));
            options.removeIf(String::isBlank);
            if (options.contains("--hub")) {
                HubSimulatorMain hub = HubSimulatorMain.start(options, out);
                if (hub != null) {
                    serve(out, hub::console, hub);
                }
                return;
            }
            MqttSimulatorMain mqtt = MqttSimulatorMain.start(options, out);
            if (mqtt != null) {
                serve(out, mqtt::console, mqtt);
            }
            return;
        }
        int port = 8080;
        String bind = "127.0.0.1";
        String token = null;
        Path devicesFile = null;
        boolean software = false;
        boolean fast = false;
        boolean quiet = false;
        boolean withWeb = false;
        int webPort = 8090;
        List<String> list = new ArrayList<>(List.of(args));
        list.removeIf(String::isBlank);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value(list, ++i, arg));
                case "--bind" -> bind = value(list, ++i, arg);
                case "--token" -> token = value(list, ++i, arg);
                case "--devices" -> devicesFile = Path.of(value(list, ++i, arg));
                case "--software" -> software = true;
                case "--fast" -> fast = true;
                case "--quiet" -> quiet = true;
                case "--with-web" -> withWeb = true;
                case "--web-port" -> webPort = Integer.parseInt(value(list, ++i, arg));
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return;
                }
                default -> {
                    out.println("Unknown option " + arg);
                    out.print(USAGE);
                    System.exit(2);
                }
            }
        }
        String apiToken = token == null ? NukiBridgeSimulator.newToken() : token;
        NukiBridgeSimulator simulator = new NukiBridgeSimulator(apiToken, AdjustableClock.system(),
                InetAddress.getByName(bind));
        if (software) {
            simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        }
        if (!fast) {
            simulator.setDefaultLatency(Duration.ofMillis(50));
            simulator.setActionStepDelay(Duration.ofMillis(1500));
            simulator.setLockNGoDelay(Duration.ofSeconds(20));
        }
        if (!quiet) {
            simulator.setRequestLog(out);
        }
        for (SimulatedDevice device : devicesFile == null ? demoDevices() : readDevices(devicesFile)) {
            simulator.addDevice(device);
        }
        simulator.start(port);
        NukiWebSimulator web = null;
        if (withWeb) {
            NukiWebSimulator account = NukiWebSimulator.demoAccount(NukiBridgeSimulator.newToken());
            account.setWriteDelay(fast ? Duration.ZERO : Duration.ofSeconds(3));
            account.setViolationListener(violation -> out.println("VIOLATION of Nuki's API description: " + violation));
            account.start(webPort);
            // what the bridge does, the log shows under the bridge's authorization
            simulator.setActionListener((nukiId, action) -> {
                try {
                    account.logBy(nukiId, "Nuki Bridge", webAction(simulator.device(nukiId), action), false);
                } catch (IllegalArgumentException e) {
                    // a device the account does not have
                }
            });
            web = account;
        }
        SimulatorMain main = new SimulatorMain(simulator, out);
        main.web = web;
        main.printBanner();
        NukiWebSimulator started = web;
        serve(out, main::console, () -> {
            simulator.close();
            if (started != null) {
                // each violation was printed as it happened
                started.takeViolations();
                started.close();
            }
        });
    }

    /** Reads a console until the input ends. */
    @FunctionalInterface
    interface Console {
        /** @return true after {@code quit}, false when the input ended without it */
        boolean run(BufferedReader in) throws IOException;
    }

    /**
     * Runs the console, then serves until stopped: after {@code quit} it stops at once; when the input ends without
     * it (nohup, a service, a container, {@code </dev/null}) it keeps serving until SIGTERM.
     */
    static void serve(PrintStream out, Console console, AutoCloseable service) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }));
        boolean quit = console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        if (!quit) {
            out.println("No console input: serving until stopped (SIGTERM or Ctrl-C).");
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        service.close();
    }

    /** A command-line option's value, or a refusal naming the option. */
    static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    static List<SimulatedDevice> demoDevices() {
        return List.of(
                SimulatedDevice.smartLock(DEMO_LOCK_ID, SimulatedDevice.TYPE_SMARTLOCK3, "Front door").withDoorSensor()
                        .withKeypad().withBatteryCharge(),
                SimulatedDevice.opener(DEMO_OPENER_ID, "Street door").withKeypad());
    }

    static List<SimulatedDevice> readDevices(Path file) throws IOException {
        List<SimulatedDevice> devices = new ArrayList<>();
        JsonArray array = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        for (JsonElement element : array) {
            JsonObject spec = element.getAsJsonObject();
            long nukiId = spec.get("nukiId").getAsLong();
            int type = spec.has("deviceType") ? spec.get("deviceType").getAsInt() : SimulatedDevice.TYPE_SMARTLOCK;
            String name = spec.has("name") ? spec.get("name").getAsString() : "Nuki " + nukiId;
            SimulatedDevice device = type == SimulatedDevice.TYPE_OPENER ? SimulatedDevice.opener(nukiId, name)
                    : SimulatedDevice.smartLock(nukiId, type, name);
            if (flag(spec, "doorSensor")) {
                device.withDoorSensor();
            }
            if (flag(spec, "keypad")) {
                device.withKeypad();
            }
            if (flag(spec, "batteryCharge")) {
                device.withBatteryCharge();
            }
            if (flag(spec, "knob")) {
                device.withKnob();
            }
            if (spec.has("state")) {
                device.withState(spec.get("state").getAsInt());
            }
            devices.add(device);
        }
        return devices;
    }

    private static boolean flag(JsonObject spec, String name) {
        return spec.has(name) && spec.get(name).getAsBoolean();
    }

    void printBanner() {
        String host = "0.0.0.0".equals(simulator.host()) ? "<this machine's address>" : simulator.host();
        out.println("Nuki Bridge simulator listening on " + simulator.baseUri() + " ("
                + simulator.bridgeType().name().toLowerCase(Locale.ROOT) + " bridge)");
        out.println("API token: " + simulator.token());
        out.println();
        out.println("A bridge thing for it, in a .things file:");
        out.println();
        out.printf(Locale.ROOT,
                "Bridge nuki:bridge:home \"Nuki Bridge (simulated)\" [ ip=\"%s\", port=%d, "
                        + "apiToken=\"%s\", authentication=\"%s\" ] {%n",
                host, simulator.port(), simulator.token(),
                simulator.bridgeType() == NukiBridgeSimulator.BridgeType.SOFTWARE ? "plain" : "encrypted");
        for (SimulatedDevice device : simulator.devices()) {
            out.printf(Locale.ROOT, "    Thing %s %s \"%s\" [ nukiId=\"%d\" ]%n",
                    device.isOpener() ? "opener" : "smartlock", thingId(device), device.name(), device.nukiId());
        }
        out.println("}");
        NukiWebSimulator account = web;
        if (account != null) {
            out.printf(Locale.ROOT,
                    "Thing nuki:account:cloud \"Nuki Web (simulated)\" [ apiToken=\"%s\", webApiUrl=\"%s\" ]%n",
                    account.token(), account.baseUri());
        }
        out.println();
        out.println("Type 'help' for the commands that change devices by hand.");
    }

    /** The thing id the banner suggests: the name's first word ("Front door": front), as the README's examples use. */
    static String thingId(SimulatedDevice device) {
        String id = device.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        int dash = id.indexOf('-');
        return id.isEmpty() ? String.valueOf(device.nukiId()) : dash > 0 ? id.substring(0, dash) : id;
    }

    /**
     * Reads console commands until {@code quit}.
     *
     * @return true after {@code quit}, false when the input ended without it (no console: keep serving)
     */
    boolean console(BufferedReader in) throws IOException {
        return readCommands(in, out, this::execute);
    }

    /** Runs one console line. */
    @FunctionalInterface
    interface Command {
        /** @return what to print */
        String execute(String[] words) throws IOException;
    }

    /**
     * Reads console lines and runs them until {@code quit}; a command that fails prints why.
     *
     * @return true after {@code quit}, false when the input ended without it (no console: keep serving)
     */
    static boolean readCommands(BufferedReader in, PrintStream out, Command command) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            if ("quit".equals(words[0]) || "exit".equals(words[0])) {
                return true;
            }
            try {
                out.println(command.execute(words));
            } catch (IllegalArgumentException | IOException e) {
                out.println("? " + e.getMessage());
            }
        }
        return false;
    }

    /** Runs one console command and returns what to print. */
    String execute(String[] words) throws IOException {
        switch (words[0]) {
            case "help":
                return COMMANDS;
            case "list":
                StringBuilder text = new StringBuilder();
                for (SimulatedDevice device : simulator.devices()) {
                    text.append(String.format(Locale.ROOT, "%d (%08X) type %d \"%s\": state %d %s, mode %d%s%n",
                            device.nukiId(), device.nukiId(), device.deviceType(), device.name(), device.state(),
                            device.stateName(), device.mode(),
                            device.isOpener() ? "" : ", door " + device.doorsensorState()));
                }
                return text.toString().stripTrailing();
            case "state":
                SimulatedDevice moved = device(words, 1);
                int newState = Integer.parseInt(arg(words, 2));
                String by = "";
                NukiWebSimulator account = web;
                if (words.length > 4 && "by".equals(words[3])) {
                    if (account == null) {
                        throw new IllegalArgumentException("'by' needs the Web API: start with --with-web");
                    }
                    int action = webActionEndingIn(moved, newState);
                    if (action == 0) {
                        throw new IllegalArgumentException("no log action ends in state " + newState);
                    }
                    by = " (logged as "
                            + account.logBy(moved.nukiId(), words[4], action, words.length > 5 && "fp".equals(words[5]))
                            + ")";
                }
                simulator.changeState(moved.nukiId(), newState);
                return "ok" + by;
            case "door":
                int door = switch (arg(words, 2)) {
                    case "open" -> 3;
                    case "closed" -> 2;
                    case "unknown" -> 4;
                    case "off" -> 1;
                    default -> throw new IllegalArgumentException("door takes open, closed, unknown or off");
                };
                simulator.changeDoorSensor(device(words, 1).nukiId(), door);
                return "ok";
            case "battery":
                List<String> flags = List.of(words).subList(Math.min(3, words.length), words.length);
                simulator.changeBattery(device(words, 1).nukiId(), flags.contains("critical"),
                        Integer.parseInt(arg(words, 2)), flags.contains("charging"));
                return "ok";
            case "keypad":
                simulator.changeKeypadBattery(device(words, 1).nukiId(), "low".equals(arg(words, 2)));
                return "ok";
            case "ring":
                simulator.ring(device(words, 1).nukiId());
                return "ok";
            case "press":
                return simulator.pressButton() ? "button pressed: the waiting /auth gets the token"
                        : "button pressed, but no /auth request was waiting";
            case "callbacks":
                return simulator.callbackUrls().isEmpty() ? "no callbacks" : String.join("\n", numbered());
            case "busy":
                simulator.busyForNextRequests(Integer.parseInt(arg(words, 1)));
                return "ok";
            case "skew":
                simulator.setClockSkew(Duration.ofSeconds(Long.parseLong(arg(words, 1))));
                return "bridge time is now " + simulator.bridgeTime();
            case "drop":
                simulator.setDropCallbacks("on".equals(arg(words, 1)));
                return "ok";
            case "lose":
                simulator.loseNextPushes(Integer.parseInt(arg(words, 1)));
                return "ok: the next " + arg(words, 1) + " state change(s) are not pushed";
            case "unreachable":
                simulator.setDeviceUnreachable(device(words, 1).nukiId(), "on".equals(arg(words, 2)));
                return "ok";
            case "down":
                simulator.down();
                return "bridge down: connections are refused";
            case "silent":
                simulator.silent();
                return "bridge silent: connections hang until they time out";
            case "up":
                simulator.up();
                return "bridge up on " + simulator.baseUri();
            case "reboot":
                simulator.reboot();
                return "rebooted: callbacks forgotten";
            case "stats":
                return stats();
            default:
                throw new IllegalArgumentException("unknown command '" + words[0] + "'; type help");
        }
    }

    private List<String> numbered() {
        List<String> urls = simulator.callbackUrls();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            lines.add(i + ": " + urls.get(i));
        }
        return lines;
    }

    private String stats() {
        SimulatorStats stats = simulator.stats();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(stats.requestCounts()).entrySet()) {
            text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        text.append("answered 503: ").append(stats.busyRejections()).append('\n');
        text.append("lock actions: ").append(stats.lockActions().size()).append('\n');
        text.append("callbacks sent: ").append(stats.callbacksSent()).append(", failed: ")
                .append(stats.callbacksFailed()).append(", dropped: ").append(stats.callbacksDropped());
        return text.toString();
    }

    /** A console command's argument, or a refusal naming the command. */
    static String arg(String[] words, int index) {
        if (index >= words.length) {
            throw new IllegalArgumentException(words[0] + ": missing argument; type help");
        }
        return words[index];
    }

    private SimulatedDevice device(String[] words, int index) {
        String key = arg(words, index);
        for (SimulatedDevice device : simulator.devices()) {
            if (String.valueOf(device.nukiId()).equals(key)
                    || String.format(Locale.ROOT, "%08X", device.nukiId()).equalsIgnoreCase(key)
                    || device.name().equalsIgnoreCase(key) || thingId(device).equals(key)) {
                return device;
            }
        }
        throw new IllegalArgumentException("no device '" + key + "'");
    }
}
