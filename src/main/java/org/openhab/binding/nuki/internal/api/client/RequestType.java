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
package org.openhab.binding.nuki.internal.api.client;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Each bridge call with its place in the queue (commands go ahead of maintenance, which goes ahead of polls), its
 * HTTP timeout, and the deadline within which a busy bridge (503) is retried.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public enum RequestType {
    LOCK_ACTION("/lockAction", Priority.COMMAND, Duration.ofSeconds(45), Duration.ofSeconds(60), false),
    LOCK("/lock", Priority.COMMAND, Duration.ofSeconds(45), Duration.ofSeconds(60), false),
    UNLOCK("/unlock", Priority.COMMAND, Duration.ofSeconds(45), Duration.ofSeconds(60), false),
    INFO("/info", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), true),
    CALLBACK_ADD("/callback/add", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), false),
    CALLBACK_LIST("/callback/list", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), true),
    CALLBACK_REMOVE("/callback/remove", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), false),
    AUTH("/auth", Priority.MAINTENANCE, Duration.ofSeconds(40), Duration.ofSeconds(45), false),
    REBOOT("/reboot", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), false),
    FW_UPDATE("/fwupdate", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), false),
    LOG("/log", Priority.MAINTENANCE, Duration.ofSeconds(10), Duration.ofSeconds(30), true),
    LIST("/list", Priority.POLL, Duration.ofSeconds(10), Duration.ofSeconds(30), true),
    LOCK_STATE("/lockState", Priority.POLL, Duration.ofSeconds(30), Duration.ofSeconds(45), true);

    /** Order in the queue, first served first. */
    public enum Priority {
        COMMAND,
        MAINTENANCE,
        POLL
    }

    private final String path;
    private final Priority priority;
    private final Duration timeout;
    private final Duration deadline;
    private final boolean mergeable;

    RequestType(String path, Priority priority, Duration timeout, Duration deadline, boolean mergeable) {
        this.path = path;
        this.priority = priority;
        this.timeout = timeout;
        this.deadline = deadline;
        this.mergeable = mergeable;
    }

    public String path() {
        return path;
    }

    public Priority priority() {
        return priority;
    }

    /** How long one attempt may take. */
    public Duration timeout() {
        return timeout;
    }

    /** How long the request may wait in all, retries of a busy bridge included. */
    public Duration deadline() {
        return deadline;
    }

    /** Whether an identical request already waiting in the queue may answer this one too. */
    public boolean mergeable() {
        return mergeable;
    }
}
