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

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Every user-visible text has an English and a German translation: the keys of both files match, every
 * {@code @text/} key the code and the XML use exists, the XML's texts match the English file, and texts with arguments
 * survive {@link MessageFormat}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class I18nCompletenessTest {

    private static final Path I18N = Path.of("src/main/resources/OH-INF/i18n");
    private static final Pattern TEXT_KEY = Pattern.compile("@text/([\\w-]+\\.[\\w.-]+)");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void testEnglishAndGermanHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load("nuki.properties").stringPropertyNames());
        Set<String> german = new TreeSet<>(load("nuki_de.properties").stringPropertyNames());
        assertThat(german, is(english));
        for (String key : german) {
            assertThat(key, load("nuki_de.properties").getProperty(key), not(blankOrNullString()));
        }
    }

    @Test
    void testEveryTextKeyUsedExists() throws IOException {
        Set<String> english = load("nuki.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources/OH-INF")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml"))
                    .toList()) {
                Matcher matcher = TEXT_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!english.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        // status texts are built as FailureStatus.text("key", ...): check those keys too
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            Pattern built = Pattern.compile("(?:text|communication|configuration)\\(\\s*\"([\\w.-]+)\"");
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = built.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!english.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing, is(empty()));
    }

    @Test
    void testThingTypeTextsAreInTheEnglishFile() throws IOException {
        Properties english = load("nuki.properties");
        String xml = Files.readString(Path.of("src/main/resources/OH-INF/thing/thing-types.xml"));
        Matcher labels = Pattern.compile("<label>([^<]+)</label>").matcher(xml);
        Set<String> texts = new TreeSet<>();
        for (Object value : english.values()) {
            texts.add(value.toString());
        }
        while (labels.find()) {
            assertThat(labels.group(1), texts, hasItem(labels.group(1).replaceAll("\\s+", " ").trim()));
        }
    }

    @Test
    void testTextsWithArgumentsSurviveMessageFormat() throws IOException {
        for (String file : List.of("nuki.properties", "nuki_de.properties")) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key);
                assertNotNull(text);
                if (text.contains("{0}")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] { "A", "B" });
                    assertThat(file + " " + key, formatted, not(containsString("{0}")));
                    assertThat(file + " " + key, formatted, containsString("A"));
                }
            }
        }
    }
}
