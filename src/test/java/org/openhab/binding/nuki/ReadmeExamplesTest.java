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

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's examples are checked against the add-on: every thing type, configuration key, channel id, trigger
 * event and rule action used in its {@code .things}, {@code .items} and {@code .rules} examples exists.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class ReadmeExamplesTest {

    private static final Pattern FENCE = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BRIDGE = Pattern.compile("Bridge nuki:([\\w-]+):([\\w-]+) \"[^\"]*\" \\[([^\\]]*)\\]");
    private static final Pattern THING = Pattern.compile("Thing ([\\w-]+) ([\\w-]+) \"[^\"]*\" \\[([^\\]]*)\\]");
    private static final Pattern PARAMETER = Pattern.compile("([\\w]+)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)");
    private static final Pattern CHANNEL = Pattern.compile("channel=\"nuki:([\\w-]+):([\\w-]+):([\\w-]+):([\\w-]+)\"");
    private static final Pattern TRIGGER = Pattern
            .compile("Channel \"nuki:([\\w-]+):([\\w-]+):([\\w-]+):([\\w-]+)\" triggered (\\w+)");
    private static final Pattern ACTIONS = Pattern
            .compile("val (\\w+) = getActions\\(\"nuki\", \"nuki:([\\w-]+):([\\w-]+):([\\w-]+)\"\\)");
    private static final Pattern HOMEKIT = Pattern.compile("homekit=\"([^\"]*)\"(\\s*\\[[^\\]]*\\])?");

    private static final Map<String, Set<String>> CONFIG = new HashMap<>();
    private static final Map<String, Set<String>> CHANNELS = new HashMap<>();
    private static final Map<String, String> CHANNEL_TYPES = new HashMap<>();
    private static final Map<String, Set<String>> EVENTS = new HashMap<>();
    private static String readme = "";

    @BeforeAll
    static void readDefinitions() throws Exception {
        readme = Files.readString(Path.of("README.md"));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/resources/OH-INF/thing/thing-types.xml").toFile());
        for (String tag : List.of("bridge-type", "thing-type")) {
            NodeList types = xml.getElementsByTagName(tag);
            for (int i = 0; i < types.getLength(); i++) {
                Element type = (Element) types.item(i);
                String id = type.getAttribute("id");
                Set<String> parameters = new HashSet<>();
                NodeList params = type.getElementsByTagName("parameter");
                for (int p = 0; p < params.getLength(); p++) {
                    parameters.add(((Element) params.item(p)).getAttribute("name"));
                }
                CONFIG.put(id, parameters);
                Set<String> channels = new HashSet<>();
                NodeList channelNodes = type.getElementsByTagName("channel");
                for (int c = 0; c < channelNodes.getLength(); c++) {
                    Element channel = (Element) channelNodes.item(c);
                    channels.add(channel.getAttribute("id"));
                    CHANNEL_TYPES.put(id + ":" + channel.getAttribute("id"), channel.getAttribute("typeId"));
                }
                CHANNELS.put(id, channels);
            }
        }
        NodeList channelTypes = xml.getElementsByTagName("channel-type");
        for (int i = 0; i < channelTypes.getLength(); i++) {
            Element type = (Element) channelTypes.item(i);
            Set<String> events = new HashSet<>();
            NodeList eventNodes = type.getElementsByTagName("event");
            if (eventNodes.getLength() > 0) {
                NodeList options = ((Element) eventNodes.item(0)).getElementsByTagName("option");
                for (int o = 0; o < options.getLength(); o++) {
                    events.add(((Element) options.item(o)).getAttribute("value"));
                }
                EVENTS.put(type.getAttribute("id"), events);
            }
        }
    }

    private static List<String> examples(String kind) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            if (fence.group(1).startsWith("// " + kind + "/")) {
                blocks.add(fence.group(1));
            }
        }
        return blocks;
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        Matcher parameter = PARAMETER.matcher(text);
        while (parameter.find()) {
            parameters.put(parameter.group(1), parameter.group(2).replace("\"", ""));
        }
        return parameters;
    }

    @Test
    void testThingsExamples() {
        List<String> blocks = examples("things");
        assertThat(blocks, is(not(empty())));
        int things = 0;
        for (String block : blocks) {
            Matcher bridge = BRIDGE.matcher(block);
            assertThat(block, bridge.find(), is(true));
            assertThat(CONFIG.keySet(), hasItem(bridge.group(1)));
            assertThat(CONFIG.get(bridge.group(1)),
                    hasItems(parameters(bridge.group(3)).keySet().toArray(String[]::new)));
            Matcher thing = THING.matcher(block);
            while (thing.find()) {
                things++;
                String type = thing.group(1);
                assertThat(CONFIG.keySet(), hasItem(type));
                Map<String, String> parameters = parameters(thing.group(3));
                assertThat(CONFIG.get(type), hasItems(parameters.keySet().toArray(String[]::new)));
                NukiId.parse(parameters.getOrDefault("nukiId", "missing"));
            }
        }
        assertThat(things, greaterThanOrEqualTo(2));
    }

    @Test
    void testItemsExamplesUseExistingChannels() {
        List<String> blocks = examples("items");
        assertThat(blocks.size(), greaterThanOrEqualTo(2));
        int channels = 0;
        for (String block : blocks) {
            Matcher channel = CHANNEL.matcher(block);
            while (channel.find()) {
                channels++;
                String type = channel.group(1);
                assertThat(channel.group(), CHANNELS.keySet(), hasItem(type));
                assertThat(channel.group(), CHANNELS.get(type), hasItem(channel.group(4)));
                assertThat(channel.group(), channel.group(2), is("home"));
                assertThat(channel.group(), channel.group(3), is(oneOf("front", "street")));
            }
            Matcher homekit = HOMEKIT.matcher(block);
            while (homekit.find()) {
                assertThat(homekit.group(1), is("Lock"));
                String options = homekit.group(2);
                if (options != null) {
                    assertThat(options.trim(), is("[inverted=true]"));
                }
            }
        }
        assertThat(channels, greaterThanOrEqualTo(10));
    }

    @Test
    void testRuleExamplesUseExistingTriggersAndActions() {
        List<String> blocks = new ArrayList<>(examples("rules"));
        assertThat(blocks, is(not(empty())));
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            if (fence.group(1).contains("getActions(")) {
                blocks.add(fence.group(1));
            }
        }
        int checked = 0;
        for (String block : blocks) {
            Matcher trigger = TRIGGER.matcher(block);
            while (trigger.find()) {
                String channelType = CHANNEL_TYPES.get(trigger.group(1) + ":" + trigger.group(4));
                assertThat(trigger.group(), channelType, is(notNullValue()));
                assertThat(trigger.group(), EVENTS.get(channelType), hasItem(trigger.group(5)));
                checked++;
            }
            Matcher actions = ACTIONS.matcher(block);
            while (actions.find()) {
                Class<?> actionsClass = "opener".equals(actions.group(2)) ? NukiOpenerActions.class
                        : NukiSmartLockActions.class;
                Set<String> methods = new HashSet<>();
                Arrays.stream(actionsClass.getMethods()).map(Method::getName).forEach(methods::add);
                Matcher calls = Pattern.compile(actions.group(1) + "\\.(\\w+)\\(").matcher(block);
                while (calls.find()) {
                    assertThat(actions.group(1) + "." + calls.group(1), methods, hasItem(calls.group(1)));
                    checked++;
                }
            }
        }
        assertThat(checked, greaterThanOrEqualTo(4));
    }
}
