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

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The options the simulators on a broker share ({@code --mqtt}, {@code --hub}): a broker named with
 * {@code --broker host:port}, or one started here on {@code --bind} and {@code --port}; {@code --fast} for short
 * actions.
 *
 * @param brokerAddress the broker to use, or null to start one here
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
record BrokerOptions(@Nullable String brokerAddress, String bind, int port, boolean fast) {

    /** The broker the simulated devices connect to; {@code embedded} when it was started here. */
    record Broker(@Nullable EmbeddedBroker embedded, String host, int port) {

        /** The address for the banner's {@code .things} block. */
        String shownHost(String bind) {
            String shown = embedded != null ? bind : host;
            return "0.0.0.0".equals(shown) ? "<this machine's address>" : shown;
        }

        /** Where the broker is, for the banner's first line. */
        String describe() {
            return host + ":" + port + (embedded != null ? " (started here)" : "");
        }
    }

    /** Reads the options; null after {@code --help} (the usage is printed). */
    static @Nullable BrokerOptions parse(List<String> args, String flag, String usage, PrintStream out) {
        String brokerAddress = null;
        String bind = "127.0.0.1";
        int port = 1883;
        boolean fast = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(flag)) {
                continue;
            }
            switch (arg) {
                case "--broker" -> brokerAddress = SimulatorMain.value(args, ++i, arg);
                case "--port" -> port = Integer.parseInt(SimulatorMain.value(args, ++i, arg));
                case "--bind" -> bind = SimulatorMain.value(args, ++i, arg);
                case "--fast" -> fast = true;
                case "--help", "-h" -> {
                    out.print(usage);
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage);
            }
        }
        return new BrokerOptions(brokerAddress, bind, port, fast);
    }

    /** Starts the broker here, unless one was named. */
    Broker broker() throws IOException {
        String named = brokerAddress;
        if (named == null) {
            @SuppressWarnings("resource") // start() returns this same broker, which the Broker record hands on
            EmbeddedBroker started = new EmbeddedBroker(InetAddress.getByName(bind).getHostAddress(), port).start();
            return new Broker(started, started.host(), started.port());
        }
        int colon = named.lastIndexOf(':');
        return new Broker(null, colon > 0 ? named.substring(0, colon) : named,
                colon > 0 ? Integer.parseInt(named.substring(colon + 1)) : 1883);
    }
}
