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
package org.openhab.binding.nuki.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What the simulator saw and did, for tests and benchmarks: requests per endpoint, the lock actions it received in
 * order, and every callback it delivered or failed to deliver.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatorStats {

    /** A lock action the bridge accepted for a device, through /lockAction, /lock or /unlock. */
    public record LockActionRecord(long nukiId, int deviceType, int action, String endpoint, boolean nowait,
            Instant at) {
    }

    /** One POST of a callback body to one registered URL. */
    public record CallbackDelivery(String url, String body, boolean delivered, Instant at) {
    }

    private final Map<String, Integer> requests = new TreeMap<>();
    private final List<String> sequence = new ArrayList<>();
    private int busyRejections;
    private final List<LockActionRecord> lockActions = new ArrayList<>();
    private final List<CallbackDelivery> deliveries = new ArrayList<>();
    private int callbacksDropped;

    synchronized void countRequest(String endpoint, boolean rejectedAsBusy) {
        requests.merge(endpoint, 1, Integer::sum);
        sequence.add(rejectedAsBusy ? endpoint + " 503" : endpoint);
        if (rejectedAsBusy) {
            busyRejections++;
        }
    }

    synchronized void recordLockAction(LockActionRecord record) {
        lockActions.add(record);
    }

    synchronized void recordDelivery(CallbackDelivery delivery) {
        deliveries.add(delivery);
    }

    synchronized void recordDropped() {
        callbacksDropped++;
    }

    /** Requests that reached an endpoint, including those answered 503. */
    public synchronized int requestCount(String endpoint) {
        return requests.getOrDefault(endpoint, 0);
    }

    /** Every request in the order it arrived; those answered 503 are marked {@code " 503"}. */
    public synchronized List<String> requestSequence() {
        return List.copyOf(sequence);
    }

    public synchronized Map<String, Integer> requestCounts() {
        return Map.copyOf(requests);
    }

    public synchronized int totalRequests() {
        return requests.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Requests that asked the bridge to move a device (/lockAction, /lock, /unlock), whether accepted, refused or
     * answered 503: the figure that must not move when the binding refuses a command itself.
     */
    public synchronized int actionRequests() {
        return requestCount("/lockAction") + requestCount("/lock") + requestCount("/unlock");
    }

    /** Requests answered 503 because another one was running or a 503 storm was on. */
    public synchronized int busyRejections() {
        return busyRejections;
    }

    public synchronized List<LockActionRecord> lockActions() {
        return List.copyOf(lockActions);
    }

    public synchronized List<CallbackDelivery> callbackDeliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized int callbacksSent() {
        return (int) deliveries.stream().filter(CallbackDelivery::delivered).count();
    }

    public synchronized int callbacksFailed() {
        return (int) deliveries.stream().filter(delivery -> !delivery.delivered()).count();
    }

    /** Callbacks the "drop callbacks" fault swallowed. */
    public synchronized int callbacksDropped() {
        return callbacksDropped;
    }

    public synchronized void reset() {
        requests.clear();
        sequence.clear();
        busyRejections = 0;
        lockActions.clear();
        deliveries.clear();
        callbacksDropped = 0;
    }
}
