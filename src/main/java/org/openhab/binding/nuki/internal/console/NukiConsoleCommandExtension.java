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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.client.NukiApiException;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.internal.api.dto.BridgeInfoDto;
import org.openhab.binding.nuki.internal.api.dto.CallbackListDto;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.api.dto.ResultDto;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.binding.nuki.internal.bridge.NukiBridgeHandler;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.io.console.extensions.ConsoleCommandExtension;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code openhab:nuki ...}: the bridges and their devices, a bridge's /info, its callback table (with the way out of
 * "too many callbacks registered"), and an authentication and clock check. It prints no token and no secret:
 * callback URLs show host, port and the first path segment only.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = ConsoleCommandExtension.class)
public class NukiConsoleCommandExtension extends AbstractConsoleCommandExtension {

    private static final long WAIT_SECONDS = 45;

    private final NukiThingDirectory directory;
    private final Clock clock;
    private final KeypadConsoleCommands keypads;

    @Activate
    public NukiConsoleCommandExtension(@Reference NukiThingDirectory directory) {
        this(directory, Clock.systemUTC());
    }

    NukiConsoleCommandExtension(NukiThingDirectory directory, Clock clock) {
        super("nuki", "Inspect Nuki bridges (devices, bridge info, callbacks, authentication and clock); manage keypad "
                + "codes and read the activity log through a Nuki Web account.");
        this.directory = directory;
        this.clock = clock;
        this.keypads = new KeypadConsoleCommands(directory, ZoneId.systemDefault());
    }

    @Override
    public List<String> getUsages() {
        return List.of(buildCommandUsage("bridges", "lists the bridges and their devices with their states"),
                buildCommandUsage("info <bridge>", "shows what the bridge reports about itself"),
                buildCommandUsage("callbacks <bridge>", "lists the callbacks registered on the bridge"),
                buildCommandUsage("callbacks <bridge> remove <id>",
                        "removes a callback, also another app's (frees a slot)"),
                buildCommandUsage("check <bridge>", "checks authentication and the bridge's clock"),
                buildCommandUsage(KeypadConsoleCommands.KEYPAD_USAGE,
                        "lists, adds (asks for the code), switches on or off, or removes a lock's keypad codes"),
                buildCommandUsage(KeypadConsoleCommands.LOG_USAGE, "shows the newest entries of the activity log"));
    }

    @Override
    public void execute(String[] args, Console console) {
        if (args.length == 0) {
            printUsage(console);
            return;
        }
        String command = args[0];
        if ("bridges".equals(command)) {
            bridges(console);
            return;
        }
        if ("keypad".equals(command)) {
            keypads.keypad(args, console);
            return;
        }
        if ("log".equals(command)) {
            keypads.log(args, console);
            return;
        }
        if (args.length < 2 || !List.of("info", "callbacks", "check").contains(command)) {
            printUsage(console);
            return;
        }
        NukiBridgeHandler bridge = directory.find(args[1]);
        if (bridge == null) {
            console.println("No Nuki bridge thing '" + args[1] + "'. Try: nuki bridges");
            return;
        }
        NukiBridgeClient client = bridge.client();
        if (client == null) {
            console.println(
                    "Bridge " + bridge.getThing().getUID() + " is not connected: " + bridge.getThing().getStatusInfo());
            return;
        }
        switch (command) {
            case "info" -> info(console, client);
            case "check" -> check(console, bridge, client);
            default -> {
                if (args.length == 4 && "remove".equals(args[2])) {
                    remove(console, bridge, client, args[3]);
                } else if (args.length == 2) {
                    callbacks(console, bridge, client);
                } else {
                    printUsage(console);
                }
            }
        }
    }

    private void bridges(Console console) {
        if (directory.all().isEmpty()) {
            console.println("No Nuki bridge things.");
        }
        for (NukiBridgeHandler bridge : directory.all()) {
            console.println(bridge.getThing().getUID() + " at " + bridge.configuration().ip + ":"
                    + bridge.configuration().port + " - " + bridge.getThing().getStatus());
            for (ListEntryDto entry : bridge.entries()) {
                DeviceType type = DeviceType.of(entry.deviceType);
                DeviceState state = entry.lastKnownState == null ? null
                        : DeviceState.of(entry.nukiId, entry.deviceType, entry.lastKnownState);
                String stateText = state == null ? "state unknown"
                        : type.isOpener() ? state.openerState().name() + ", mode " + state.mode().name()
                                : state.smartLockState().name() + ", door " + state.doorSensor().name();
                console.println(String.format(Locale.ROOT, "  %s %-10s %-20s %s%s", NukiId.hex(entry.nukiId),
                        type.isOpener() ? "opener" : "smartlock", '"' + String.valueOf(entry.name) + '"', stateText,
                        bridge.hasDeviceThing(entry.nukiId) ? "" : " (no thing)"));
            }
        }
    }

