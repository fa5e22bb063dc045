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
 * The answer of Nuki's bridge discovery web service: the bridges seen from the caller's public address.
 *
 * @author Nuki binding team - Initial contribution
 */
public class DiscoveryDto {

    /** One bridge. A bridge with discovery switched off reports ip 0.0.0.0 and port 0. */
    public static class Bridge {
        public Long bridgeId;
        public String ip;
        public Integer port;
        public String dateUpdated;
    }

    public List<Bridge> bridges;
    public Integer errorCode;
}
