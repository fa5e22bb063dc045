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
package org.openhab.binding.nuki.internal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The thing-type update instructions ({@code OH-INF/update/*.xml}) read as openHAB 5.2 reads them and applied as it
 * applies them when a managed thing is loaded: instructions whose instruction set's {@code targetVersion} is above the
 * thing's {@code thingTypeVersion} property (0 when it has none), in the order of their versions and of the file; a
 * removed channel goes, an updated one is replaced by one of the new type that keeps its configuration (unless
 * {@code preserveConfiguration} is false), an added one is built from its channel type (a channel type that does not
 * exist creates nothing), adding a channel that exists fails as openHAB's ThingBuilder fails; afterwards the thing's
 * {@code thingTypeVersion} is the last instruction's version.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class UpdateInstructionsTest {

    private static final Path UPDATE = Path.of("src/main/resources/OH-INF/update");
    private static final Path THING_TYPES = Path.of("src/main/resources/OH-INF/thing/thing-types.xml");
    private static final String VERSION = "thingTypeVersion";

    /** One instruction of an instruction set. */
    private record Instruction(int targetVersion, String kind, String channelId, String type, @Nullable String label,
            @Nullable String description, boolean preserveConfiguration) {
    }

    /** A channel as a thing keeps it: its type, its label if it has one of its own, and its configuration. */
    private record Channel(String id, String type, @Nullable String label, Map<String, Object> configuration) {
    }

    /** A managed thing as openHAB stores it: its channels and properties. */
    private static final class Thing {
        final String thingType;
        final Map<String, Channel> channels = new LinkedHashMap<>();
        final Map<String, String> properties = new HashMap<>();

        Thing(String thingType) {
            this.thingType = thingType;
        }

        Thing withChannel(Channel channel) {
            if (channels.containsKey(channel.id())) {
                // as openHAB's ThingBuilder does for a second channel with the same UID
                throw new IllegalArgumentException("channel " + channel.id() + " already exists");
            }
            channels.put(channel.id(), channel);
            return this;
        }

        Thing withChannel(String id, String type) {
            return withChannel(new Channel(id, type, null, Map.of()));
        }
    }

    private static Document parse(File file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file);
    }

    private static List<Element> children(Node parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static @Nullable String text(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim().replaceAll("\\s+", " ");
    }

    /** Every update file of the add-on, as openHAB's reader takes them: instructions per thing type, by version. */
    private static Map<String, List<Instruction>> instructions() throws Exception {
        Map<String, List<Instruction>> byThingType = new HashMap<>();
        File[] files = UPDATE.toFile().listFiles((dir, name) -> name.endsWith(".xml"));
        assertNotNull(files, "update instruction files");
        for (File file : files) {
            Element root = parse(file).getDocumentElement();
            assertThat(root.getLocalName(), is("update-descriptions"));
            for (Element thingType : children(root, "thing-type")) {
                List<Instruction> instructions = new ArrayList<>();
                List<Element> sets = children(thingType, "instruction-set");
                sets.sort(Comparator.comparingInt(set -> Integer.parseInt(set.getAttribute("targetVersion"))));
                for (Element set : sets) {
                    int version = Integer.parseInt(set.getAttribute("targetVersion"));
                    NodeList nodes = set.getChildNodes();
                    for (int i = 0; i < nodes.getLength(); i++) {
                        if (nodes.item(i) instanceof Element instruction) {
                            String type = text(instruction, "type");
                            instructions.add(new Instruction(version, instruction.getLocalName(),
                                    instruction.getAttribute("id"), type == null ? "" : type,
                                    text(instruction, "label"), text(instruction, "description"),
                                    !"false".equals(instruction.getAttribute("preserveConfiguration"))));
                        }
                    }
                }
                byThingType.put(thingType.getAttribute("uid"), instructions);
            }
        }
        return byThingType;
    }

    /** The channel types the add-on defines, and the system ones its thing types use. */
    private static Set<String> channelTypes() throws Exception {
        Set<String> types = new TreeSet<>();
        Element root = parse(THING_TYPES.toFile()).getDocumentElement();
        for (Element channelType : children(root, "channel-type")) {
            types.add("nuki:" + channelType.getAttribute("id"));
        }
        NodeList channels = root.getElementsByTagName("channel");
        for (int i = 0; i < channels.getLength(); i++) {
            types.add(uid(((Element) channels.item(i)).getAttribute("typeId")));
        }
        return types;
    }

    private static String uid(String typeId) {
        return typeId.startsWith("system.") ? "system:" + typeId.substring("system.".length()) : "nuki:" + typeId;
    }

    private static Element thingType(String id) throws Exception {
        Element root = parse(THING_TYPES.toFile()).getDocumentElement();
        return children(root, "thing-type").stream().filter(type -> type.getAttribute("id").equals(id)).findFirst()
                .orElseThrow();
    }

    /** The channels a thing of the current type has: those of its thing type, with the labels it gives them. */
    private static List<Channel> channelsOf(String id) throws Exception {
        List<Channel> channels = new ArrayList<>();
        for (Element channel : children(children(thingType(id), "channels").get(0), "channel")) {
            channels.add(new Channel(channel.getAttribute("id"), uid(channel.getAttribute("typeId")),
                    text(channel, "label"), Map.of()));
        }
        return channels;
    }

    private static @Nullable String propertyOf(String id, String name) throws Exception {
        for (Element property : children(children(thingType(id), "properties").get(0), "property")) {
            if (property.getAttribute("name").equals(name)) {
                return property.getTextContent().trim();
            }
        }
        return null;
    }

    /** A thing created from the current thing type, as openHAB creates it (the type's properties included). */
    private static Thing current(String id) throws Exception {
        Thing thing = new Thing("nuki:" + id);
        channelsOf(id).forEach(thing::withChannel);
        String version = propertyOf(id, VERSION);
        if (version != null) {
            thing.properties.put(VERSION, version);
        }
        return thing;
    }

    /** Applies what openHAB would apply to this thing; returns whether anything applied. */
    private static boolean update(Thing thing, Set<String> knownTypes) throws Exception {
        int current = Integer.parseInt(thing.properties.getOrDefault(VERSION, "0"));
        List<Instruction> due = instructions().getOrDefault(thing.thingType, List.of()).stream()
                .filter(instruction -> instruction.targetVersion() > current).toList();
        if (due.isEmpty()) {
            return false;
        }
        for (Instruction instruction : due) {
            Channel old = thing.channels.get(instruction.channelId());
            switch (instruction.kind()) {
                case "remove-channel" -> thing.channels.remove(instruction.channelId());
                case "update-channel", "add-channel" -> {
                    boolean update = instruction.kind().equals("update-channel");
                    if (update) {
                        thing.channels.remove(instruction.channelId());
                    }
                    if (knownTypes.contains(instruction.type())) {
                        thing.withChannel(new Channel(instruction.channelId(), instruction.type(), instruction.label(),
                                update && instruction.preserveConfiguration() && old != null ? old.configuration()
                                        : Map.of()));
                    }
                }
                default -> throw new IllegalStateException("openHAB knows no instruction " + instruction.kind());
            }
        }
        thing.properties.put(VERSION, String.valueOf(due.get(due.size() - 1).targetVersion()));
        return true;
    }

    private static void assertChannelsOfTheCurrentType(Thing thing, String id) throws Exception {
        Map<String, Channel> expected = new LinkedHashMap<>();
        channelsOf(id).forEach(channel -> expected.put(channel.id(), channel));
        assertThat(thing.channels.keySet(), is(expected.keySet()));
        for (Channel channel : thing.channels.values()) {
            Channel wanted = expected.get(channel.id());
            assertThat(wanted, is(notNullValue()));
            if (wanted != null) {
                assertThat(channel.id(), channel.type(), is(wanted.type()));
                assertThat(channel.id(), channel.label(), is(wanted.label()));
            }
        }
    }

    @Test
    void testEveryInstructionIsKnownToOpenhabAndNamesAnExistingChannelType() throws Exception {
        Set<String> known = channelTypes();
        Map<String, List<Instruction>> all = instructions();
        assertThat(all.keySet(), containsInAnyOrder("nuki:smartlock", "nuki:opener"));
        for (List<Instruction> instructions : all.values()) {
            for (Instruction instruction : instructions) {
                assertThat(instruction.kind(), is(oneOf("add-channel", "update-channel", "remove-channel")));
                if (!instruction.kind().equals("remove-channel")) {
                    assertThat(instruction.channelId(), instruction.type(), is(in(known)));
                }
            }
        }
    }

    @Test
    void testThingTypesDeclareTheVersionTheirInstructionsReach() throws Exception {
        for (Map.Entry<String, List<Instruction>> entry : instructions().entrySet()) {
            int highest = entry.getValue().stream().mapToInt(Instruction::targetVersion).max().orElse(0);
            // else a thing created now would be "updated" at its first start and fail on its own channels
            assertThat(entry.getKey(), propertyOf(entry.getKey().substring("nuki:".length()), VERSION),
                    is(String.valueOf(highest)));
        }
    }

    /** A smart lock as openHAB's earlier Nuki binding left it in the JSON database (its README's channels). */
    private static Thing inTreeSmartLock() {
        Thing thing = new Thing("nuki:smartlock");
        thing.withChannel(new Channel("lock", "nuki:smartlockLock", null, Map.of("kept", "yes")));
        thing.withChannel("lockState", "nuki:smartlockState").withChannel("lowBattery", "system:low-battery")
                .withChannel("keypadLowBattery", "system:low-battery")
                .withChannel("batteryLevel", "system:battery-level")
                .withChannel("batteryCharging", "nuki:smartLockBatteryCharging")
                .withChannel("doorsensorState", "nuki:smartlockDoorState");
        thing.properties.put("name", "Front door");
        return thing;
    }

    @Test
    void testASmartLockOfTheEarlierBindingGetsThisBindingsChannels() throws Exception {
        Thing thing = inTreeSmartLock();
        assertThat(update(thing, channelTypes()), is(true));

        assertChannelsOfTheCurrentType(thing, "smartlock");
        Channel lock = thing.channels.get("lock");
        assertThat(lock, is(notNullValue()));
        if (lock != null) {
            // the one channel that keeps its id keeps its configuration, and so its links
            assertThat(lock.type(), is("nuki:lock"));
            assertThat(lock.configuration(), is(Map.of("kept", "yes")));
        }
        assertThat(thing.properties, hasEntry(VERSION, "1"));
        assertThat(thing.properties, hasEntry("name", "Front door"));
        // once updated, never again
        assertThat(update(thing, channelTypes()), is(false));
    }

    @Test
    void testAnOpenerOfTheEarlierBindingGetsThisBindingsChannels() throws Exception {
        Thing thing = new Thing("nuki:opener");
        thing.withChannel("openerState", "nuki:openerState").withChannel("openerMode", "nuki:openerMode")
                .withChannel("openerLowBattery", "system:low-battery")
                .withChannel("ringActionState", "nuki:ringActionState")
                .withChannel("ringActionTimestamp", "nuki:ringActionTimestamp");
        assertThat(update(thing, channelTypes()), is(true));

        assertChannelsOfTheCurrentType(thing, "opener");
        assertThat(thing.properties, hasEntry(VERSION, "1"));
        assertThat(update(thing, channelTypes()), is(false));
    }

    @Test
    void testAThingOfTheCurrentTypeIsLeftAlone() throws Exception {
        for (String type : List.of("smartlock", "opener")) {
            Thing thing = current(type);
            assertThat(type, update(thing, channelTypes()), is(false));
            assertChannelsOfTheCurrentType(thing, type);
        }
        // without its thingTypeVersion the same thing could not be loaded: openHAB would add channels it has
        Thing unversioned = current("smartlock");
        unversioned.properties.remove(VERSION);
        assertThrows(IllegalArgumentException.class, () -> update(unversioned, channelTypes()));
    }
}
