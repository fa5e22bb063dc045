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
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged bundle as openHAB would load it: its manifest, its DS component descriptions, and that no
 * openHAB Core stand-in travelled into it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class BundleJarIT {

    private static final Pattern PACKAGE_CLAUSE = Pattern.compile("([\\w.]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)");

    private static @org.eclipse.jdt.annotation.Nullable JarFile jar;

    @BeforeAll
    static void openJar() throws IOException {
        Path path = Path.of(System.getProperty("bundle.jar", "missing"));
        assertThat("the bundle jar is built before this check", Files.isRegularFile(path), is(true));
        jar = new JarFile(path.toFile());
    }

    private static JarFile jar() {
        JarFile current = jar;
        if (current == null) {
            throw new IllegalStateException("jar not opened");
        }
        return current;
    }

    private static Attributes manifest() throws IOException {
        return Objects.requireNonNull(jar().getManifest(), "the jar has a manifest").getMainAttributes();
    }

    private static List<String> imports() throws IOException {
        String header = manifest().getValue("Import-Package");
        List<String> clauses = new ArrayList<>();
        Matcher matcher = PACKAGE_CLAUSE.matcher(header == null ? "" : header);
        while (matcher.find()) {
            clauses.add(matcher.group());
        }
        return clauses;
    }

    @Test
    void testNoStandInIsPackaged() {
        List<String> standIns = jar().stream().map(entry -> entry.getName())
                .filter(name -> name.startsWith("org/openhab/core/")).toList();
        assertThat(standIns, is(empty()));
    }

    @Test
    void testBundleIdentity() throws IOException {
        assertThat(manifest().getValue("Bundle-SymbolicName"), is("org.openhab.binding.nuki"));
        assertThat(manifest().getValue("Bundle-ManifestVersion"), is("2"));
        assertThat(manifest().getValue("Bundle-Version"), startsWith("5.2."));
    }

    @Test
    void testOpenhabCoreIsImportedWithVersionRanges() throws IOException {
        List<String> core = imports().stream().filter(clause -> clause.startsWith("org.openhab.core.")).toList();
        assertThat(core, hasItem(startsWith("org.openhab.core.thing;")));
        for (String clause : core) {
            assertThat(clause, containsString("version=\"[5.2,6)\""));
        }
    }

    /**
     * What openHAB 5.2's runtime base exports, besides the JDK. Anything else (Bouncy Castle, for one) leaves the jar
     * unresolved when it is dropped into {@code addons/} of a vanilla installation.
     */
    private static final List<String> PROVIDED_BY_OPENHAB = List.of("org.openhab.core.", "com.google.gson",
            "org.eclipse.jetty.", "javax.servlet", "javax.measure", "org.osgi.", "org.slf4j");

    private static boolean isJdkPackage(String name) {
        return Objects.requireNonNull(ModuleLayer.boot()).modules().stream()
                .anyMatch(module -> module.getPackages().contains(name));
    }

    @Test
    void testImportsOnlyWhatAVanillaOpenhabProvides() throws IOException {
        List<String> foreign = new ArrayList<>();
        for (String clause : imports()) {
            String name = clause.split(";", 2)[0];
            boolean provided = PROVIDED_BY_OPENHAB.stream().anyMatch(prefix -> name.startsWith(prefix))
                    || isJdkPackage(name);
            if (!provided) {
                foreign.add(clause);
            }
        }
        assertThat(foreign, is(empty()));
    }

    @Test
    void testTheMqttTransportIsAnOptionalImport() throws IOException {
        List<String> mqtt = imports().stream().filter(clause -> clause.startsWith("org.openhab.core.io.transport.mqtt"))
                .toList();
        assertThat(mqtt, hasItem(startsWith("org.openhab.core.io.transport.mqtt;")));
        for (String clause : mqtt) {
            // a vanilla openHAB has it only when a feature asked for it; the jar must resolve without it
            assertThat(clause, containsString("resolution:=optional"));
        }
        assertThat(imports(), not(hasItem(startsWith("com.hivemq"))));
    }

    @Test
    void testBouncyCastleIsEmbeddedNotImported() throws IOException {
        assertThat(imports(), not(hasItem(startsWith("org.bouncycastle"))));
        for (String used : List.of("org/bouncycastle/crypto/engines/XSalsa20Engine.class",
                "org/bouncycastle/crypto/macs/Poly1305.class", "org/bouncycastle/crypto/params/KeyParameter.class",
                "org/bouncycastle/crypto/params/ParametersWithIV.class")) {
            assertThat(used, jar().getEntry(used), is(notNullValue()));
        }
        assertThat(manifest().getValue("Export-Package"), anyOf(nullValue(), not(containsString("org.bouncycastle"))));
    }

    @Test
    void testBindingPackagesAreContentNotImports() throws IOException {
        assertThat(imports(), not(hasItem(startsWith("org.openhab.binding.nuki"))));
        assertThat(jar().getEntry("org/openhab/binding/nuki/internal/NukiHandlerFactory.class"), is(notNullValue()));
    }

    @Test
    void testEveryDeclaredComponentIsInTheJar() throws IOException {
        String header = manifest().getValue("Service-Component");
        assertNotNull(header);
        String[] components = header.split(",");
        assertThat(components.length, greaterThanOrEqualTo(1));
        for (String component : components) {
            assertThat(component, jar().getEntry(component.trim()), is(notNullValue()));
        }
        assertThat(header, containsString("OSGI-INF/org.openhab.binding.nuki.internal.NukiHandlerFactory.xml"));
    }

    @Test
    void testServletApiComesThroughTheJavaServletContract() throws IOException {
        boolean importsServlet = imports().stream().anyMatch(clause -> clause.startsWith("javax.servlet"));
        if (importsServlet) {
            assertThat(manifest().getValue("Require-Capability"), containsString("osgi.contract=JavaServlet"));
        }
    }

    @Test
    void testAddonMetadataAndNoticeArePackaged() {
        assertThat(jar().getEntry("OH-INF/addon/addon.xml"), is(notNullValue()));
        assertThat(jar().getEntry("OH-INF/i18n/nuki.properties"), is(notNullValue()));
        assertThat(jar().getEntry("NOTICE"), is(notNullValue()));
    }
}
