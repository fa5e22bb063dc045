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
package org.openhab.binding.nuki.internal.api.hub;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.mqtt.MqttActionException;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;

/**
 * Lock actions to Nuki Hub's lock or opener, one at a time: each is published once to {@code <device>/action} (QoS 1,
 * never retained) and is done when the hub answered {@code ack} and then reported the lock's success
 * ({@code commandResult} or {@code completionStatus} {@code success}, or the action's state). {@code denied},
 * {@code unknown_action}, {@code error} and the lock's failures fail it with the reason in words.
 * <p>
 * Nuki Hub ignores actions for 6 s after it (re)connected to the broker. An action asked for in that window waits
 * until it is over and is then sent, once: never lost, never sent twice.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class HubCommander {

    /** How long Nuki Hub ignores actions after it connected, with a margin for the broker's delivery. */
    public static final Duration RECONNECT_WINDOW = Duration.ofMillis(6500);
    /** QoS of the action topic, as Nuki Hub uses it. */
    public static final int ACTION_QOS = 1;

    private final NukiMqttConnection connection;
    private final ScheduledExecutorService scheduler;
    private final String actionTopic;
    private final Duration timeout;
    private final Duration window;
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private @Nullable Pending inFlight;
    private long quietUntilNanos = System.nanoTime();
    private boolean closed;

    private static final class Pending {
        final LockAction action;
        final String payload;
        final Set<Integer> targets;
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        boolean sent;
        boolean acknowledged;
        @Nullable
        ScheduledFuture<?> timer;

        Pending(LockAction action, String payload) {
            this.action = action;
            this.payload = payload;
            this.targets = targetStates(action);
        }
    }

    /**
     * @param actionTopic the device's {@code action} topic
     * @param timeout how long the hub has to acknowledge an action and the lock to perform it
     * @param window how long the hub ignores actions after it connected ({@link #RECONNECT_WINDOW})
     */
    public HubCommander(NukiMqttConnection connection, ScheduledExecutorService scheduler, String actionTopic,
            Duration timeout, Duration window) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.actionTopic = actionTopic;
        this.timeout = timeout;
        this.window = window;
    }

    /** The states (binding codes) that show the action was performed. */
    static Set<Integer> targetStates(LockAction action) {
        return switch (action) {
            case UNLOCK -> Set.of(3);
            case LOCK, FULL_LOCK -> Set.of(1);
            case UNLATCH -> Set.of(7, 5);
            case LOCK_N_GO, LOCK_N_GO_WITH_UNLATCH -> Set.of(6);
            case ELECTRIC_STRIKE_ACTUATION -> Set.of(7, 5);
            default -> Set.of();
        };
    }

    /**
     * The hub said it is online: it may have just connected, so it ignores actions for the window from now.
     *
     * @param live whether openHAB's own connection was up all along, so the hub reconnected just now: an action
     *            already sent and not acknowledged then went to the hub while it ignored actions, and is sent again
     *            once the window is over. After openHAB's own reconnect the message may be an old retained one, and
     *            such an action may have been performed: it is not sent again (it fails when unanswered).
     */
    public void hubOnline(boolean live) {
        Pending resend = null;
        synchronized (this) {
            quietUntilNanos = System.nanoTime() + window.toNanos();
            Pending current = inFlight;
            if (live && current != null && current.sent && !current.acknowledged) {
                current.sent = false;
                resend = current;
            }
        }
        if (resend != null) {
            schedulePublish(resend);
        }
    }

    /**
     * Sends an action when the one before it is done and the hub takes actions.
     *
     * @return completes when the lock performed the action, exceptionally with {@link MqttActionException} otherwise
     */
    public CompletableFuture<Boolean> send(LockAction action) {
        String payload = HubActions.payload(action);
        if (payload == null) {
            return CompletableFuture.failedFuture(new MqttActionException(MqttActionException.NO_RESPONSE,
                    "Nuki Hub has no action " + action.name()));
        }
        Pending pending = new Pending(action, payload);
        boolean startNow;
        synchronized (this) {
            if (closed) {
                pending.result.completeExceptionally(
                        new MqttActionException(MqttActionException.NO_RESPONSE, "the connection is closed"));
                return pending.result;
            }
            startNow = inFlight == null;
            if (startNow) {
                inFlight = pending;
            } else {
                waiting.add(pending);
            }
        }
        if (startNow) {
            start(pending);
        }
        return pending.result;
    }

    private void start(Pending pending) {
        synchronized (this) {
            pending.timer = scheduler
                    .schedule(
                            () -> fail(pending,
                                    "Nuki Hub did not report the " + pending.payload + " as done within "
                                            + timeout.toSeconds() + " s"),
                            timeout.toMillis() + remainingQuietMillis(), TimeUnit.MILLISECONDS);
        }
        schedulePublish(pending);
    }

    private synchronized long remainingQuietMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(quietUntilNanos - System.nanoTime()));
    }

    /** Publishes now, or once the hub's reconnect window is over. */
    private void schedulePublish(Pending pending) {
        long delay = remainingQuietMillis();
        if (delay == 0) {
            publish(pending);
        } else {
            scheduler.schedule(() -> publish(pending), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void publish(Pending pending) {
        synchronized (this) {
            if (!pending.equals(inFlight) || pending.sent) {
                return;
            }
            if (remainingQuietMillis() > 0) {
                // the hub reconnected meanwhile
                scheduler.schedule(() -> publish(pending), remainingQuietMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            pending.sent = true;
        }
        connection.publish(actionTopic, pending.payload, ACTION_QOS, false).whenComplete((taken, error) -> {
            if (error != null || !Boolean.TRUE.equals(taken)) {
                fail(pending, "the MQTT broker did not take the " + pending.payload);
            }
        });
    }

    /** A message on the action topic: the hub's reply, or an action (ours or another client's). */
    public void onReply(String payload) {
        HubActions.Reply reply = HubActions.Reply.of(payload);
        Pending pending;
        synchronized (this) {
            pending = inFlight;
            if (reply == null || pending == null || !pending.sent) {
                return;
            }
            if (reply == HubActions.Reply.ACK) {
                pending.acknowledged = true;
                return;
            }
        }
        String refusal = HubActions.refusal(reply, pending.action);
        fail(pending, refusal == null ? "refused" : refusal);
    }

    /** The lock's result over Bluetooth ({@code commandResult}) or its motor's ({@code completionStatus}). */
    public void onResult(String payload) {
        String word = payload.trim();
        Pending pending;
        synchronized (this) {
            pending = inFlight;
            if (pending == null || !pending.acknowledged || word.isEmpty()) {
                return;
            }
        }
        switch (word) {
            case "success" -> complete(pending);
            case "working", "undefined", "--" -> {
                // under way, or nothing said
            }
            default -> fail(pending, "the lock did not perform the " + pending.payload + " (Nuki Hub: " + word + ")");
        }
    }

    /** The device's new state (binding code). */
    public void onState(int stateCode) {
        Pending pending;
        synchronized (this) {
            pending = inFlight;
            if (pending == null || !pending.acknowledged || !pending.targets.contains(stateCode)) {
                return;
            }
        }
        complete(pending);
    }

    /** Whether an action is under way or waiting. */
    public synchronized boolean isBusy() {
        return inFlight != null;
    }

    private void complete(Pending pending) {
        Pending next;
        synchronized (this) {
            if (!pending.equals(inFlight)) {
                return;
            }
            next = advance(pending);
        }
        pending.result.complete(true);
        if (next != null) {
            start(next);
        }
    }

    private void fail(Pending pending, String reason) {
        Pending next;
        synchronized (this) {
            if (!pending.equals(inFlight)) {
                return;
            }
            next = advance(pending);
        }
        pending.result.completeExceptionally(new MqttActionException(MqttActionException.NO_RESPONSE, reason));
        if (next != null) {
            start(next);
        }
    }

    /** Ends the action under way (the caller holds the lock) and returns the next one to start, if any. */
    private @Nullable Pending advance(Pending pending) {
        ScheduledFuture<?> timer = pending.timer;
        if (timer != null) {
            timer.cancel(false);
        }
        Pending next = closed ? null : waiting.poll();
        inFlight = next;
        return next;
    }

    /** Fails every action under way or waiting; later ones fail at once. */
    public void close(String reason) {
        Pending current;
        Deque<Pending> dropped;
        synchronized (this) {
            closed = true;
            current = inFlight;
            inFlight = null;
            dropped = new ArrayDeque<>(waiting);
            waiting.clear();
        }
        if (current != null) {
            ScheduledFuture<?> timer = current.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            current.result.completeExceptionally(new MqttActionException(MqttActionException.NO_RESPONSE, reason));
        }
        dropped.forEach(pending -> pending.result
                .completeExceptionally(new MqttActionException(MqttActionException.NO_RESPONSE, reason)));
    }
}
