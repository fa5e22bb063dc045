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
 * The state fields the bridge reports in {@code /list}'s {@code lastKnownState}, in {@code /lockState} and in a
 * callback body. Every field may be missing: door sensor, keypad, charge and ring fields only appear when the device
 * has them. Callbacks add {@code nukiId} and {@code deviceType}; {@code /lockState} adds {@code success}.
 *
 * @author Nuki binding team - Initial contribution
 */
public class DeviceStateDto {
    public Long nukiId;
    public Integer deviceType;
    public Integer mode;
    public Integer state;
    public String stateName;
    public Boolean batteryCritical;
    public Boolean batteryCharging;
    public Integer batteryChargeState;
    public Boolean keypadBatteryCritical;
    public Integer doorsensorState;
    public String doorsensorStateName;
    public String ringactionTimestamp;
    public Boolean ringactionState;
    public String timestamp;
    public Boolean success;
}
