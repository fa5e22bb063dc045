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
package org.openhab.binding.nuki.internal.api.dto;

/**
 * One device of {@code /list}. Seen in the wild: entries without {@code lastKnownState}, without {@code deviceType},
 * without {@code firmwareVersion} and with an empty {@code name}.
 *
 * @author Nuki binding team - Initial contribution
 */
public class ListEntryDto {
    public Long nukiId;
    public Integer deviceType;
    public String name;
    public String firmwareVersion;
    public DeviceStateDto lastKnownState;
}
