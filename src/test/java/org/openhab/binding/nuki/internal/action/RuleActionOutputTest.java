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
package org.openhab.binding.nuki.internal.action;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.ActionOutputs;
import org.openhab.core.automation.annotation.RuleAction;

/**
 * openHAB 5.2 warns at every start about a rule action whose single output does not keep the default output name
 * ({@code result}); an action with several outputs returns a map keyed by their names.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class RuleActionOutputTest {

    @Test
    void testEverySingleOutputKeepsTheDefaultName() {
        List<String> checked = new ArrayList<>();
        for (Class<?> actions : List.of(NukiSmartLockActions.class, NukiOpenerActions.class)) {
            for (Method method : actions.getMethods()) {
                if (!method.isAnnotationPresent(RuleAction.class)) {
                    continue;
                }
                ActionOutputs several = method.getAnnotation(ActionOutputs.class);
                if (several != null) {
                    // openHAB reads a returned Map by the outputs' names
                    assertThat(method.toString(), method.getReturnType(), is(equalTo(Map.class)));
                    List<String> names = Arrays.stream(several.value()).map(ActionOutput::name).toList();
                    List<String> types = Arrays.stream(several.value()).map(ActionOutput::type).toList();
                    if (method.getName().equals("listKeypadCodes") || method.getName().equals("getLog")) {
                        // a listing: text and count for UI rules (the rule engine hands them only simple types), the
                        // entries for script rules
                        assertThat(method.toString(), names, contains(is("text"), is("count"),
                                is(method.getName().equals("getLog") ? "entries" : "codes")));
                        assertThat(method.toString(), types,
                                contains("java.lang.String", "java.lang.Integer", "java.util.List"));
                    } else {
                        // a keypad change: whether it was accepted, and why
                        assertThat(method.toString(), names, contains("accepted", "message"));
                        assertThat(method.toString(), types, contains("java.lang.Boolean", "java.lang.String"));
                    }
                } else {
                    // what openHAB reads: a method with one output carries one ActionOutput and no ActionOutputs
                    ActionOutput output = method.getAnnotation(ActionOutput.class);
                    assertNotNull(output, method + " declares its output");
                    assertThat(method.toString(), output.name(), is("result"));
                    assertThat(method.toString(), output.type(), is("java.lang.Boolean"));
                }
                checked.add(actions.getSimpleName() + "." + method.getName());
            }
        }
        assertThat(checked, hasItems("NukiSmartLockActions.unlatch", "NukiSmartLockActions.addKeypadCode",
                "NukiOpenerActions.getLog", "NukiOpenerActions.removeKeypadCode"));
        assertThat(checked, hasSize(21));
    }
}
