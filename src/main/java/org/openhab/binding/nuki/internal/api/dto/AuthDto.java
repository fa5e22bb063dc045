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
 * The answer of {@code /auth}: the token, when the bridge's button was pressed in time.
 *
 * @author Nuki binding team - Initial contribution
 */
public class AuthDto {
    public String token;
    public Boolean success;
}
