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

import java.util.List;

/**
 * The answer of {@code /info}.
 *
 * @author Nuki binding team - Initial contribution
 */
public class BridgeInfoDto {

    /** {@code ids}: hardwareId only on hardware bridges. */
    public static class Ids {
        public Long hardwareId;
        public Long serverId;
    }

    /** {@code versions}: firmware on hardware bridges, appVersion on software bridges. */
    public static class Versions {
        public String firmwareVersion;
        public String wifiFirmwareVersion;
        public String appVersion;
    }

    /** A device in Bluetooth range. */
    public static class ScanResult {
        public Long nukiId;
        public Integer deviceType;
        public String name;
        public Integer rssi;
        public Boolean paired;
    }

    public Integer bridgeType;
    public Ids ids;
    public Versions versions;
    public Long uptime;
    public String currentTime;
    public Boolean serverConnected;
    public Boolean wlanConnected;
    public List<ScanResult> scanResults;
}
