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
package org.openhab.binding.nuki.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.Headers;

/**
 * Nuki's published description of the Web API ({@code nuki-web-api-openapi-3.9.0.json} in the project's shared
 * specs), as the check of every request the Web API simulator receives and every answer it sends. Read once per JVM.
 * The file is looked up at the system property {@value #SPEC_PROPERTY}, else at {@value #DEFAULT_SPEC} relative to the
 * working directory (the project directory under Maven and {@code ./simulator}); without it nothing starts.
 * <p>
 * Three constraints of the 3.9.0 description contradict what the API sends (Nuki's newer 4.18 description and the fact
 * sheet {@code nuki-web-api.md}, sections 7 and 8, say so); only they are corrected before checking:
 * <ul>
 * <li>{@code SmartlockAuth.type} allows 0 to 2 only, but lists are full of 1 (bridge), 3 (keypad) and 13 (keypad
 * code);</li>
 * <li>{@code SmartlockLog.deviceType} lists 0, 2 and 3, but a Smart Lock 3/4 logs 4 and a fifth generation lock 5;</li>
 * <li>{@code SmartlockLog.state} starts at 1, but 0 is "success".</li>
 * </ul>
 * An error answer (4xx, 5xx) the description does not list is not a violation, nor is the body of an error answer: the
 * description lists them unevenly (no 401 on a create, no 429 anywhere, no proxy's 502) and gives them no body, and
 * the real cloud sends them all, with the error bodies of the fact sheet's section 3. A success status the description
 * does not list is a violation, and so is every flaw of a success answer's body.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class WebApiContract {

    /** The system property that names the description file. */
    public static final String SPEC_PROPERTY = "nuki.webApiSpec";
    /** Where the description is when the property is not set, relative to the project directory. */
    public static final String DEFAULT_SPEC = "../shared/specs/nuki-web-api-openapi-3.9.0.json";

    /** What the description leaves out of error answers (see above). */
    private static final List<String> ERROR_ANSWER_GAPS = List.of("validation.response.status.unknown",
            "validation.response.body.unexpected");

    private static @Nullable WebApiContract loaded;

    private final OpenApiInteractionValidator validator;
    private final Path source;

    private WebApiContract(OpenApiInteractionValidator validator, Path source) {
        this.validator = validator;
        this.source = source;
    }

    /**
     * The description, read on first use.
     *
     * @throws IllegalStateException when the file is missing or unreadable, saying where it was looked for
     */
    public static synchronized WebApiContract load() {
        WebApiContract current = loaded;
        if (current != null) {
            return current;
        }
        String configured = System.getProperty(SPEC_PROPERTY);
        WebApiContract contract = read(
                Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_SPEC));
        loaded = contract;
        return contract;
    }

    /**
     * The description in this file.
     *
     * @throws IllegalStateException when the file is missing or unreadable, saying where it was looked for
     */
    static WebApiContract read(Path path) {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The Web API simulator checks every request against Nuki's OpenAPI "
                    + "description, and it is not at " + file + ": put the project's shared/ folder beside the "
                    + "project, or name the file with -D" + SPEC_PROPERTY + "=...");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Nuki's OpenAPI description at " + file + ": " + e, e);
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(corrected(text)).build();
        return new WebApiContract(validator, file);
    }

    /** The three corrections above, each only where the description has the wrong value. */
    static String corrected(String description) {
        JsonObject spec = JsonParser.parseString(description).getAsJsonObject();
        JsonObject schemas = spec.getAsJsonObject("components").getAsJsonObject("schemas");
        JsonObject authType = schemas.getAsJsonObject("SmartlockAuth").getAsJsonObject("properties")
                .getAsJsonObject("type");
        authType.remove("maximum");
        JsonObject log = schemas.getAsJsonObject("SmartlockLog").getAsJsonObject("properties");
        JsonArray deviceTypes = log.getAsJsonObject("deviceType").getAsJsonArray("enum");
        for (int type : new int[] { 4, 5 }) {
            if (!deviceTypes.contains(new JsonPrimitive(type))) {
                deviceTypes.add(type);
            }
        }
        log.getAsJsonObject("state").addProperty("minimum", 0);
        return spec.toString();
    }

    /** Where the description was read from. */
    public Path source() {
        return source;
    }

    /**
     * What a request breaks in the description; empty when it keeps it.
     *
     * @param query the raw query ({@code limit=5&id=...}), or null
     * @param headers the request's headers (a concrete type rather than a map of lists: the openHAB API checker in
     *            .ci/run cannot read a parameter type with a comma before a nested generic)
     * @param body the request's body, or null for none
     */
    public List<String> checkRequest(String method, String path, @Nullable String query, Headers headers,
            @Nullable String body) {
        return messages(validator.validateRequest(request(method, path, query, headers, body)), false);
    }

    /** What an answer to a request breaks in the description; empty when it keeps it. */
    public List<String> checkResponse(String method, String path, int status, @Nullable String contentType,
            @Nullable String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        return messages(report, status >= 400);
    }

    private static SimpleRequest request(String method, String path, @Nullable String query, Headers headers,
            @Nullable String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        headers.forEach(request::withHeader);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                request.withQueryParam(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    private static List<String> messages(ValidationReport report, boolean errorAnswer) {
        List<String> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (errorAnswer && ERROR_ANSWER_GAPS.contains(message.getKey())) {
                continue;
            }
            found.add(message.getKey() + ": " + message.getMessage());
        }
        return found;
    }
}
