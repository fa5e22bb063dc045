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
package org.openhab.binding.nuki.internal.api.mqtt;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.LockAction;

/**
 * Lock actions to one bridge-less lock, one at a time (Nuki MQTT API 4.3: parallel commands get overlapping answers
 * with nothing to tell them apart). An action is published once to {@code lockAction}, QoS 2 and never retained, and
 * is done when the lock answered {@code commandResponse} 0 <em>and</em> showed the action's state, in either order;
 * an error code or no answer within the timeout fails it. Actions asked for meanwhile wait their turn.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class MqttLockCommander {

    /** QoS of commands, as Nuki asks of publishers. */
    public static final int COMMAND_QOS = 2;

    private final NukiMqttConnection connection;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Supplier<String> actionTopic;
    private final ActionQueue<Pending> queue = new ActionQueue<>(this::start);

    private static final class Pending extends ActionQueue.Entry {
        final Set<Integer> targets;
        volatile boolean answered;
        volatile boolean arrived;

        Pending(LockAction action) {
            super(action);
            this.targets = targetStates(action);
        }
    }

    /**
     * @param actionTopic the lock's {@code lockAction} topic, as the lock writes its id
     * @param timeout how long the lock has to answer and get there
     */
    public MqttLockCommander(NukiMqttConnection connection, ScheduledExecutorService scheduler,
            Supplier<String> actionTopic, Duration timeout) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.actionTopic = actionTopic;
        this.timeout = timeout;
    }

    /** The lock states that show the action was performed (Nuki MQTT API 3: state codes). */
    static Set<Integer> targetStates(LockAction action) {
        return switch (action) {
            case UNLOCK -> Set.of(3);
            case LOCK, FULL_LOCK -> Set.of(1);
            case UNLATCH -> Set.of(7, 5);
            case LOCK_N_GO, LOCK_N_GO_WITH_UNLATCH -> Set.of(6);
            default -> Set.of();
        };
    }

    /**
     * Sends an action when the one before it is done.
     *
     * @param currentState the lock's state now: an unlock of an unlocked lock (or a lock of a locked one) changes
     *            nothing the lock would show, so the answer alone completes it
     * @return completes when the lock performed the action, exceptionally with {@link MqttActionException} otherwise
     */
    public CompletableFuture<Boolean> send(LockAction action, @Nullable Integer currentState) {
        Pending pending = new Pending(action);
        boolean unchanging = action == LockAction.UNLOCK || action == LockAction.LOCK || action == LockAction.FULL_LOCK;
        pending.arrived = unchanging && currentState != null && pending.targets.contains(currentState);
        return queue.add(pending);
    }

    private void start(Pending pending) {
        queue.deadline(pending,
                scheduler.schedule(
                        () -> queue.fail(pending,
                                new MqttActionException(MqttActionException.NO_RESPONSE,
                                        "no answer from the lock within " + timeout.toSeconds()
                                                + " s (is \"Allow locking\" on in the app's MQTT settings?)")),
                        timeout.toMillis(), TimeUnit.MILLISECONDS));
        connection.publish(actionTopic.get(), String.valueOf(pending.action.code()), COMMAND_QOS, false)
                .whenComplete((taken, error) -> {
                    if (error != null || !Boolean.TRUE.equals(taken)) {
                        queue.fail(pending, new MqttActionException(MqttActionException.NO_RESPONSE,
                                "the broker did not take the command"));
                    }
                });
    }

    /** The lock's {@code commandResponse}; ignored while no action is under way. */
    public void onCommandResponse(int code) {
        Pending pending = queue.current();
        if (pending == null) {
            return;
        }
        if (code != CommandResponse.SUCCESS) {
            queue.fail(pending, new MqttActionException(code, CommandResponse.meaning(code)));
            return;
        }
        pending.answered = true;
        completeIfDone(pending);
    }

    /** The lock's new {@code state}. */
    public void onState(int stateCode) {
        Pending pending = queue.current();
        if (pending == null || !pending.targets.contains(stateCode)) {
            return;
        }
        pending.arrived = true;
        completeIfDone(pending);
    }

    /** Whether an action is under way. */
    public boolean isBusy() {
        return queue.isBusy();
    }

    private void completeIfDone(Pending pending) {
        if (pending.answered && pending.arrived) {
            queue.complete(pending);
        }
    }

    /** Fails every action under way or waiting; later ones fail at once. */
    public void close() {
        queue.close("the connection was closed");
    }
}
