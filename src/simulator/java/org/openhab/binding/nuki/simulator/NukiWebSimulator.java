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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Nuki's Web API for one account, as a real HTTP server on loopback: {@code GET /smartlock}, a device's
 * authorizations and log with a bearer token, keypad codes added, changed and removed (answered at once, on the device
 * after a delay; while a change is on its way the entry carries an {@code operationId} and a further change is a 423;
 * a code that breaks the keypad's rules is a 400, a duplicate code a 409, a long name a 422; a smart lock the token may
 * not see is a 403), the device ids the Web API gives (type digit before the Nuki id), and the faults a cloud has: a
 * refused token, throttling with {@code Retry-After}, server errors, a device offline or unregistered, slow answers.
 * Every request it receives and every answer it sends is checked against Nuki's published API description
 * ({@link WebApiContract}); a request that breaks it is answered 400, and every violation is kept: {@link #close()}
 * fails with them unless someone took them. The same Nuki ids as the other simulators.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiWebSimulator implements AutoCloseable {

    private static final Pattern AUTH_PATH = Pattern.compile("/smartlock/(\\d+)/auth");
    private static final Pattern LOG_PATH = Pattern.compile("/smartlock/(\\d+)/log");
    private static final Pattern AUTH_ENTRY_PATH = Pattern.compile("/smartlock/(\\d+)/auth/([0-9a-f]+)");

    /** One device of the account, with its authorizations and its log (newest first). */
    public record Device(long nukiId, int webType, String name, List<Map<String, Object>> authorizations,
            List<Map<String, Object>> log) {
        long smartlockId() {
            return ((long) webType << 32) | nukiId;
        }
    }

    private final String token;
    private final Gson gson = new Gson();
    private final List<Device> devices = new CopyOnWriteArrayList<>();
    private final Map<Long, Integer> serverState = new ConcurrentHashMap<>();
    private final WebApiContract contract = WebApiContract.load();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile @Nullable Consumer<String> violationListener;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private @Nullable String throttledRequest;
    private final AtomicInteger throttleSkip = new AtomicInteger();
    private volatile long retryAfterSeconds = 30;
    private final AtomicInteger serverErrorsNext = new AtomicInteger();
    private volatile boolean tokenRefused;
    private volatile @Nullable String missingScope;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration writeDelay = Duration.ZERO;
    private final AtomicInteger nextAuthId = new AtomicInteger(8192);
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nuki-web-simulator-sync");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable HttpServer server;

    public NukiWebSimulator(String token) {
        this.token = token;
    }

    public NukiWebSimulator start() throws IOException {
        return start(0);
    }

    /** Starts on this loopback port (0: any free one). */
    public synchronized NukiWebSimulator start(int port) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        created.createContext("/", this::handle);
        created.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "nuki-web-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        created.start();
        server = created;
        return this;
    }

    /** The account's API token. */
    public String token() {
        return token;
    }

    public synchronized URI baseUri() {
        HttpServer current = server;
        if (current == null) {
            throw new IllegalStateException("not started");
        }
        return URI.create("http://127.0.0.1:" + current.getAddress().getPort());
    }

    /** Adds a device: {@code webType} 4 for a Smart Lock 3/4, 2 for an Opener, 0 for a Smart Lock 1/2. */
    public Device addDevice(long nukiId, int webType, String name) {
        Device device = new Device(nukiId, webType, name, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        devices.add(device);
        return device;
    }

    /** Adds an authorization (type 0 app, 1 bridge, 2 fob, 3 keypad, 13 keypad code) with its device-side id. */
    public void addAuthorization(Device device, String id, int type, int authId, String name, @Nullable Integer code) {
        addAuthorization(device, id, type, authId, name, code, Map.of());
    }

    /** The same, with more fields (a keypad code's validity); the entry is complete before anyone can read it. */
    private void addAuthorization(Device device, String id, int type, int authId, String name, @Nullable Integer code,
            Map<String, Object> more) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("smartlockId", device.smartlockId());
        entry.put("authId", authId);
        entry.put("type", type);
        entry.put("name", name);
        entry.put("enabled", true);
        entry.put("remoteAllowed", type != 13);
        entry.put("lockCount", 0);
        if (code != null) {
            entry.put("code", code);
        }
        entry.putAll(more);
        device.authorizations().add(entry);
    }

    /**
     * The device moved: a log entry, named after the authorization with that Web id (as the cloud resolves it).
     *
     * @param source 0 default, 1 keypad code, 2 fingerprint
     */
    public void logAction(Device device, String authUid, int action, int trigger, int source, String date) {
        logAction(device, authUid, action, trigger, source, 0, date);
    }

    /**
     * The same, with how it ended.
     *
     * @param state 0 success, 1 motor blocked, ... 224 invalid code (the log's completion states)
     */
    public void logAction(Device device, String authUid, int action, int trigger, int source, int state, String date) {
        String name = "";
        for (Map<String, Object> authorization : device.authorizations()) {
            if (authUid.equals(authorization.get("id"))) {
                name = String.valueOf(authorization.get("name"));
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", String.format(Locale.ROOT, "%024x", device.log().size() + 1));
        entry.put("smartlockId", device.smartlockId());
        entry.put("deviceType", device.webType());
        entry.put("authId", authUid);
        entry.put("name", name);
        entry.put("action", action);
        entry.put("trigger", trigger);
        entry.put("state", state);
        entry.put("autoUnlock", false);
        entry.put("date", date);
        entry.put("source", source);
        device.log().add(0, entry);
    }

    /** The demo lock's Nuki id, the same as {@code ./simulator} and {@code ./simulator --mqtt} serve. */
    public static final long DEMO_LOCK = 0x1A2B3C4DL;
    /** The demo opener's Nuki id, the same as {@code ./simulator} serves. */
    public static final long DEMO_OPENER = 0x2B3C4D5EL;
    /** The MQTT lock's keypad's own authorization id, as {@code ./simulator --mqtt} reports it. */
    public static final int DEMO_KEYPAD_AUTH_ID = 4711;
    /** The app user's device-side authorization id. */
    public static final int DEMO_APP_AUTH_ID = 7;
    /** The device-side ids of the demo keypad codes: a code only, and a code with a fingerprint. */
    public static final int DEMO_CLEANER_CODE_ID = 4097;
    public static final int DEMO_ANNA_CODE_ID = 4098;

    /**
     * The account of the simulators' devices: the lock (a Smart Lock 4, Web type 4) with an app user "Tom's phone",
     * the bridge, the keypad, a keypad code "Cleaner" and a code with a fingerprint "Anna"; the opener with the same
     * app user.
     */
    public static NukiWebSimulator demoAccount(String token) {
        NukiWebSimulator account = new NukiWebSimulator(token);
        Device lock = account.addDevice(DEMO_LOCK, 4, "Front door");
        account.addAuthorization(lock, "6775e353c52a77633bf92c4b", 0, DEMO_APP_AUTH_ID, "Tom's phone", null);
        account.addAuthorization(lock, "6775e353c52a77633bf92c4a", 1, 1, "Nuki Bridge", null);
        account.addAuthorization(lock, "6775e353c52a77633bf92c49", 3, DEMO_KEYPAD_AUTH_ID, "Keypad", null);
        account.addAuthorization(lock, "6775e353c52a77633bf92c4c", 13, DEMO_CLEANER_CODE_ID, "Cleaner", 345678);
        account.addAuthorization(lock, "6775e353c52a77633bf92c4d", 13, DEMO_ANNA_CODE_ID, "Anna", 456789);
        Device opener = account.addDevice(DEMO_OPENER, 2, "Intercom");
        account.addAuthorization(opener, "6775e353c52a77633bf92c5b", 0, DEMO_APP_AUTH_ID, "Tom's phone", null);
        account.addAuthorization(opener, "6775e353c52a77633bf92c5a", 1, 1, "Nuki Bridge", null);
        return account;
    }

    /**
     * The device moved now, by the authorization with this name: a log entry as the cloud writes it.
     *
     * @param source 0 default, 1 keypad code, 2 fingerprint
     */
    public void logNow(long nukiId, String authorizationName, int action, int trigger, int source) {
        logNow(nukiId, authorizationName, action, trigger, source, 0);
    }

    /**
     * The same, with how it ended.
     *
     * @param state 0 success, 1 motor blocked, ... 224 invalid code (the log's completion states)
     */
    public void logNow(long nukiId, String authorizationName, int action, int trigger, int source, int state) {
        Device device = device(nukiId);
        String id = "";
        for (Map<String, Object> authorization : device.authorizations()) {
            if (authorizationName.equalsIgnoreCase(String.valueOf(authorization.get("name")))) {
                id = String.valueOf(authorization.get("id"));
            }
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("no authorization named " + authorizationName);
        }
        logAction(device, id, action, trigger, source, state, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /**
     * The device was moved by the authorization whose name starts with {@code who} (case ignored): a log entry with
     * the trigger and source that authorization gives (a keypad code: keypad, code or fingerprint; an app: app; the
     * bridge: system).
     *
     * @return the authorization's full name
     * @throws IllegalArgumentException when the device has no such authorization
     */
    public String logBy(long nukiId, String who, int action, boolean fingerprint) {
        Device device = device(nukiId);
        String prefix = who.toLowerCase(java.util.Locale.ROOT);
        for (Map<String, Object> authorization : device.authorizations()) {
            String name = String.valueOf(authorization.get("name"));
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                int type = authorization.get("type") instanceof Number number ? number.intValue() : -1;
                int trigger = type == 13 ? 255 : type == 1 ? 0 : 5;
                int source = type == 13 ? (fingerprint ? 2 : 1) : 0;
                logNow(nukiId, name, action, trigger, source);
                return name;
            }
        }
        throw new IllegalArgumentException("no authorization of " + device.name() + " starts with " + who);
    }

    /**
     * Fault: the token lacks a scope: {@code smartlock.log} refuses the log, {@code smartlock.auth} the
     * authorizations (401, as the cloud answers); null: every scope.
     */
    public void setMissingScope(@Nullable String scope) {
        missingScope = scope;
    }

    /** Fault: every request is answered 401 (a token deleted by a password change). */
    public void setTokenRefused(boolean refused) {
        tokenRefused = refused;
    }

    /** Fault: the next {@code count} requests are answered 429 with {@code Retry-After: seconds}. */
    public void throttleNext(int count, long seconds) {
        retryAfterSeconds = seconds;
        throttleNext.set(count);
    }

    /**
     * Fault: of the requests of one kind ({@code GET /smartlock/{id}/auth}), the next {@code skip} pass and the one
     * after them is answered 429 with {@code Retry-After: seconds}; other requests pass.
     */
    public synchronized void throttleOne(String request, int skip, long seconds) {
        retryAfterSeconds = seconds;
        throttledRequest = request;
        throttleSkip.set(skip);
    }

    /** Whether this request is the one {@link #throttleOne} picked. */
    private synchronized boolean picked(String request) {
        if (!request.equals(throttledRequest)) {
            return false;
        }
        if (throttleSkip.getAndDecrement() > 0) {
            return false;
        }
        throttledRequest = null;
        return true;
    }

    /** Fault: the next {@code count} requests are answered 502 with an HTML body, as the cloud's proxy does. */
    public void serverErrorsNext(int count) {
        serverErrorsNext.set(count);
    }

    /** Fault: the device is listed as not reachable ({@code serverState} 4). */
    public void setOffline(long nukiId, boolean isOffline) {
        setServerState(nukiId, isOffline ? 4 : 0);
    }

    /**
     * Fault: the device's {@code serverState}: 0 ok, 1 unregistered, 2 authorization uuid invalid, 3 authorization
     * invalid, 4 offline.
     */
    public void setServerState(long nukiId, int state) {
        serverState.put(nukiId, state);
    }

    /** Fault: every answer leaves this much later. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /**
     * How many requests reached a path (ids written as {@code {id}}), or, with the method before it
     * ({@code "PUT /smartlock/{id}/auth"}), how many with that method.
     */
    public int requestCount(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** The requests so far per path (ids written as {@code {id}}), for the console. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        requests.forEach((path, count) -> {
            if (path.startsWith("/")) {
                counts.put(path, count.get());
            }
        });
        return counts;
    }

    /** The account's devices. */
    public List<Device> devices() {
        return List.copyOf(devices);
    }

    /** How many requests reached the simulator in all. */
    public int totalRequests() {
        return requests.entrySet().stream().filter(entry -> entry.getKey().startsWith("/"))
                .mapToInt(entry -> entry.getValue().get()).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String counted = path.replaceAll("[0-9a-f]{24}|\\d+", "{id}");
            Objects.requireNonNull(requests.computeIfAbsent(counted, p -> new AtomicInteger())).incrementAndGet();
            Objects.requireNonNull(requests.computeIfAbsent(method + " " + counted, p -> new AtomicInteger()))
                    .incrementAndGet();
            Instant arrived = Instant.now();
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = answer(exchange, method, path, query, text);
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            List<String> broken = contract.checkResponse(method, path, answer.status(), answer.contentType(),
                    answer.body());
            if (!broken.isEmpty()) {
                violated(method + " " + path + " answered " + answer.status() + ": " + String.join("; ", broken));
            }
            seen.add(new Seen(arrived, method + " " + counted, answer.status()));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /**
     * One request as it reached the simulator: when, what ({@code GET /smartlock/{id}/auth}) and the status answered.
     */
    public record Seen(Instant at, String request, int status) {
    }

    /** Every request so far, in the order they arrived. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** An answer before it leaves: checked against the description first. */
    private record Answer(int status, String body, String contentType, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, body, "application/json", Map.of());
        }
    }

    private static final String NOT_AUTHORIZED = "{\"detailMessage\":\"Not authorized\"}";
    private static final String FORBIDDEN = "{\"detailMessage\":\"Forbidden\"}";
    /** The body the cloud sends with a 423 (fact sheet, section 3). */
    private static final String LOCKED = "{\"stackTrace\":[],\"suppressedExceptions\":[]}";

    private static Answer badParameter(String parameter, @Nullable Object value) {
        return Answer.json(400, "{\"detailMessage\":\"The supplied value '" + value + "' for parameter '" + parameter
                + "' is not valid\",\"stackTrace\":[],\"suppressedExceptions\":[]}");
    }

    private Answer answer(HttpExchange exchange, String method, String path, @Nullable String query, String text) {
        List<String> broken = contract.checkRequest(method, path, query, exchange.getRequestHeaders(),
                text.isEmpty() ? null : text);
        if (!broken.isEmpty()) {
            String violation = method + " " + path + ": " + String.join("; ", broken);
            violated(violation);
            // the cloud refuses what its description forbids: a bad parameter
            return Answer.json(400, gson.toJson(Map.of("detailMessage", violation)));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (tokenRefused || !("Bearer " + token).equals(authorization)) {
            return Answer.json(401, NOT_AUTHORIZED);
        }
        String lacking = missingScope;
        if (lacking != null && (("smartlock.log".equals(lacking) && LOG_PATH.matcher(path).matches())
                || ("smartlock.auth".equals(lacking) && path.contains("/auth")))) {
            return Answer.json(401, NOT_AUTHORIZED);
        }
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || picked(method + " " + path.replaceAll("[0-9a-f]{24}|\\d+", "{id}"))) {
            return new Answer(429, "", "application/json", Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }
        if (serverErrorsNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(502, "<html><body>502 Bad Gateway</body></html>", "text/html", Map.of());
        }
        if (!"GET".equals(method)) {
            return write(method, path, text);
        }
        if ("/smartlock".equals(path)) {
            List<Map<String, Object>> listed = new ArrayList<>();
            for (Device device : devices) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("smartlockId", device.smartlockId());
                entry.put("accountId", 1);
                entry.put("type", device.webType());
                entry.put("authId", 1);
                entry.put("name", device.name());
                entry.put("favorite", false);
                entry.put("serverState", serverState.getOrDefault(device.nukiId(), 0));
                entry.put("adminPinState", 0);
                listed.add(entry);
            }
            return Answer.json(200, gson.toJson(listed));
        }
        Matcher log = LOG_PATH.matcher(path);
        if (log.matches()) {
            Device device = bySmartlockId(Long.parseLong(log.group(1)));
            return device == null ? Answer.json(403, FORBIDDEN) : Answer.json(200, gson.toJson(log(device, query)));
        }
        Matcher auth = AUTH_PATH.matcher(path);
        if (auth.matches()) {
            Device device = bySmartlockId(Long.parseLong(auth.group(1)));
            return device == null ? Answer.json(403, FORBIDDEN)
                    : Answer.json(200, gson.toJson(device.authorizations()));
        }
        Matcher one = AUTH_ENTRY_PATH.matcher(path);
        if (one.matches()) {
            Device device = bySmartlockId(Long.parseLong(one.group(1)));
            Map<String, Object> entry = device == null ? null : entry(device, one.group(2));
            return entry == null ? Answer.json(403, FORBIDDEN) : Answer.json(200, gson.toJson(entry));
        }
        return Answer.json(404, "");
    }

    /**
     * A device's log as {@code GET /smartlock/{id}/log} reads it: its query parameters in any order ({@code limit}
     * 1 to 50, default 20; {@code id}: entries older than that one; {@code action}, {@code authId},
     * {@code fromDate}, {@code toDate} filter).
     */
    private static List<Map<String, Object>> log(Device device, @Nullable String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String asked = parameters.get("limit");
        int limit = asked != null ? Math.max(1, Math.min(50, Integer.parseInt(asked))) : 20;
        String olderThan = parameters.get("id");
        String action = parameters.get("action");
        String authId = parameters.get("authId");
        String from = parameters.get("fromDate");
        String to = parameters.get("toDate");
        List<Map<String, Object>> entries = new ArrayList<>();
        boolean older = olderThan == null;
        for (Map<String, Object> entry : device.log()) {
            if (!older) {
                older = String.valueOf(entry.get("id")).equals(olderThan);
                continue;
            }
            Instant date = Instant.parse(String.valueOf(entry.get("date")));
            if ((action != null && !action.equals(String.valueOf(entry.get("action"))))
                    || (authId != null && !authId.equals(entry.get("authId")))
                    || (from != null && date.isBefore(Instant.parse(from)))
                    || (to != null && date.isAfter(Instant.parse(to)))) {
                continue;
            }
            entries.add(entry);
            if (entries.size() == limit) {
                break;
            }
        }
        return entries;
    }

    /** Window fields of an authorization: an update that leaves one out clears it (fact sheet, section 7). */
    private static final List<String> WINDOW = List.of("allowedFromDate", "allowedUntilDate", "allowedWeekDays",
            "allowedFromTime", "allowedUntilTime");

    /**
     * Writes, as the cloud takes them: checked, answered 204 at once, applied on the device after the delay; while a
     * change is on its way the entry carries an {@code operationId} and a further change of it is refused (423).
     */
    private Answer write(String method, String path, String text) {
        Matcher list = AUTH_PATH.matcher(path);
        Matcher one = AUTH_ENTRY_PATH.matcher(path);
        Device device = list.matches() ? bySmartlockId(Long.parseLong(list.group(1)))
                : one.matches() ? bySmartlockId(Long.parseLong(one.group(1))) : null;
        if (!list.matches() && !one.matches()) {
            return Answer.json(405, "");
        }
        if (device == null) {
            // a smart lock the token may not see
            return Answer.json(403, FORBIDDEN);
        }
        Map<?, ?> body = text.isBlank() ? null : gson.fromJson(text, Map.class);
        if ("PUT".equals(method) && list.matches()) {
            return body == null ? badParameter("body", null) : create(device, body);
        } else if ("POST".equals(method) && one.matches()) {
            return body == null ? badParameter("body", null) : update(device, one.group(2), body);
        } else if ("DELETE".equals(method) && one.matches()) {
            String entryId = one.group(2);
            Map<String, Object> entry = entry(device, entryId);
            if (entry == null) {
                return Answer.json(403, FORBIDDEN);
            }
            if (entry.containsKey("operationId")) {
                return Answer.json(423, LOCKED);
            }
            pending(device, entry, () -> device.authorizations().removeIf(a -> entryId.equals(a.get("id"))));
            return Answer.json(204, "");
        }
        return Answer.json(405, "");
    }

    private Answer create(Device device, Map<?, ?> body) {
        Object name = body.get("name");
        Object code = body.get("code");
        Object type = body.get("type");
        int kind = type instanceof Number number ? number.intValue() : 0;
        if (kind != 13) {
            // the simulated account creates keypad codes only (an app invite needs an account user)
            return badParameter("type", type);
        }
        if (!(code instanceof Number pin) || !keypadCode(pin)) {
            return badParameter("code", code instanceof Number ? "******" : code);
        }
        if (!(name instanceof String label) || label.length() > 20) {
            return Answer.json(422, "{\"code\":422,\"reasonPhrase\":\"Unprocessable Entity\"}");
        }
        if (codeTaken(device, pin.intValue(), null)) {
            return Answer.json(409, "{\"detailMessage\":\"parameter conflicts\"}");
        }
        int authId = nextAuthId.incrementAndGet();
        String id = String.format("%024x", authId);
        Map<String, Object> validity = new LinkedHashMap<>();
        for (String window : WINDOW) {
            Object value = body.get(window);
            if (value != null) {
                validity.put(window,
                        value instanceof Double number && number == Math.rint(number) ? number.intValue() : value);
            }
        }
        if (Boolean.TRUE.equals(body.get("remoteAllowed"))) {
            validity.put("remoteAllowed", true);
        }
        later(() -> addAuthorization(device, id, 13, authId, label, pin.intValue(), validity));
        return Answer.json(204, "");
    }

    private Answer update(Device device, String entryId, Map<?, ?> body) {
        Map<String, Object> entry = entry(device, entryId);
        if (entry == null) {
            return Answer.json(403, FORBIDDEN);
        }
        if (entry.containsKey("operationId")) {
            return Answer.json(423, LOCKED);
        }
        Object code = body.get("code");
        if (code != null) {
            if (!(code instanceof Number pin) || !keypadCode(pin)) {
                return badParameter("code", code instanceof Number ? "******" : code);
            }
            if (codeTaken(device, pin.intValue(), entryId)) {
                return Answer.json(409, "{\"detailMessage\":\"parameter conflicts\"}");
            }
        }
        Object name = body.get("name");
        if (name instanceof String label && Integer.valueOf(13).equals(number(entry.get("type")))
                && label.length() > 20) {
            return Answer.json(422, "{\"code\":422,\"reasonPhrase\":\"Unprocessable Entity\"}");
        }
        pending(device, entry, () -> {
            // a changed copy in its place: a reader never sees an entry half changed
            Map<String, Object> current = entry(device, entryId);
            if (current == null) {
                return;
            }
            Map<String, Object> changed = new LinkedHashMap<>(current);
            changed.remove("operationId");
            WINDOW.forEach(changed::remove);
            body.forEach((key, value) -> {
                if (value != null) {
                    changed.put(String.valueOf(key),
                            value instanceof Double number && number == Math.rint(number) ? number.intValue() : value);
                }
            });
            replace(device, current, changed);
        });
        return Answer.json(204, "");
    }

    /** Marks the entry as locked for an operation until the change reaches the device. */
    private void pending(Device device, Map<String, Object> entry, Runnable change) {
        if (writeDelay.isZero()) {
            change.run();
            return;
        }
        Map<String, Object> locked = new LinkedHashMap<>(entry);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("timestamp", (int) now);
        operation.put("counter", nextAuthId.incrementAndGet());
        operation.put("date", Instant.ofEpochSecond(now).toString());
        locked.put("operationId", operation);
        replace(device, entry, locked);
        later(change);
    }

    private static void replace(Device device, Map<String, Object> current, Map<String, Object> changed) {
        List<Map<String, Object>> all = device.authorizations();
        int at = all.indexOf(current);
        if (at >= 0) {
            all.set(at, changed);
        }
    }

    /** The keypad's rules (fact sheet, section 7): six digits 1 to 9, not starting with 12. */
    static boolean keypadCode(Number code) {
        String digits = String.valueOf(code.longValue());
        return code.doubleValue() == code.longValue() && digits.matches("[1-9]{6}") && !digits.startsWith("12");
    }

    private static boolean codeTaken(Device device, int code, @Nullable String except) {
        return device.authorizations().stream().anyMatch(a -> Integer.valueOf(code).equals(number(a.get("code")))
                && !String.valueOf(except).equals(a.get("id")));
    }

    private void violated(String violation) {
        violations.add(violation);
        Consumer<String> listener = violationListener;
        if (listener != null) {
            listener.accept(violation);
        }
    }

    /** What requests and answers broke Nuki's API description so far. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The violations so far, forgotten here (a test that provokes one on purpose takes it). */
    public List<String> takeViolations() {
        List<String> taken = List.copyOf(violations);
        violations.removeAll(taken);
        return taken;
    }

    /** Tells each violation as it happens (the standalone simulator prints it on its console). */
    public void setViolationListener(@Nullable Consumer<String> listener) {
        violationListener = listener;
    }

    private void later(Runnable change) {
        Duration delay = writeDelay;
        if (delay.isZero()) {
            change.run();
        } else {
            writer.schedule(change, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The device with this Nuki id. */
    public Device device(long nukiId) {
        for (Device device : devices) {
            if (device.nukiId() == nukiId) {
                return device;
            }
        }
        throw new IllegalArgumentException("no device " + Long.toHexString(nukiId));
    }

    private @Nullable Device bySmartlockId(long smartlockId) {
        for (Device device : devices) {
            if (device.smartlockId() == smartlockId) {
                return device;
            }
        }
        return null;
    }

    private static @Nullable Map<String, Object> entry(Device device, String id) {
        for (Map<String, Object> entry : device.authorizations()) {
            if (id.equals(entry.get("id"))) {
                return entry;
            }
        }
        return null;
    }

    private static @Nullable Integer number(@Nullable Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    /** How long a write takes to reach the device after the cloud took it (0: at once). */
    public void setWriteDelay(Duration delay) {
        writeDelay = delay;
    }

    /**
     * Stops the server.
     *
     * @throws IllegalStateException when a request or an answer broke Nuki's API description and no one took the
     *             violation: the test that caused it fails
     */
    @Override
    public synchronized void close() {
        HttpServer current = server;
        if (current != null) {
            current.stop(0);
            server = null;
        }
        writer.shutdownNow();
        List<String> left = takeViolations();
        if (!left.isEmpty()) {
            throw new IllegalStateException(
                    "The Web API simulator saw " + left.size() + " violation(s) of Nuki's API description ("
                            + contract.source() + "):\n  " + String.join("\n  ", left));
        }
    }
}
