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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;

/**
 * One answer to {@code /list}, with the moment the poll was asked for. The bridge answered at some moment after
 * {@code requestedAtNanos}, so a state pushed after that moment is at least as new as the entries here and must not
 * be overwritten by them.
 *
 * @param entries the devices as the bridge listed them
 * @param requestedAtNanos {@link System#nanoTime()} when the poll was asked for
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public record ListSnapshot(List<ListEntryDto> entries, long requestedAtNanos) {
}
