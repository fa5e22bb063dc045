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
package org.openhab.binding.nuki;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;

/**
 * The unit tests run with the binding's loggers at TRACE, into one file. Afterwards, this checks that not one line of
 * it holds a token the tests used (bridge or Nuki Web), a hash, an encrypted token, a nonce, a callback secret or a
 * keypad code.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class SecretsInLogsIT {

    /** The tokens the tests give the bridges (see the tests). */
    private static final List<String> TOKENS = List.of("handler-token", "secret-token-42", "queue-token", "push-token",
            "console-secret-token", "paired-token-123", "soak-token", "opener-token", "abcdef123456", "callbacks1",
            "bridge123", "right-password", "wrong-password",
            // Nuki Web API tokens (the account tests, the Web client's tests)
            "web-api-token-0123456789abcdef", "console-token",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01234567",
            "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210abcdef01",
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233");
    /** The keypad codes the tests add, list and refuse, as whole numbers in a line. */
    private static final Pattern KEYPAD_CODE = Pattern
            .compile("(?<![0-9])(213456|234567|345678|345789|456789)(?![0-9])");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("[?&](token|hash|ctoken|nonce)=([^&\\s]*)");

    @Test
    void testNoSecretInAnyLogLine() throws IOException {
        Path log = Path.of(System.getProperty("binding.log", "target/binding-trace.log"));
        assertThat("the unit tests wrote the binding's log", Files.isRegularFile(log), is(true));
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat("the log has the binding's trace lines", lines.size(), greaterThan(100));
        List<String> secrets = new ArrayList<>(TOKENS);
        for (String token : TOKENS) {
            secrets.add(CallbackSecret.derive(token, "nuki:bridge:home"));
        }
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(line);
                }
            }
            if (KEYPAD_CODE.matcher(line).find()) {
                leaks.add(line);
            }
            Matcher parameter = SECRET_PARAMETER.matcher(line);
            while (parameter.find()) {
                if (!"***".equals(parameter.group(2))) {
                    leaks.add(line);
                }
            }
        }
        assertThat(leaks, is(empty()));
    }
}
