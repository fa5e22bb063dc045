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
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
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
import org.eclipse.jdt.annotation.Nullable;
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

    private static @Nullable JarFile jar;

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
    void testTheDropInJarIsLean() throws IOException {
        long size = Files.size(Path.of(System.getProperty("bundle.jar", "missing")));
        assertThat("bytes", size, lessThan(600L * 1024));
    }

    /** The Bouncy Castle classes NOTICE names, in the order it names them. */
    private static List<String> noticedBouncyCastleClasses() throws IOException {
        String notice;
        try (InputStream in = jar().getInputStream(Objects.requireNonNull(jar().getEntry("NOTICE")))) {
            notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^ +(org\\.bouncycastle\\.[\\w.$]+)$").matcher(notice);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Calls a public static method of a class the jar's own loader loaded. */
    private static @Nullable Object call(Class<?> type, String name, Class<?>[] parameters, Object... arguments)
            throws ReflectiveOperationException {
        // a static method ignores the receiver; the class stands in for it
        return type.getMethod(name, parameters).invoke(type, arguments);
    }

    private static byte[] bytes(@Nullable Object value) {
        return (byte[]) Objects.requireNonNull(value);
    }

    /** Loaded by CryptoServicesRegistrar (a class literal), never initialized: embedded without what they refer to. */
    private static final List<String> NAMED_ONLY = List.of("org.bouncycastle.asn1.x9.X9ECParameters",
            "org.bouncycastle.asn1.x9.X9ObjectIdentifiers", "org.bouncycastle.asn1.ASN1Object",
            "org.bouncycastle.asn1.ASN1Encodable");

    @Test
    void testNoticeNamesExactlyTheEmbeddedBouncyCastleClasses() throws IOException {
        List<String> embedded = jar().stream().map(entry -> entry.getName())
                .filter(name -> name.startsWith("org/bouncycastle/") && !name.endsWith("/"))
                .map(name -> name.replace('/', '.').replaceAll("\\.class$", "")).sorted().toList();
        assertThat(embedded, hasSize(56));
        assertThat(noticedBouncyCastleClasses().stream().sorted().toList(), is(embedded));
        assertThat(embedded, hasItems(NAMED_ONLY.toArray(new String[0])));
    }

    /**
     * Runs the token cipher with nothing but the jar: a class loader over it whose parent is the platform loader, so
     * neither the Bouncy Castle jar of the build nor the binding's classes of the build can stand in.
     */
    @Test
    void testTheEmbeddedBouncyCastleClassesEncryptAndDecryptAlone() throws Exception {
        try (URLClassLoader alone = new URLClassLoader(
                new URL[] { Path.of(System.getProperty("bundle.jar", "missing")).toUri().toURL() },
                ClassLoader.getPlatformClassLoader())) {
            Class<?> crypto = alone.loadClass("org.openhab.binding.nuki.internal.api.auth.TokenCrypto");
            Class<?> box = alone.loadClass("org.openhab.binding.nuki.internal.api.auth.SecretBox");
            assertThat(box.getClassLoader(), is(alone));
            Class<?>[] text = { String.class };
            byte[] nonce = bytes(call(crypto, "unhex", text, "119c38fb6d7d707b8a45f14e688b74b8c4c1acf33643c71a"));
            // Nuki's published example: token 123456, 2019-03-05T01:06:53Z, random 4711
            Object sealed = call(crypto, "encryptedToken",
                    new Class<?>[] { String.class, byte[].class, String.class, int.class }, "123456", nonce,
                    "2019-03-05T01:06:53Z", 4711);
            assertThat(sealed,
                    is("a7f6b4df6758b92445bd5470b755b43ba41cf50af8b3f6e19368348ddfb1686291555dfd90b31f9333"));
            byte[] key = bytes(call(crypto, "encryptionKey", text, "123456"));
            byte[] boxed = bytes(call(crypto, "unhex", text, String.valueOf(sealed)));
            Class<?>[] three = { byte[].class, byte[].class, byte[].class };
            byte[] plain = bytes(call(box, "open", three, key, nonce, boxed));
            assertThat(new String(plain, StandardCharsets.US_ASCII), is("2019-03-05T01:06:53Z,4711"));
            byte[] reboxed = bytes(call(box, "seal", three, key, nonce, plain));
            assertThat(reboxed, is(boxed));
            boxed[boxed.length - 1] ^= 1;
            assertThat(call(box, "open", three, key, nonce, boxed), is(nullValue()));
            assertThat(alone.loadClass("org.bouncycastle.crypto.engines.XSalsa20Engine").getClassLoader(), is(alone));

            // every embedded class but the four only named links and initializes with what the jar has
            for (String name : noticedBouncyCastleClasses()) {
                if (!NAMED_ONLY.contains(name)) {
                    assertThat(name, Class.forName(name, true, alone).getClassLoader(), is(alone));
                }
            }
        }
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
