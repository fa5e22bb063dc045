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
package org.openhab.binding.nuki.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * {@code ./benchmark [name ...]}: runs the named benchmarks (all when none is named) and prints their figures.
 * Benchmarks measure; they assert nothing.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = List.of(args).stream().filter(arg -> !arg.isBlank()).toList();
        boolean all = names.isEmpty();
        PrintStream out = Objects.requireNonNull(System.out);
        if (all || names.contains("client")) {
            ClientBenchmark.run(out);
        }
        if (all || names.contains("callbacks")) {
            CallbackBenchmark.run(out);
        }
        if (all || names.contains("steady")) {
            SteadyStateBenchmark.run(out);
        }
        if (all || names.contains("mqtt")) {
            MqttBenchmark.run(out);
        }
        if (all || names.contains("hub")) {
            HubBenchmark.run(out);
        }
        if (all || names.contains("account")) {
            AccountBenchmark.run(out);
        }
        List<String> known = List.of("client", "callbacks", "steady", "mqtt", "hub", "account");
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            out.println("Unknown benchmark(s) " + unknown + "; known: " + known);
        }
        System.exit(0);
    }
}
