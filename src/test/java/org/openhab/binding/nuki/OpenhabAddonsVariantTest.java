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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The openhab-addons variant beside the build (openhab-addons/): its bundle pom and feature stay in step with this
 * project, and bring Bouncy Castle as a bundle the feature installs instead of embedded classes.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class OpenhabAddonsVariantTest {

    private static Document read(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Path.of(path).toFile());
    }

    /** The text of the first element of this name directly below {@code parent}. */
    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static String bouncyCastleVersion() throws Exception {
        Document pom = read("pom.xml");
        return elements(pom, "bouncycastle.version").get(0).getTextContent().trim();
    }

    @Test
    void testTheBundlePomIsAReactorChildThatDoesNotEmbedBouncyCastle() throws Exception {
        Document own = read("pom.xml");
        Document pom = read("openhab-addons/pom.xml");
        Element parent = elements(pom, "parent").get(0);
        assertThat(child(parent, "groupId"), is("org.openhab.addons.bundles"));
        assertThat(child(parent, "artifactId"), is("org.openhab.addons.reactor.bundles"));
        assertThat(child(parent, "version"), is(child(own.getDocumentElement(), "version")));
        assertThat(child(pom.getDocumentElement(), "artifactId"), is("org.openhab.binding.nuki"));
        assertThat(child(pom.getDocumentElement(), "name"), is(child(own.getDocumentElement(), "name")));

        List<Element> bouncyCastle = elements(pom, "dependency").stream()
                .filter(dependency -> child(dependency, "groupId").equals("org.bouncycastle")).toList();
        assertThat(bouncyCastle, hasSize(1));
        assertThat(child(bouncyCastle.get(0), "artifactId"), is("bcprov-jdk18on"));
        assertThat(child(bouncyCastle.get(0), "version"), is(bouncyCastleVersion()));
        // compile or runtime scope would make openhab-addons' reactor unpack it into the bundle
        assertThat(child(bouncyCastle.get(0), "scope"), is("provided"));
        for (Element dependency : elements(pom, "dependency")) {
            assertThat(child(dependency, "artifactId"), child(dependency, "scope"), is(oneOf("provided", "test")));
        }
    }

    @Test
    void testTheFeatureInstallsBouncyCastleAndTheTransports() throws Exception {
        Document feature = read("openhab-addons/src/main/feature/feature.xml");
        List<String> features = elements(feature, "feature").stream().filter(e -> !e.hasAttribute("name"))
                .map(e -> e.getTextContent().trim()).toList();
        assertThat(features, contains("openhab-runtime-base", "openhab-transport-http", "openhab-transport-mqtt"));
        List<Element> bundles = elements(feature, "bundle");
        assertThat(bundles, hasSize(2));
        assertThat(bundles.get(0).getAttribute("dependency"), is("true"));
        assertThat(bundles.get(0).getTextContent().trim(),
                is("mvn:org.bouncycastle/bcprov-jdk18on/" + bouncyCastleVersion()));
        assertThat(bundles.get(1).getAttribute("start-level"), is("80"));
        assertThat(bundles.get(1).getTextContent().trim(),
                is("mvn:org.openhab.addons.bundles/org.openhab.binding.nuki/${project.version}"));

        // the project's own feature asks for the same openHAB features
        Document own = read("src/main/feature/feature.xml");
        List<String> ownFeatures = elements(own, "feature").stream().filter(e -> !e.hasAttribute("name"))
                .map(e -> e.getTextContent().trim()).toList();
        assertThat(ownFeatures, is(features));
    }
}
