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
package org.openhab.binding.nuki.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * {@code ./soak [minutes] [seed]}: runs the soak over a Nuki Bridge, then over MQTT, then of the Nuki Web account, each
 * for the given minutes
 * (default 30, seed 1), and prints their figures; exits 1 when a check failed.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SoakMain {

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] words = String.join(" ", args).trim().isEmpty() ? new String[0]
                : String.join(" ", args).trim().split("\\s+");
        double minutes = words.length > 0 ? Double.parseDouble(words[0]) : 30;
        long seed = words.length > 1 ? Long.parseLong(words[1]) : 1;
        SoakRun soak = new SoakRun(Duration.ofSeconds(Math.round(minutes * 60)), seed,
                Objects.requireNonNull(System.out));
        SoakRun.Report report = soak.run();
        soak.print(report);
        PrintStream out = Objects.requireNonNull(System.out);
        SoakRun.Report mqtt = new MqttSoakRun(Duration.ofSeconds(Math.round(minutes * 60)), seed).run();
        MqttSoakRun.print(mqtt, out);
        SoakRun.Report account = new AccountSoakRun(Duration.ofSeconds(Math.round(minutes * 60)), seed).run();
        AccountSoakRun.print(account, out);
        System.exit(report.problems().isEmpty() && mqtt.problems().isEmpty() && account.problems().isEmpty() ? 0 : 1);
    }
}
