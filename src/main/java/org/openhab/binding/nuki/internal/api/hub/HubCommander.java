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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.mqtt.ActionQueue;
import org.openhab.binding.nuki.internal.api.mqtt.MqttActionException;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;

/**
 * Lock actions to Nuki Hub's lock or opener, one at a time: each is published once to {@code <device>/action} (QoS 1,
 * never retained). The hub answers {@code ack} (queued), {@code denied} or {@code unknown_action}; then it publishes
 * {@code commandResult} after every Bluetooth attempt (up to 4): a {@code timeOut} followed by {@code success} is a
 * performed action, never a failure. {@code success} means the device accepted the command: the action is done when
 * its state reaches the action's target (at once when it is already there), or when {@code completionStatus} says
 * how it ended. It fails on {@code denied}, {@code unknown_action}, {@code retry} = {@code failed} (every attempt
 * failed), a failing {@code completionStatus}, or when no success came within the timeout; once accepted, it never
 * fails for want of a state (a rule that retries a failed action would send it twice).
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
    private final ActionQueue<Pending> queue = new ActionQueue<>(this::start);
    private long quietUntilNanos = System.nanoTime();
    /** The device's state (binding code) as last read, or -1. */
    private volatile int lastState = -1;

    private static final class Pending extends ActionQueue.Entry {
        final String payload;
        final Set<Integer> targets;
        /** Published and not yet found lost; guarded by the commander. */
        boolean sent;
        volatile boolean acknowledged;
        /** The device accepted the command ({@code commandResult} {@code success}). */
        volatile boolean accepted;
        /**
         * The hub published its boot's reset value ({@code --}) on the action topic after this was sent: it restarted,
         * and dropped what it had not acknowledged.
         */
        volatile boolean hubRebooted;

        Pending(LockAction action, String payload) {
            super(action);
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
            case UNLATCH, ELECTRIC_STRIKE_ACTUATION -> Set.of(7, 5);
            case LOCK_N_GO, LOCK_N_GO_WITH_UNLATCH -> Set.of(6);
            // the opener: ring to open (or continuous mode, which keeps it on) on or off
            case ACTIVATE_RING_TO_OPEN, ACTIVATE_CONTINUOUS_MODE -> Set.of(3);
            case DEACTIVATE_RING_TO_OPEN, DEACTIVATE_CONTINUOUS_MODE -> Set.of(1);
            default -> Set.of();
        };
    }

    /**
     * The hub said it is online: it may have just connected, so it ignores actions for the window from now.
     *
     * @param live whether openHAB's own connection was up all along, so the hub reconnected just now. An action
     *            already sent and not acknowledged is sent again once the window is over, unless the hub acknowledged
     *            it by then, and only when the hub rebooted meanwhile (its reset value on the action topic): a rebooted
     *            hub dropped it unperformed. A hub that only reconnected (its network broke, or went silent) may have
     *            performed it and lost its answer, so such an action is not sent again, nor after openHAB's own
     *            reconnect, where the message may be an old retained one: it fails when unanswered.
     */
    public void hubOnline(boolean live) {
        Pending current = queue.current();
        synchronized (this) {
            quietUntilNanos = System.nanoTime() + window.toNanos();
        }
        if (live && current != null && isSent(current) && !current.acknowledged) {
            scheduler.schedule(() -> resendIfUnanswered(current), window.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The window after the hub's reconnect is over: an action it has not acknowledged was ignored, send it again. */
    private void resendIfUnanswered(Pending pending) {
        if (!pending.equals(queue.current()) || pending.acknowledged || !pending.hubRebooted) {
            return;
        }
        synchronized (this) {
            pending.sent = false;
        }
        schedulePublish(pending);
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
        return queue.add(new Pending(action, payload));
    }

    private void start(Pending pending) {
        queue.deadline(pending, scheduler.schedule(() -> deadline(pending), timeout.toMillis() + remainingQuietMillis(),
                TimeUnit.MILLISECONDS));
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
        if (!pending.equals(queue.current())) {
            return;
        }
        synchronized (this) {
            if (pending.sent) {
                return;
            }
            long quiet = remainingQuietMillis();
            if (quiet > 0) {
                // the hub reconnected meanwhile
                scheduler.schedule(() -> publish(pending), quiet, TimeUnit.MILLISECONDS);
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
        Pending pending = queue.current();
        if (pending == null || !isSent(pending)) {
            return;
        }
        if (HubActions.RESET.equals(payload.trim()) && !pending.acknowledged) {
            pending.hubRebooted = true;
            return;
        }
        if (reply == null) {
            return;
        }
        if (reply == HubActions.Reply.ACK) {
            pending.acknowledged = true;
            return;
        }
        String refusal = HubActions.refusal(reply, pending.action);
        fail(pending, refusal == null ? "refused" : refusal);
    }

    private synchronized boolean isSent(Pending pending) {
        return pending.sent;
    }

    /** The time is up: without the device's success the action failed; with it, the device took it. */
    private void deadline(Pending pending) {
        if (pending.accepted) {
            // the device accepted it and said nothing against it: performed, even without the target state
            queue.complete(pending);
        } else if (pending.acknowledged) {
            fail(pending, "the device did not take the " + pending.payload + " from Nuki Hub within "
                    + timeout.toSeconds() + " s");
        } else {
            fail(pending, "Nuki Hub did not answer the " + pending.payload + " within " + timeout.toSeconds() + " s");
        }
    }

    /**
     * The result of one Bluetooth attempt ({@code commandResult}): {@code success} means the device accepted the
     * command; any other word is one attempt, which the hub may retry ({@link #onRetry}).
     */
    public void onResult(String payload) {
        Pending pending = queue.current();
        if (pending == null || !pending.acknowledged || !"success".equals(payload.trim())) {
            return;
        }
        pending.accepted = true;
        if (pending.targets.isEmpty() || pending.targets.contains(lastState)) {
            queue.complete(pending);
        }
    }

    /** The hub's retry counter ({@code retry}): {@code failed} when every attempt failed. */
    public void onRetry(String payload) {
        Pending pending = queue.current();
        if (pending != null && pending.acknowledged && !pending.accepted && "failed".equals(payload.trim())) {
            fail(pending, "Nuki Hub could not reach the device over Bluetooth for the " + pending.payload
                    + " (every attempt failed): check the distance between hub and device, and the device's batteries");
        }
    }

    /** How the device's last action ended ({@code completionStatus}, published only when it changed). */
    public void onCompletion(String payload) {
        String word = payload.trim();
        Pending pending = queue.current();
        if (pending == null || !pending.accepted) {
            return;
        }
        switch (word) {
            case "success" -> queue.complete(pending);
            case "", "--", "unknown", "undefined" -> {
                // nothing said
            }
            default ->
                fail(pending, "the device did not complete the " + pending.payload + " (Nuki Hub: " + word + ")");
        }
    }

    /** Every state the hub read of the device (binding code), changed or not. */
    public void onState(int stateCode) {
        lastState = stateCode;
        Pending pending = queue.current();
        if (pending != null && pending.accepted && pending.targets.contains(stateCode)) {
            queue.complete(pending);
        }
    }

    /** Whether an action is under way or waiting. */
    public boolean isBusy() {
        return queue.isBusy();
    }

    private void fail(Pending pending, String reason) {
        queue.fail(pending, new MqttActionException(MqttActionException.NO_RESPONSE, reason));
    }

    /** Fails every action under way or waiting; later ones fail at once. */
    public void close(String reason) {
        queue.close(reason);
    }
}
