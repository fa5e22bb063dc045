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
package org.openhab.binding.nuki.soak;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The short soak (about a minute with its checks) that runs with every build; {@code ./soak} runs the long one.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SoakTest {

    @Test
    void testShortSoakHoldsEveryCheck() throws Exception {
        SoakRun soak = new SoakRun(Duration.ofSeconds(30), 20261122, Objects.requireNonNull(System.out));
        SoakRun.Report report = soak.run();
        soak.print(report);
        assertThat(report.problems(), is(empty()));
    }

    @Test
    void testShortAccountSoakHoldsEveryCheck() throws Exception {
        SoakRun.Report report = new AccountSoakRun(Duration.ofSeconds(20), 20261205).run();
        AccountSoakRun.print(report, Objects.requireNonNull(System.out));
        assertThat(report.problems(), is(empty()));
    }

    @Test
    void testShortMqttSoakHoldsEveryCheck() throws Exception {
        SoakRun.Report report = new MqttSoakRun(Duration.ofSeconds(20), 20261130).run();
        MqttSoakRun.print(report, Objects.requireNonNull(System.out));
        assertThat(report.problems(), is(empty()));
    }
}
