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
package org.openhab.binding.nuki.internal.api.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Device ids as users type them.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class NukiIdTest {

    @Test
    void testDecimalAsTheBridgeReports() {
        assertThat(NukiId.parse("353437181"), is(353437181L));
        assertThat(NukiId.parse(" 439041101 "), is(0x1A2B3C4DL));
    }

    @Test
    void testHexAsTheAppShows() {
        assertThat(NukiId.parse("151105FD"), is(353437181L));
        assertThat(NukiId.parse("1b7873ca"), is(460878794L));
        assertThat(NukiId.parse("0x12345678"), is(0x12345678L));
        assertThat(NukiId.isHex("151105FD"), is(true));
        assertThat(NukiId.isHex("12345678"), is(false));
        assertThat(NukiId.hex(353437181L), is("151105FD"));
    }

    @Test
    void testRejects() {
        assertThrows(IllegalArgumentException.class, () -> NukiId.parse(""));
        assertThrows(IllegalArgumentException.class, () -> NukiId.parse("front door"));
        assertThrows(IllegalArgumentException.class, () -> NukiId.parse("123456789AB"));
        assertThrows(IllegalArgumentException.class, () -> NukiId.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> NukiId.parse("99999999999"));
    }
}
