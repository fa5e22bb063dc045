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
 * Configuration of a {@code nuki:smartlock} thing.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiSmartLockConfiguration extends NukiDeviceConfiguration {

    /** Seconds within which a second unlock of an unlocked lock unlatches; 0 switches the gesture off. */
    public int secondUnlockUnlatches = 0;
    /** Legacy (in-tree binding): switching {@code lock} OFF unlatches instead of unlocking. Unsafe with HomeKit. */
    public boolean unlatch = false;
    /** While on, every action that opens the door is refused unless the lock last reported UNLOCKED. */
    public boolean unlatchOnlyWhenUnlocked = false;
    /** Seconds the lock 'n' go state may last (the lock's own timer, then locking) before the bridge is asked once. */
    public int lockNGoTimeout = 90;
}
