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
package org.openhab.binding.nuki.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration shared by smart locks and openers.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiDeviceConfiguration {

    /** The decimal id the bridge reports, or the hexadecimal id the Nuki app shows. */
    public String nukiId = "";
    /** Initial value of the unlatch-allowed channel; the channel's later value survives restarts. */
    public boolean unlatchAllowed = true;
    /** Initial value of the unlock-allowed channel; the channel's later value survives restarts. */
    public boolean unlockAllowed = true;
    /** Seconds a reported transitional state may last before the bridge is asked for the device's state once. */
    public int transitionalStateTimeout = 30;
    /**
     * Who manages the keypad codes: {@code auto} (Nuki Hub when the device is under a {@code nuki:hub} thing, else
     * the Nuki Web account), {@code hub} or {@code web}.
     */
    public String keypadSource = "auto";
}
