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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * One step of a simulated lock action: after {@code delay}, the device is in {@code state} (and {@code mode}).
 * {@code completesAction} marks the step at which the bridge answers a waiting {@code /lockAction}; the bridge
 * reports that step and the last one through its callbacks.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
record DeviceStep(int mode, int state, Duration delay, boolean completesAction) {
}
