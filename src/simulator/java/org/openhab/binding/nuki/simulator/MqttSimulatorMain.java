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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code ./simulator --mqtt}: a simulated Smart Lock 4 Pro that speaks Nuki's MQTT API, on a broker embedded here
 * (unless {@code --broker host:port} names one), with a console to turn it by hand and break things.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class MqttSimulatorMain implements AutoCloseable {

    static final String USAGE = """
            Usage: ./simulator --mqtt [options]
              --broker HOST:PORT  use this broker (default: start one here)
              --port N            port of the broker started here (default 1883)
              --bind ADDRESS      address of the broker started here (default 127.0.0.1; 0.0.0.0 for other machines)
              --fast              short lock actions (default: seconds-long, as real hardware)

            It serves until stopped: 'quit' on its console, or SIGTERM (Ctrl-C). Without a console it keeps serving.
            """;

    static final String COMMANDS = """
            Commands:
              list                         the lock's state
              turn STATE                   turn the lock by its key (1 locked, 3 unlocked, ...): no lockActionEvent
              button N                     press the button N times (once: lock or unlock)
              app ACTION                   Tom's Nuki app starts ACTION (1 unlock, 2 lock, 3 unlatch)
              keypad ACTION ID             the keypad code with this id starts ACTION (4097: Cleaner, 4098: Anna)
              fingerprint ACTION ID        the fingerprint with this id starts ACTION (4098: Anna)
              door open|closed             the door sensor
              battery PERCENT              the battery charge
              drop | back                  the lock drops off the network (last will) and comes back
              refuse CODE                  answer every command with an error code (0: perform them again)
              allow on|off                 "Allow locking" in the app (off: commands are ignored)
              duplicates on|off            send every message twice (QoS 1 redelivery)
              restart                      restart the broker started here (retained topics are lost)
              stats                        commands received and performed
              help | quit
            """;

    /** The demo lock; the app shows its id as 1A2B3C4D. */
    static final long LOCK_ID = 0x1A2B3C4DL;
    /** The app user's and the keypad's authorization ids, as the Web API simulator's demo account lists them. */
    static final long APP_AUTH_ID = 7;
    static final long KEYPAD_AUTH_ID = 4711;

    private final PrintStream out;
    private final @Nullable EmbeddedBroker broker;
    private final SimulatedMqttLock lock;
    private final String host;
    private final int port;

    private MqttSimulatorMain(PrintStream out, @Nullable EmbeddedBroker broker, SimulatedMqttLock lock, String host,
            int port) {
        this.out = out;
        this.broker = broker;
        this.lock = lock;
        this.host = host;
        this.port = port;
    }

    /** Starts the broker (unless one is named) and the lock, and prints the banner; null after --help. */
    static @Nullable MqttSimulatorMain start(List<String> args, PrintStream out)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        BrokerOptions options = BrokerOptions.parse(args, "--mqtt", USAGE, out);
        if (options == null) {
            return null;
        }
        BrokerOptions.Broker broker = options.broker();
        int retainedQos = broker.embedded() != null ? EmbeddedBroker.RETAINED_QOS : 0;
        boolean fast = options.fast();
        @SuppressWarnings("resource") // the with-methods return this same lock, which close() closes
        SimulatedMqttLock lock = new SimulatedMqttLock(LOCK_ID, "Front door", broker.host(), broker.port())
                .withRetainedQos(retainedQos).withStepDelay(Duration.ofMillis(fast ? 50 : 1500))
                .withLockNGoDelay(Duration.ofSeconds(fast ? 1 : 20));
        lock.connect().get(10, TimeUnit.SECONDS);
        MqttSimulatorMain main = new MqttSimulatorMain(out, broker.embedded(), lock, broker.host(), broker.port());
        main.printBanner(broker.shownHost(options.bind()));
        return main;
    }

    void printBanner(String address) {
        out.println("Simulated Nuki Smart Lock 4 Pro " + lock.idText() + " on the MQTT broker " + host + ":" + port
                + (broker != null ? " (started here)" : ""));
        out.println();
        out.println("A bridge and a lock thing for it, in a .things file:");
        out.println();
        out.printf(Locale.ROOT, "Bridge nuki:mqtt:home \"Nuki MQTT broker (simulated)\" [ host=\"%s\", port=%d ] {%n",
                address, port);
        out.printf(Locale.ROOT, "    Thing smartlock front \"%s\" [ nukiId=\"%s\" ]%n", lock.name(), lock.idText());
        out.println("}");
        out.println();
        out.println("Type 'help' for the commands that turn the lock by hand and break things.");
    }

    /** Runs one console command and returns what to print. */
    String execute(String[] words) throws IOException {
        switch (words[0]) {
            case "help":
                return COMMANDS;
            case "list":
                return String.format(Locale.ROOT, "%s \"%s\": state %d%s, %s", lock.idText(), lock.name(), lock.state(),
                        lock.isBusy() ? " (busy)" : "", lock.isOnline() ? "online" : "offline");
            case "turn":
                lock.turnByHand(Integer.parseInt(SimulatorMain.arg(words, 1)));
                return "ok";
            case "button":
                lock.pressButton(Integer.parseInt(SimulatorMain.arg(words, 1)));
                return "ok";
            case "app":
                lock.app(Integer.parseInt(SimulatorMain.arg(words, 1)), APP_AUTH_ID);
                return "ok";
            case "keypad":
            case "fingerprint":
                lock.keypad(Integer.parseInt(SimulatorMain.arg(words, 1)), KEYPAD_AUTH_ID,
                        Integer.parseInt(SimulatorMain.arg(words, 2)), "fingerprint".equals(words[0]));
                return "ok";
            case "door":
                lock.door("open".equals(SimulatorMain.arg(words, 1)));
                return "ok";
            case "battery":
                lock.battery(Integer.parseInt(SimulatorMain.arg(words, 1)));
                return "ok";
            case "drop":
                lock.drop();
                return "the lock dropped off the network";
            case "back":
                lock.back();
                return "the lock is back";
            case "refuse":
                lock.refuseWith(Integer.parseInt(SimulatorMain.arg(words, 1)));
                return "ok";
            case "allow":
                lock.setAllowLocking("on".equals(SimulatorMain.arg(words, 1)));
                return "ok";
            case "duplicates":
                lock.setDuplicates("on".equals(SimulatorMain.arg(words, 1)));
                return "ok";
            case "restart":
                EmbeddedBroker current = broker;
                if (current == null) {
                    throw new IllegalArgumentException("the broker was not started here");
                }
                current.stop();
                current.start();
                return "broker restarted: retained topics are gone until the lock publishes them again";
            case "stats":
                return "commands received " + lock.actionsReceived() + ", performed " + lock.actionsPerformed();
            default:
                throw new IllegalArgumentException("unknown command '" + words[0] + "'; type help");
        }
    }

    /** Reads console commands until {@code quit}; false when the input ended without it. */
    boolean console(BufferedReader in) throws IOException {
        return SimulatorMain.readCommands(in, out, this::execute);
    }

    @Override
    public void close() {
        lock.close();
        EmbeddedBroker current = broker;
        if (current != null) {
            current.stop();
        }
    }
}
