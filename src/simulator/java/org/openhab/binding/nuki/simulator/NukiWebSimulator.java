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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Nuki's Web API for one account, as a real HTTP server on loopback: {@code GET /smartlock} and
 * {@code GET /smartlock/{id}/auth} with a bearer token, keypad codes added, changed and removed (answered at once,
 * on the device after a delay; a duplicate code is a 409, a long name a 422), the device ids the Web API gives (type
 * digit before the Nuki
 * id), and the faults a cloud has: a refused token, throttling with {@code Retry-After}, server errors, a device
 * offline, slow answers. Part of the Web API work (the account thing comes later); the same Nuki ids as the other
 * simulators.
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
    private final Map<Long, Boolean> offline = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
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
        entry.put("state", 0);
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
        logAction(device, id, action, trigger, source, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
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

    /** Fault: the next {@code count} requests are answered 502 with an HTML body, as the cloud's proxy does. */
    public void serverErrorsNext(int count) {
        serverErrorsNext.set(count);
    }

    /** Fault: the device is listed as not reachable ({@code serverState} 4). */
    public void setOffline(long nukiId, boolean isOffline) {
        offline.put(nukiId, isOffline);
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
            String path = exchange.getRequestURI().getPath();
            String counted = path.replaceAll("[0-9a-f]{24}|\\d+", "{id}");
            Objects.requireNonNull(requests.computeIfAbsent(counted, p -> new AtomicInteger())).incrementAndGet();
            Objects.requireNonNull(
                    requests.computeIfAbsent(exchange.getRequestMethod() + " " + counted, p -> new AtomicInteger()))
                    .incrementAndGet();
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (tokenRefused || !("Bearer " + token).equals(authorization)) {
                reply(exchange, 401, "{\"detailMessage\":\"Not authorized\"}", "application/json");
                return;
            }
            String lacking = missingScope;
            if (lacking != null && (("smartlock.log".equals(lacking) && LOG_PATH.matcher(path).matches())
                    || ("smartlock.auth".equals(lacking) && path.contains("/auth")))) {
                reply(exchange, 401, "{\"detailMessage\":\"Not authorized\"}", "application/json");
                return;
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                reply(exchange, 429, "", "application/json");
                return;
            }
            if (serverErrorsNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 502, "<html><body>502 Bad Gateway</body></html>", "text/html");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method)) {
                write(exchange, method, path);
                return;
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
                    entry.put("serverState", Boolean.TRUE.equals(offline.get(device.nukiId())) ? 4 : 0);
                    listed.add(entry);
                }
                reply(exchange, 200, gson.toJson(listed), "application/json");
                return;
            }
            Matcher log = LOG_PATH.matcher(path);
            if (log.matches()) {
                Device device = bySmartlockId(Long.parseLong(log.group(1)));
                if (device == null) {
                    reply(exchange, 404, "{\"detailMessage\":\"Not found\"}", "application/json");
                    return;
                }
                String query = exchange.getRequestURI().getQuery();
                int limit = 20;
                if (query != null && query.startsWith("limit=")) {
                    limit = Math.min(50, Integer.parseInt(query.substring("limit=".length())));
                }
                List<Map<String, Object>> entries = device.log();
                reply(exchange, 200, gson.toJson(entries.subList(0, Math.min(limit, entries.size()))),
                        "application/json");
                return;
            }
            Matcher auth = AUTH_PATH.matcher(path);
            if (auth.matches()) {
                Device device = bySmartlockId(Long.parseLong(auth.group(1)));
                if (device != null) {
                    reply(exchange, 200, gson.toJson(device.authorizations()), "application/json");
                    return;
                }
                reply(exchange, 404, "{\"detailMessage\":\"Not found\"}", "application/json");
                return;
            }
            reply(exchange, 404, "", "application/json");
        }
    }

    /** Writes, as the cloud takes them: checked, answered 204 at once, applied on the device after the delay. */
    private void write(HttpExchange exchange, String method, String path) throws IOException {
        Matcher list = AUTH_PATH.matcher(path);
        Matcher one = AUTH_ENTRY_PATH.matcher(path);
        Device device = list.matches() ? bySmartlockId(Long.parseLong(list.group(1)))
                : one.matches() ? bySmartlockId(Long.parseLong(one.group(1))) : null;
        if (device == null) {
            reply(exchange, 404, "{\"detailMessage\":\"Not found\"}", "application/json");
            return;
        }
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if ("PUT".equals(method) && list.matches()) {
            Map<?, ?> body = gson.fromJson(text, Map.class);
            Object name = body == null ? null : body.get("name");
            Object code = body == null ? null : body.get("code");
            Object type = body == null ? null : body.get("type");
            if (!(type instanceof Number kind) || kind.intValue() != 13 || !(code instanceof Number number)) {
                reply(exchange, 400, "{\"detailMessage\":\"The supplied value for parameter 'type' is not valid\"}",
                        "application/json");
                return;
            }
            if (!(name instanceof String label) || label.length() > 20) {
                reply(exchange, 422, "{\"code\":422,\"reasonPhrase\":\"Unprocessable Entity\"}", "application/json");
                return;
            }
            int pin = number.intValue();
            boolean taken = device.authorizations().stream()
                    .anyMatch(a -> Integer.valueOf(pin).equals(number(a.get("code"))));
            if (taken) {
                reply(exchange, 409, "{\"detailMessage\":\"parameter conflicts\"}", "application/json");
                return;
            }
            int authId = nextAuthId.incrementAndGet();
            String id = String.format(Locale.ROOT, "%024x", authId);
            Map<String, Object> validity = new LinkedHashMap<>();
            for (String window : List.of("allowedFromDate", "allowedUntilDate", "allowedWeekDays", "allowedFromTime",
                    "allowedUntilTime")) {
                Object value = body == null ? null : body.get(window);
                if (value != null) {
                    validity.put(window, value);
                }
            }
            later(() -> addAuthorization(device, id, 13, authId, label, pin, validity));
        } else if ("POST".equals(method) && one.matches()) {
            Map<?, ?> body = gson.fromJson(text, Map.class);
            Map<String, Object> entry = entry(device, one.group(2));
            if (entry == null || body == null) {
                reply(exchange, 404, "", "application/json");
                return;
            }
            String entryId = one.group(2);
            later(() -> {
                // a changed copy in its place: a reader never sees an entry half changed
                Map<String, Object> current = entry(device, entryId);
                if (current == null) {
                    return;
                }
                Map<String, Object> changed = new LinkedHashMap<>(current);
                body.forEach((key, value) -> {
                    if (value != null) {
                        changed.put(String.valueOf(key), value);
                    } else {
                        changed.remove(String.valueOf(key));
                    }
                });
                List<Map<String, Object>> all = device.authorizations();
                int at = all.indexOf(current);
                if (at >= 0) {
                    all.set(at, changed);
                }
            });
        } else if ("DELETE".equals(method) && one.matches()) {
            Map<String, Object> entry = entry(device, one.group(2));
            if (entry == null) {
                reply(exchange, 404, "", "application/json");
                return;
            }
            later(() -> device.authorizations().remove(entry));
        } else {
            reply(exchange, 405, "", "application/json");
            return;
        }
        reply(exchange, 204, "", "application/json");
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

    private static void reply(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public synchronized void close() {
        HttpServer current = server;
        if (current != null) {
            current.stop(0);
            server = null;
        }
        writer.shutdownNow();
    }
}
