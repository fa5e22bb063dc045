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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.io.console.Console;

/**
 * Stand-in: a command of openHAB's console ({@code openhab:<command> ...}).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface ConsoleCommandExtension {

    String getCommand();

    String getDescription();

    void execute(String[] args, Console console);

    List<String> getUsages();
}
