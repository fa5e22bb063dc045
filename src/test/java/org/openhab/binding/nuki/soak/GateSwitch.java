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

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;

/**
 * A door-safety switch of one device thing ({@code unlatch-allowed} or {@code unlock-allowed}) that the soak flips from
 * its one mixing thread, and the commands it permitted. A command counts as permitted when the switch may have been ON
 * at some moment between just before the command was given and just after the gate decided (a channel command: when
 * {@code handleCommand} returned; a thing action: when it returned): it was ON at either end, or it was flipped
 * between. So the count is never too low, and a device that received more such actions than were permitted received
 * one the gate should have refused. A command given while the switch was OFF throughout is counted apart: each of
 * them must have been refused (told on the event channel).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class GateSwitch {

    /** The switch's flips and its value just before a command was given. */
    record Moment(int flips, boolean on) {
    }

    private final Device device;
    private final String channel;
    private final BooleanSupplier value;
    private final AtomicInteger flips = new AtomicInteger();
    private final AtomicInteger permits = new AtomicInteger();
    private final AtomicInteger certainlyOff = new AtomicInteger();

    private GateSwitch(Device device, String channel, BooleanSupplier value) {
        this.device = device;
        this.channel = channel;
        this.value = value;
    }

    static GateSwitch unlatchAllowed(Device device) {
        return new GateSwitch(device, CHANNEL_UNLATCH_ALLOWED, device.handler::isUnlatchAllowed);
    }

    static GateSwitch unlockAllowed(Device device) {
        return new GateSwitch(device, CHANNEL_UNLOCK_ALLOWED, device.handler::isUnlockAllowed);
    }

    /** Switches it through its channel, as a rule or the UI would; from the soak's mixing thread only. */
    void flip(boolean on) {
        device.handler.handleCommand(device.channel(channel), OnOffType.from(on));
        flips.incrementAndGet();
    }

    /** Just before a command that the switch gates is given. */
    Moment before() {
        int flipped = flips.get();
        return new Moment(flipped, value.getAsBoolean());
    }

    /** Whether the switch may have been ON at some moment since {@code before}; call it once the gate decided. */
    boolean mayHaveBeenOn(Moment before) {
        return before.on() || value.getAsBoolean() || flips.get() != before.flips();
    }

    /** Counts the command given since {@code before} as permitted if the switch may have been ON meanwhile. */
    void count(Moment before) {
        if (mayHaveBeenOn(before)) {
            permits.incrementAndGet();
        } else {
            certainlyOff.incrementAndGet();
        }
    }

    /** Counts the command if this switch and {@code other} may both have been ON meanwhile. */
    void countWith(GateSwitch other, Moment before, Moment otherBefore) {
        if (mayHaveBeenOn(before) && other.mayHaveBeenOn(otherBefore)) {
            permits.incrementAndGet();
        } else {
            certainlyOff.incrementAndGet();
        }
    }

    /**
     * Takes the state of the switches that gate a command, just before it is given; the task returned counts the
     * command as permitted (into {@code gate}) once the gate decided, if both may have been ON meanwhile.
     */
    static Runnable permitAfter(GateSwitch gate, @Nullable GateSwitch also) {
        Moment before = gate.before();
        if (also == null) {
            return () -> gate.count(before);
        }
        Moment alsoBefore = also.before();
        return () -> gate.countWith(also, before, alsoBefore);
    }

    int permits() {
        return permits.get();
    }

    /** The commands given while this switch (or the other one counted with it) was OFF throughout. */
    int certainlyOff() {
        return certainlyOff.get();
    }

    /** Checks that the device refused at least every command given while the switch was OFF throughout. */
    void checkRefusals(String name, List<String> problems, String... refusalEvents) {
        long refused = device.events.stream()
                .filter(event -> Arrays.stream(refusalEvents).anyMatch(refusal -> event.equals("event:" + refusal)))
                .count();
        if (refused < certainlyOff.get()) {
            problems.add(name + ": " + certainlyOff.get() + " commands were given while " + channel
                    + " was OFF, but only " + refused + " were refused");
        }
    }

    int flips() {
        return flips.get();
    }
}
