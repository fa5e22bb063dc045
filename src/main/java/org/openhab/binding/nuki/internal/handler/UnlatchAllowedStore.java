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
package org.openhab.binding.nuki.internal.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each device's {@code unlatch-allowed} and {@code unlock-allowed} values across restarts, for things from
 * .things files as well as from the UI, in {@code <userdata>/nuki/unlatch-allowed.properties}. The configured initial
 * value is stored beside each value: when the user changes the configuration, the configured value wins again. Both
 * switches follow the same rules; {@code unlatch-allowed} keeps the keys it had before {@code unlock-allowed} came.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class UnlatchAllowedStore {

    private final Logger logger = LoggerFactory.getLogger(UnlatchAllowedStore.class);
    private final @Nullable Path file;
    private final Properties values = new Properties();

    /** @param file where to keep the values; null keeps them in memory only */
    public UnlatchAllowedStore(@Nullable Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                logger.warn("Cannot read {}: {}; unlatch-allowed and unlock-allowed start from the thing configuration",
                        file, e.getMessage());
            }
        }
    }

    /** The store openHAB uses: in its userdata folder, or in memory when that is unknown. */
    public static UnlatchAllowedStore inUserData() {
        String userData = System.getProperty("openhab.userdata");
        return new UnlatchAllowedStore(
                userData == null ? null : Path.of(userData, "nuki", "unlatch-allowed.properties"));
    }

    /** The key under which {@code unlock-allowed} is kept for a thing (thing UIDs have no dots). */
    public static String unlockAllowedKey(String thingUID) {
        return thingUID + ".unlock-allowed";
    }

    /**
     * The value to start with: the stored one, unless the configured initial value changed since it was stored.
     *
     * @param key the thing's UID for {@code unlatch-allowed}, {@link #unlockAllowedKey} for {@code unlock-allowed}
     */
    public synchronized boolean load(String key, boolean configured) {
        String value = values.getProperty(key + ".value");
        String config = values.getProperty(key + ".config");
        if (value == null || !String.valueOf(configured).equals(config)) {
            return configured;
        }
        return Boolean.parseBoolean(value);
    }

    /** Keeps a switch's value and the configured initial value it started from; {@code key} as for {@link #load}. */
    public synchronized void save(String key, boolean value, boolean configured) {
        values.setProperty(key + ".value", String.valueOf(value));
        values.setProperty(key + ".config", String.valueOf(configured));
        Path target = file;
        if (target == null) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                values.store(out, "unlatch-allowed and unlock-allowed of Nuki things; written by the Nuki binding");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            logger.warn("Cannot write {}: {}; the switch falls back to the configuration after a restart", target,
                    e.getMessage());
        }
    }
}
