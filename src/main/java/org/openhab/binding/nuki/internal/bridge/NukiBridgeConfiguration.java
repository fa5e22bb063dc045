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
package org.openhab.binding.nuki.internal.bridge;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of a {@code nuki:bridge} thing.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiBridgeConfiguration {

    /** Shortest reconciliation interval the binding accepts, in seconds. */
    public static final int MIN_REFRESH_INTERVAL = 10;

    public String ip = "";
    public int port = 8080;
    public String apiToken = "";
    /** {@code encrypted}, {@code hashed} or {@code plain}. */
    public String authentication = "encrypted";
    public boolean manageCallbacks = true;
    /** Seconds between two /list reconciliations. */
    public int refreshInterval = 60;
    /** Address (host or host:port) the bridge should call back on, when openHAB's own is not reachable from it. */
    public String callbackAddress = "";
    /** Accept callbacks from the bridge's IP address only. */
    public boolean checkCallbackSource = true;
}
