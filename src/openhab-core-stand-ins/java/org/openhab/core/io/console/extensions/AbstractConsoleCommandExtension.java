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
package org.openhab.core.io.console.extensions;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.io.console.Console;

/**
 * Stand-in: the base of console commands; usages print as {@code <command> <usage> - <description>}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractConsoleCommandExtension implements ConsoleCommandExtension {

    private final String cmd;
    private final String desc;

    protected AbstractConsoleCommandExtension(String cmd, String desc) {
        this.cmd = cmd;
        this.desc = desc;
    }

    @Override
    public String getCommand() {
        return cmd;
    }

    @Override
    public String getDescription() {
        return desc;
    }

    protected String buildCommandUsage(String description) {
        return String.format("%s - %s", getCommand(), description);
    }

    protected String buildCommandUsage(String syntax, String description) {
        return String.format("%s %s - %s", getCommand(), syntax, description);
    }

    protected void printUsage(Console console) {
        for (String usage : getUsages()) {
            console.printUsage(usage);
        }
    }
}
