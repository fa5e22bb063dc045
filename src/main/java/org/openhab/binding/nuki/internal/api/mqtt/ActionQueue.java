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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.LockAction;

/**
 * One device's lock actions on a broker, one at a time: the next starts when the one under way completed or failed.
 * Both commanders on a broker use it (Nuki's MQTT API: {@link MqttLockCommander}; Nuki Hub: {@code HubCommander}),
 * each with its own way of starting an action and of telling when it is done.
 *
 * @param <E> the commander's entry, with what it needs to know about its action
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class ActionQueue<E extends ActionQueue.Entry> {

    /** One action in the queue. */
    public abstract static class Entry {
        public final LockAction action;
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        @Nullable
        ScheduledFuture<?> deadline;

        protected Entry(LockAction action) {
            this.action = action;
        }
    }

    /** Starts an entry once it is its turn. */
    @FunctionalInterface
    public interface Starter<E> {
        void start(E entry);
    }

    private final Starter<E> starter;
    private final Deque<E> waiting = new ArrayDeque<>();
    private @Nullable E inFlight;
    private boolean closed;

    public ActionQueue(Starter<E> starter) {
        this.starter = starter;
    }

    /**
     * Queues an entry and starts it when the one before it is done.
     *
     * @return completes when the device performed the action, exceptionally with the reason otherwise
     */
    public CompletableFuture<Boolean> add(E entry) {
        boolean startNow;
        synchronized (this) {
            if (closed) {
                entry.result.completeExceptionally(
                        new MqttActionException(MqttActionException.NO_RESPONSE, "the connection is closed"));
                return entry.result;
            }
            startNow = inFlight == null;
            if (startNow) {
                inFlight = entry;
            } else {
                waiting.add(entry);
            }
        }
        if (startNow) {
            starter.start(entry);
        }
        return entry.result;
    }

    /** The entry under way, or null. */
    public synchronized @Nullable E current() {
        return inFlight;
    }

    /** Whether an action is under way. */
    public synchronized boolean isBusy() {
        return inFlight != null;
    }

    /** Fails the entry when this deadline fires; cancelled when the entry ends first. */
    public synchronized void deadline(E entry, ScheduledFuture<?> deadline) {
        if (entry.equals(inFlight)) {
            entry.deadline = deadline;
        } else {
            deadline.cancel(false);
        }
    }

    /** The entry's action was performed; ignored unless it is the one under way. */
    public void complete(E entry) {
        finish(entry, null);
    }

    /** The entry's action failed; ignored unless it is the one under way. */
    public void fail(E entry, Exception failure) {
        finish(entry, failure);
    }

    /** Ends the entry under way (null failure: performed) and starts the next one, if any. */
    private void finish(E entry, @Nullable Exception failure) {
        @Nullable
        E next;
        synchronized (this) {
            if (!entry.equals(inFlight)) {
                return;
            }
            ScheduledFuture<?> deadline = entry.deadline;
            if (deadline != null) {
                deadline.cancel(false);
            }
            next = closed ? null : waiting.poll();
            inFlight = next;
        }
        if (failure == null) {
            entry.result.complete(true);
        } else {
            entry.result.completeExceptionally(failure);
        }
        if (next != null) {
            starter.start(next);
        }
    }

    /** Fails every action under way or waiting; later ones fail at once. */
    public void close(String reason) {
        @Nullable
        E current;
        Deque<E> dropped;
        synchronized (this) {
            closed = true;
            current = inFlight;
            inFlight = null;
            dropped = new ArrayDeque<>(waiting);
            waiting.clear();
        }
        if (current != null) {
            ScheduledFuture<?> deadline = current.deadline;
            if (deadline != null) {
                deadline.cancel(false);
            }
            current.result.completeExceptionally(new MqttActionException(MqttActionException.NO_RESPONSE, reason));
        }
        dropped.forEach(entry -> entry.result
                .completeExceptionally(new MqttActionException(MqttActionException.NO_RESPONSE, reason)));
    }
}
