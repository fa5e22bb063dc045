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
package org.openhab.binding.nuki.internal.console;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.internal.api.web.WebLogEntryDto;
import org.openhab.binding.nuki.internal.handler.DeviceKeypad;
import org.openhab.binding.nuki.internal.handler.KeypadRequests;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.core.io.console.Console;

/**
 * {@code nuki keypad THING list|add|enable|disable|remove} and {@code nuki log THING [N]}: a lock's keypad codes and
 * activity log on the console. A new code is asked for with a masked prompt, so it is neither echoed nor kept in the
 * console's command history; no listing shows a code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class KeypadConsoleCommands {

    private static final long WAIT_SECONDS = 60;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    static final String KEYPAD_USAGE = "keypad <thing> list|add <name> [<from> [<until>]]|enable <name>|disable <name>"
            + "|remove <name>";
    static final String LOG_USAGE = "log <thing> [<entries>]";

    private final NukiThingDirectory directory;
    private final ZoneId zone;

    KeypadConsoleCommands(NukiThingDirectory directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    /** {@code keypad THING ...}; {@code args[0]} is "keypad". */
    void keypad(String[] args, Console console) {
        if (args.length < 3) {
            console.printUsage(KEYPAD_USAGE);
            return;
        }
        DeviceKeypad keypad = keypadOf(args[1], console);
        if (keypad == null) {
            return;
        }
        String command = args[2];
        if ("list".equals(command)) {
            List<KeypadCode> codes = await(console, keypad.list());
            if (codes != null) {
                list(console, codes);
            }
            return;
        }
        if (args.length < 4) {
            console.printUsage(KEYPAD_USAGE);
            return;
        }
        String name = args[3];
        switch (command) {
            case "add" -> add(console, keypad, name, args);
            case "enable" -> report(console, await(console, keypad.setEnabled(name, true)));
            case "disable" -> report(console, await(console, keypad.setEnabled(name, false)));
            case "remove" -> report(console, await(console, keypad.remove(name)));
            default -> console.printUsage(KEYPAD_USAGE);
        }
    }

    /** {@code log THING [N]}; {@code args[0]} is "log". */
    void log(String[] args, Console console) {
        if (args.length < 2) {
            console.printUsage(LOG_USAGE);
            return;
        }
        DeviceKeypad keypad = keypadOf(args[1], console);
        if (keypad == null) {
            return;
        }
        int limit = 20;
        if (args.length > 2) {
            try {
                limit = Math.max(1, Math.min(50, Integer.parseInt(args[2])));
            } catch (NumberFormatException e) {
                console.println("\"" + args[2] + "\" is no number of entries (1 to 50).");
                return;
            }
        }
        List<WebLogEntryDto> entries = await(console, keypad.log(limit));
        if (entries == null) {
            return;
        }
        if (entries.isEmpty()) {
            console.println("The activity log is empty.");
        }
        for (WebLogEntryDto entry : entries) {
            String name = entry.name;
            // how it ended: a wrong keypad code or a blocked motor is no plain unlock
            console.println(String
                    .format(Locale.ROOT, "%-16s  %-20s %-14s %-20s %s", when(entry.date), entry.actionName(),
                            entry.triggerName(), name == null || name.isBlank() ? "" : name, entry.outcomeName())
                    .stripTrailing());
        }
    }

    private @Nullable DeviceKeypad keypadOf(String thing, Console console) {
        NukiDeviceHandler handler = directory.findDevice(thing);
        if (handler == null) {
            console.println("No Nuki smart lock or opener thing '" + thing + "'. Try: nuki bridges");
            return null;
        }
        return handler.keypad();
    }

    private void add(Console console, DeviceKeypad keypad, String name, String[] args) {
        KeypadCodeRequest request;
        try {
            ZonedDateTime from = args.length > 4 ? KeypadRequests.dateTime(args[4], zone) : null;
            ZonedDateTime until = args.length > 5 ? KeypadRequests.dateTime(args[5], zone) : null;
            String code;
            try {
                code = console.readLine("Code for '" + name + "' (6 digits 1-9): ", '*');
            } catch (UnsupportedOperationException | IOException e) {
                console.println("This console cannot ask for the code. Add it with the rule action addKeypadCode, "
                        + "or from openHAB's console over SSH.");
                return;
            }
            request = KeypadRequests.request(name, code, from, until, null, null, null);
        } catch (IllegalArgumentException e) {
            console.println("Refused: " + e.getMessage());
            return;
        }
        report(console, await(console, keypad.add(request)));
    }

    private void list(Console console, List<KeypadCode> codes) {
        if (codes.isEmpty()) {
            console.println("No keypad codes.");
            return;
        }
        for (KeypadCode code : codes) {
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "%-20s %-3s", code.name(), code.enabled() ? "on" : "off"));
            Instant from = code.validFrom();
            Instant until = code.validUntil();
            line.append(from == null && until == null ? "  always" : "");
            if (from != null) {
                line.append("  from ").append(WHEN.format(from.atZone(zone)));
            }
            if (until != null) {
                line.append("  until ").append(WHEN.format(until.atZone(zone)));
            }
            String days = KeypadRequests.weekdays(code.weekdays());
            if (days != null) {
                line.append("  on ").append(days);
            }
            if (code.dailyFrom() != null && code.dailyUntil() != null) {
                line.append("  ").append(code.dailyFrom()).append('-').append(code.dailyUntil());
            }
            Instant used = code.lastUsed();
            if (used != null) {
                line.append("  last used ").append(WHEN.format(used.atZone(zone)));
            }
            console.println(line.toString());
        }
    }

    private static void report(Console console, @Nullable KeypadWrite write) {
        if (write != null) {
            console.println((write.accepted() ? "" : "Refused: ") + write.message());
        }
    }

    private @Nullable String when(@Nullable String date) {
        try {
            return date == null ? "" : WHEN.format(Instant.parse(date).atZone(zone));
        } catch (DateTimeException e) {
            return date;
        }
    }

    private static <T> @Nullable T await(Console console, CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause == null ? null : cause.getMessage();
            console.println("Failed: " + (message == null ? "the request failed" : message));
            return null;
        } catch (TimeoutException e) {
            console.println("Failed: no answer within " + WAIT_SECONDS + " s.");
            return null;
        }
    }
}
