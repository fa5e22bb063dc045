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
package org.openhab.binding.nuki.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.simulator.SimulatorMain;

/**
 * {@code ./simulator} as a user starts it in the background: its own JVM, standard input closed (as under nohup, a
 * service manager or {@code </dev/null}), standard output read line by line, standard error left out.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatorProcess implements AutoCloseable {

    public final Process process;
    public final BufferedReader output;

    public SimulatorProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString(), "-cp",
                Objects.requireNonNull(System.getProperty("java.class.path")), SimulatorMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