    private void info(Console console, NukiBridgeClient client) {
        BridgeInfoDto info = await(console, client.info());
        if (info == null) {
            return;
        }
        boolean software = Integer.valueOf(2).equals(info.bridgeType);
        console.println("Bridge type:     " + (software ? "software" : "hardware"));
        if (info.ids != null) {
            console.println("Server id:       " + info.ids.serverId);
            if (info.ids.hardwareId != null) {
                console.println("Hardware id:     " + info.ids.hardwareId);
            }
        }
        if (info.versions != null) {
            console.println("Firmware:        " + (software ? info.versions.appVersion
                    : info.versions.firmwareVersion + " (Wi-Fi " + info.versions.wifiFirmwareVersion + ")"));
        }
        console.println("Uptime:          " + info.uptime + " s");
        console.println("Bridge time:     " + info.currentTime);
        console.println(
                "Nuki cloud:      " + (Boolean.TRUE.equals(info.serverConnected) ? "connected" : "not connected"));
        if (info.scanResults != null) {
            console.println("In range:");
            for (BridgeInfoDto.ScanResult scan : info.scanResults) {
                console.println(
                        "  " + scan.name + " rssi " + scan.rssi + (Boolean.TRUE.equals(scan.paired) ? " paired" : ""));
            }
        }
    }

    private void callbacks(Console console, NukiBridgeHandler bridge, NukiBridgeClient client) {
        List<CallbackListDto.Entry> entries = await(console, client.callbackList());
        if (entries == null) {
            return;
        }
        if (entries.isEmpty()) {
            console.println("No callbacks registered.");
        }
        for (CallbackListDto.Entry entry : entries) {
            String url = String.valueOf(entry.url);
            String owner = url.equals(bridge.ownCallbackUrl()) ? "this openHAB"
                    : bridge.isOwnCallback(url) ? "this openHAB, stale" : "other app";
            console.println(entry.id + ": " + redact(url) + "  [" + owner + "]");
        }
        console.println(entries.size() + " of 3 slots used. Free one with: nuki callbacks "
                + bridge.getThing().getUID().getId() + " remove <id>");
    }

    private void remove(Console console, NukiBridgeHandler bridge, NukiBridgeClient client, String idText) {
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            console.println("'" + idText + "' is not a callback id.");
            return;
        }
        ResultDto result = await(console, client.callbackRemove(id));
        if (result != null) {
            console.println(Boolean.TRUE.equals(result.success) ? "Removed callback " + id + "."
                    : "The bridge did not remove callback " + id + ": " + result.message);
            callbacks(console, bridge, client);
        }
    }

    private void check(Console console, NukiBridgeHandler bridge, NukiBridgeClient client) {
        console.println("Authentication: " + bridge.configuration().authentication);
        BridgeInfoDto info = await(console, client.info());
        if (info == null) {
            return;
        }
        console.println("Authentication OK.");
        Instant bridgeTime = DeviceState.parseTime(info.currentTime);
        if (bridgeTime == null) {
            console.println("The bridge does not report its clock.");
            return;
        }
        long skew = Duration.between(clock.instant(), bridgeTime).toSeconds();
        console.println("Bridge clock: " + info.currentTime + ", " + Math.abs(skew) + " s "
                + (skew >= 0 ? "ahead of" : "behind") + " openHAB"
                + (Math.abs(skew) > 30 ? " - too far for hashed and encrypted tokens (60 s window)" : " - fine"));
    }

    /** A URL without secrets: scheme, host, port and the first path segment. */
    static String redact(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getPath() == null ? "" : uri.getPath();
            String[] segments = path.split("/");
            String first = segments.length > 1 ? "/" + segments[1] : "";
            boolean more = path.length() > first.length() || uri.getQuery() != null;
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + first
                    + (more ? "/..." : "");
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }

    private static <T> @Nullable T await(Console console, CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            NukiApiException failure = NukiApiException.unwrap(e);
            console.println("Failed: " + (failure != null ? failure.getMessage() : e.getMessage()));
            return null;
        } catch (TimeoutException e) {
            console.println("Failed: the bridge did not answer within " + WAIT_SECONDS + " s.");
            return null;
        }
    }
}
