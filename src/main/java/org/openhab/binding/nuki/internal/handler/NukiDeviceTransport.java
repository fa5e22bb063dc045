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

import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.NukiId;

/**
 * What carries a device's lock actions and states: a Nuki Bridge over its HTTP API (package {@code bridge}), the
 * owner's MQTT broker for locks that speak Nuki's MQTT API themselves (package {@code mqtt}), or Nuki Hub over MQTT
 * (package {@code hub}). The device things, their channels and the
 * {@code unlatch-allowed} gate in {@link NukiDeviceHandler#perform} are the same over both.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public interface NukiDeviceTransport {

    /**
     * Performs a lock action. Only {@link NukiDeviceHandler#perform} calls this, after the door-safety gate.
     *
     * @return completes when the device performed the action, exceptionally when it did not
     */
    CompletableFuture<?> lockAction(long nukiId, int deviceTypeCode, LockAction action);

    /** After a performed action: makes sure the device's state is confirmed (a Nuki Bridge reconciles soon). */
    void actionPerformed();

    /**
     * Whether the device reports every state itself, intermediate ones included (Nuki's MQTT API). A Nuki Bridge
     * mostly pushes final states, so there the binding shows the state a performed action ends in at once.
     */
    default boolean pushesEveryState() {
        return false;
    }

    /**
     * A device reported a transitional state (unlocking, lock 'n' go, ...) for longer than its action can take, most
     * likely because the final state was never pushed: asks for the device's state once. Never {@code /lockState},
     * which wakes the lock and drains its batteries. A transport whose devices report every state themselves has
     * nothing to ask.
     */
    default void refreshState(NukiDeviceHandler device) {
    }

    /**
     * Whether the transport's devices report who moved them (Nuki's MQTT API: {@code lockActionEvent}). A Nuki Bridge
     * does not; there a Nuki Web account's activity log names who did.
     */
    default boolean reportsWhoActed() {
        return false;
    }

    /** Reads a thing's {@code nukiId} as this transport shows ids (Nuki Hub: hexadecimal). */
    default long parseNukiId(String text) {
        return NukiId.parse(text);
    }

    /** Whether the transport has seen this device (a bridge lists it, a lock published on the broker). */
    default boolean knowsDevice(long nukiId) {
        return false;
    }

    /**
     * The keypad codes the transport manages for the device itself (Nuki Hub, locally), or null when it manages none
     * (a Nuki Bridge, Nuki's MQTT API: there the Nuki Web account does).
     */
    default @Nullable KeypadCodes keypadCodes(NukiDeviceHandler device) {
        return null;
    }

    /**
     * Serves a device handler that was (re-)initialized: its reports reach it under its current id, and what the
     * transport already knows of the device is handed to it at once.
     *
     * @return whether the transport knew the device's state and handed it over
     */
    boolean attach(NukiDeviceHandler device);
}
