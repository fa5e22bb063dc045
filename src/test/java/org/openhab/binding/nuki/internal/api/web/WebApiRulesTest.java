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
package org.openhab.binding.nuki.internal.api.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRules.Problem;

/**
 * The Web API's id rule with the fact sheet's worked examples, and the keypad's rules for codes and names.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class WebApiRulesTest {

    @Test
    void testTheWebIdIsTheTypeDigitBeforeTheNukiId() {
        long nukiId = 0x1A2B3C4DL;
        assertThat(nukiId, is(439_041_101L));
        assertThat(WebSmartlockId.of(4, nukiId), is(17_618_910_285L));
        assertThat(WebSmartlockId.of(2, nukiId), is(9_028_975_693L));
        assertThat(WebSmartlockId.of(0, nukiId), is(439_041_101L));
        // ids seen in the wild
        assertThat(WebSmartlockId.nukiId(18_178_888_180L), is(0x3B8BD1F4L));
        assertThat(WebSmartlockId.typePrefix(18_178_888_180L), is(4));
        assertThat(WebSmartlockId.of(4, 0x42B03074L), is(18_298_712_180L));
        // a leading zero of the Nuki id survives (joining strings would lose it)
        assertThat(WebSmartlockId.of(4, 0x0ABCDEF1L), is(0x4_0ABCDEF1L));
        assertThat(WebSmartlockId.nukiId(0x4_0ABCDEF1L), is(0x0ABCDEF1L));
        assertThrows(IllegalArgumentException.class, () -> WebSmartlockId.of(4, 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> WebSmartlockId.of(-1, 1));
    }

    @Test
    void testEachKeypadRuleIsToldByName() {
        List<String> codes = List.of("345678");
        assertThat(KeypadCodeRules.checkCode("456789", codes), is(nullValue()));
        assertThat(KeypadCodeRules.checkCode("45678", codes), is(Problem.NOT_SIX_DIGITS));
        assertThat(KeypadCodeRules.checkCode("4567891", codes), is(Problem.NOT_SIX_DIGITS));
        assertThat(KeypadCodeRules.checkCode("45678a", codes), is(Problem.NOT_SIX_DIGITS));
        assertThat(KeypadCodeRules.checkCode("456780", codes), is(Problem.HAS_ZERO));
        assertThat(KeypadCodeRules.checkCode("123456", codes), is(Problem.STARTS_WITH_12));
        assertThat(KeypadCodeRules.checkCode("213456", codes), is(nullValue()));
        assertThat(KeypadCodeRules.checkCode("345678", codes), is(Problem.TAKEN));

        List<String> names = List.of("Cleaner");
        assertThat(KeypadCodeRules.checkName("Guest Anna", names), is(nullValue()));
        assertThat(KeypadCodeRules.checkName("  ", names), is(Problem.NO_NAME));
        assertThat(KeypadCodeRules.checkName("x".repeat(21), names), is(Problem.NAME_TOO_LONG));
        assertThat(KeypadCodeRules.checkName("x".repeat(20), names), is(nullValue()));
        assertThat(KeypadCodeRules.checkName("cleaner", names), is(Problem.NAME_TAKEN));
        assertThat(KeypadCodeRules.check("Guest", "120000", names, codes), is(Problem.HAS_ZERO));
    }

    @Test
    void testNoRefusalRepeatsTheCode() {
        for (Problem problem : Problem.values()) {
            assertThat(problem.message, not(matchesPattern(".*\\d{6}.*")));
        }
    }

    @Test
    void testTheWeekdayMaskCountsFromSunday() {
        assertThat(KeypadCodeRules.weekdayMask(EnumSet.allOf(DayOfWeek.class)), is(127));
        assertThat(KeypadCodeRules.weekdayMask(Set.of(DayOfWeek.MONDAY)), is(64));
        assertThat(KeypadCodeRules.weekdayMask(Set.of(DayOfWeek.SUNDAY)), is(1));
        assertThat(KeypadCodeRules.weekdayMask(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), is(3));
        assertThat(KeypadCodeRules.weekdayMask(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), is(124));
        assertThat(KeypadCodeRules.weekdayMask(Set.of()), is(0));
    }
}
