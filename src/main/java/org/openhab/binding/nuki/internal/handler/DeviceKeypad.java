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

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.account.AccountDevice;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.internal.api.web.WebLogEntryDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device thing's keypad codes and activity log, for its thing actions and the console: through the source that
 * manages them, Nuki Hub (locally, when the device is under a {@code nuki:hub} thing) or the Nuki Web account that
 * knows the device, as the thing's {@code keypadSource} chooses; Nuki Hub first when both can. The log is the
 * account's. A change answers once it was accepted; when it reaches
 * the lock (or was not seen there in time) the {@code keypad-event} channel says so. Nothing here moves the door, and
 * no log line or answer contains a code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceKeypad {

    private final Logger logger = LoggerFactory.getLogger(DeviceKeypad.class);
    private final Supplier<String> thing;
    private final Supplier<@Nullable AccountDevice> account;
    private final Supplier<@Nullable KeypadCodes> hub;
    private final BiConsumer<String, String> trigger;
    /** Set on the thing's lane, read by whoever asks for codes. */
    private final AtomicReference<String> source = new AtomicReference<>(SOURCE_AUTO);

    /** {@code keypadSource} values. */
    public static final String SOURCE_AUTO = "auto";
    public static final String SOURCE_HUB = "hub";
    public static final String SOURCE_WEB = "web";

    /**
     * @param thing the thing's UID, for the log
     * @param account the account that knows the device, or null
     * @param hub the codes Nuki Hub manages for the device, or null when it is not under a connected hub
     * @param trigger fires an event on a trigger channel (channel id, event)
     */
    DeviceKeypad(Supplier<String> thing, Supplier<@Nullable AccountDevice> account, Supplier<@Nullable KeypadCodes> hub,
            BiConsumer<String, String> trigger) {
        this.thing = thing;
        this.account = account;
        this.hub = hub;
        this.trigger = trigger;
    }

    /** Why nothing can be done: no account knows the device. */
    public static final String NO_ACCOUNT = "No Nuki Web account thing knows this device: add a nuki:account thing "
            + "for the account the Nuki app syncs with, and switch on Nuki Web for the device in the Nuki app.";
    /** Why nothing can be done: the thing asks for Nuki Hub, and no hub serves it. */
    public static final String NO_HUB = "This thing's keypad source is Nuki Hub, but it is not under a connected "
            + "nuki:hub thing: move it under one, or set the keypad source to auto or web.";
    /** Why nothing can be done: neither source serves the device. */
    public static final String NO_SOURCE = "Nothing manages this device's keypad codes: put it under a nuki:hub thing, "
            + "or add a nuki:account thing for the account the Nuki app syncs with.";

    /** The thing's {@code keypadSource}: {@code auto}, {@code hub} or {@code web}. */
    void setSource(String source) {
        String chosen = source.trim().toLowerCase(Locale.ROOT);
        this.source.set(SOURCE_HUB.equals(chosen) || SOURCE_WEB.equals(chosen) ? chosen : SOURCE_AUTO);
    }

    public CompletableFuture<List<KeypadCode>> list() {
        KeypadCodes codes = codes();
        return codes == null ? CompletableFuture.failedFuture(new IllegalStateException(missing())) : codes.list();
    }

    public CompletableFuture<KeypadWrite> add(KeypadCodeRequest request) {
        return change(request.name(), KEYPAD_EVENT_ADDED, codes -> codes.add(request));
    }

    public CompletableFuture<KeypadWrite> setEnabled(String name, boolean enabled) {
        return change(name, enabled ? KEYPAD_EVENT_ENABLED : KEYPAD_EVENT_DISABLED,
                codes -> codes.setEnabled(name, enabled));
    }

    public CompletableFuture<KeypadWrite> remove(String name) {
        return change(name, KEYPAD_EVENT_REMOVED, codes -> codes.remove(name));
    }

    /** The newest entries of the device's activity log, newest first. */
    public CompletableFuture<List<WebLogEntryDto>> log(int limit) {
        AccountDevice device = account.get();
        return device == null ? CompletableFuture.failedFuture(new IllegalStateException(NO_ACCOUNT))
                : device.log(limit);
    }

    /** The source that serves the device's codes now, as the thing chose: Nuki Hub first when both can. */
    private @Nullable KeypadCodes codes() {
        String chosen = source.get();
        KeypadCodes local = SOURCE_WEB.equals(chosen) ? null : hub.get();
        if (local != null || SOURCE_HUB.equals(chosen)) {
            return local;
        }
        AccountDevice device = account.get();
        return device == null ? null : device.keypadCodes();
    }

    /** Why no source serves the device. */
    private String missing() {
        return switch (source.get()) {
            case SOURCE_HUB -> NO_HUB;
            case SOURCE_WEB -> NO_ACCOUNT;
            default -> NO_SOURCE;
        };
    }

    /** One change of a source's codes. */
    @FunctionalInterface
    private interface Change {
        CompletableFuture<KeypadWrite> apply(KeypadCodes codes);
    }

    private CompletableFuture<KeypadWrite> change(String name, String event, Change change) {
        KeypadCodes codes = codes();
        if (codes == null) {
            return CompletableFuture.completedFuture(KeypadWrite.refused(missing()));
        }
        String label = name.trim();
        return change.apply(codes).thenApply(write -> {
            if (!write.accepted()) {
                logger.info("Keypad change of {} refused: {}", thing.get(), write.message());
                return write;
            }
            logger.info("Keypad change of {}: {}", thing.get(), write.message());
            write.onTheLock().thenAccept(arrived -> {
                if (arrived) {
                    logger.info("Keypad code '{}' of {}: {} on the lock", label, thing.get(), event);
                } else {
                    logger.warn("Keypad code '{}' of {}: the change ({}) was not seen on the lock in time; "
                            + "is the lock online? See the Nuki app", label, thing.get(), event);
                }
                trigger.accept(CHANNEL_KEYPAD_EVENT, (arrived ? event : KEYPAD_EVENT_NOT_CONFIRMED) + ":" + label);
            });
            return write;
        });
    }
}
