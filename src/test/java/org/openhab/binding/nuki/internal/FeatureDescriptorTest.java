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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks the Karaf feature: openHAB's base runtime, its HTTP and MQTT transports, and the bundle itself, which embeds
 * the Bouncy Castle classes it needs (openHAB's runtime base has none).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class FeatureDescriptorTest {

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i))
                .map(node -> node.getTextContent().trim()).toList();
    }

    @Test
    void testFeatureNamesRuntimeAndTransportsAndOnlyTheBundle()
            throws IOException, ParserConfigurationException, SAXException {
        Document feature = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Files.newInputStream(Path.of("src/main/feature/feature.xml")));

        assertThat(feature.getDocumentElement().getAttribute("name"), startsWith("org.openhab.binding.nuki-"));
        assertThat(texts(feature, "feature"),
                hasItems("openhab-runtime-base", "openhab-transport-http", "openhab-transport-mqtt"));
        assertThat(texts(feature, "bundle"),
                contains("mvn:org.openhab.addons.bundles/org.openhab.binding.nuki/${project.version}"));
    }
}
