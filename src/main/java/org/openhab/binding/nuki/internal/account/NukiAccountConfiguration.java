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
package org.openhab.binding.nuki.internal.account;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of a {@code nuki:account} thing.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiAccountConfiguration {

    /** The Web API token from Nuki Web (menu API); a secret. */
    public String apiToken = "";
    /** Where the Web API answers; only a test set-up or the simulator changes it. */
    public String webApiUrl = "https://api.nuki.io";
    /**
     * Seconds between a change a Nuki Bridge reported without saying who did it and the one read of the activity
     * log that names who did: the lock's entry reaches the cloud a moment after the change.
     */
    public int logDelay = 3;
}
