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

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Nuki Bridge on a real HTTP server, faithful to the fact sheet ({@code ../shared/docs/nuki-bridge-api.md},
 * sections 1 to 5) and driven by tests, benchmarks and people who want to rehearse without hardware.
 * <p>
 * Like the bridge, it serves one request at a time: one that arrives while another runs is answered
 * {@code 503 HTTP 503 Unavailable}. Each endpoint can be given a latency. Devices move through the intermediate states
 * of each lock action and the bridge posts their final states (optionally every state) to the registered callbacks.
 * Faults are switched on and off at run time.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class NukiBridgeSimulator implements AutoCloseable {

    /** The two kinds of bridge (/info's bridgeType). */
    public enum BridgeType {
        HARDWARE,
        SOFTWARE
    }

    /** How the discovery stub at {@code /discover/bridges} answers. */
    public enum DiscoveryMode {
        NORMAL,
        ZERO_ADDRESS,
        FORBIDDEN,
        SERVER_ERROR
    }

    /** An answer of the bridge. */
    private record Reply(int status, String contentType, String body) {
        static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        static Reply empty() {
            return new Reply(200, "text/plain", "");
        }

        static Reply error(int status, String reason) {
            return new Reply(status, "text/plain", "HTTP " + status + " " + reason);
        }

        boolean isJson() {
            return "application/json".equals(contentType);
        }
    }

    private static final Reply BAD_REQUEST = Reply.error(400, "Bad Request");
    private static final Reply UNAUTHORIZED = Reply.error(401, "Unauthorized");
    private static final Reply FORBIDDEN = Reply.error(403, "Forbidden");
    private static final Reply NOT_FOUND = Reply.error(404, "Not Found");
    private static final Reply GONE = Reply.error(410, "Gone");
    private static final Reply BUSY = Reply.error(503, "Unavailable");

    private static final Pattern SECRET_PARAMS = Pattern.compile("((?:^|&)(?:token|hash|ctoken|nonce|nounce)=)[^&]*");
    private static final String TOKEN_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(90);

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final AdjustableClock clock;
    private final InetAddress bindAddress;
    private final SimulatorStats stats = new SimulatorStats();
    private final BridgeLog log = new BridgeLog();
    private final CallbackTable callbacks = new CallbackTable();
    private final CallbackSender sender;
    private final SimulatorAuthenticator authenticator = new SimulatorAuthenticator();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ThreadPoolExecutor httpExecutor;
    private final ScheduledExecutorService deviceScheduler;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private volatile Duration actionAnswerDelay = Duration.ZERO;
    private volatile @Nullable ActionListener actionListener;
    /** What an endpoint wants done once its answer has been sent (a reboot). */
    private final ThreadLocal<@Nullable Runnable> afterReply = new ThreadLocal<>();

    private @Nullable HttpServer server;
    /** While the bridge is silent: a listener that never accepts, and the connections that fill its backlog. */
    private final List<Closeable> silence = new ArrayList<>();
    private int port;
    private Instant startedAt;

    private volatile @Nullable String token;
    private volatile BridgeType bridgeType = BridgeType.HARDWARE;
    private volatile boolean authEnabled = true;
    private volatile long serverId = 0x2B4C6D8EL;
    private volatile long hardwareId = 0x1A2B3C4DL;
    private volatile Duration defaultLatency = Duration.ZERO;
    private volatile Duration extraLatency = Duration.ZERO;
    private volatile Duration actionStepDelay = Duration.ZERO;
    private volatile Duration lockNGoDelay = Duration.ofMillis(200);
    private volatile Duration buttonWindow = Duration.ofSeconds(30);
    private volatile Duration rebootDowntime = Duration.ZERO;
    private volatile Duration clockSkew = Duration.ZERO;
    private volatile boolean callbacksOnIntermediateStates;
    private volatile DiscoveryMode discoveryMode = DiscoveryMode.NORMAL;
    private volatile @Nullable PrintStream requestLog;
    private final AtomicInteger busyNext = new AtomicInteger();
    private final AtomicInteger garbleNext = new AtomicInteger();
    private volatile double busyProbability;
    private volatile Random busyRandom = new Random(0);
    private volatile @Nullable CountDownLatch buttonLatch;

    /** A hardware bridge with the given API token, on the system clock, listening on loopback. */
    public NukiBridgeSimulator(@Nullable String token) {
        this(token, AdjustableClock.system(), InetAddress.getLoopbackAddress());
    }

    public NukiBridgeSimulator(@Nullable String token, AdjustableClock clock, InetAddress bindAddress) {
        this.token = token;
        this.clock = clock;
        this.bindAddress = bindAddress;
        this.startedAt = clock.instant();
        this.sender = new CallbackSender(stats, log, clock);
        AtomicInteger threads = new AtomicInteger();
        this.httpExecutor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, "nuki-simulator-http-" + threads.incrementAndGet()));
        this.httpExecutor.allowCoreThreadTimeOut(true);
        this.deviceScheduler = Executors.newScheduledThreadPool(1,
                runnable -> daemon(runnable, "nuki-simulator-devices"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts listening on a free port. */
    public NukiBridgeSimulator start() throws IOException {
        return start(0);
    }

    /** Starts listening on {@code port} (0: a free one). */
    public synchronized NukiBridgeSimulator start(int port) throws IOException {
        this.port = port;
        up();
        return this;
    }

    /** The bridge goes away: connections are refused until {@link #up()}. Its state is kept. */
    public synchronized void down() {
        HttpServer current = server;
        if (current != null) {
            current.stop(0);
            server = null;
        }
        endSilence();
    }

    /**
     * The bridge's address stops answering, as when the bridge drops off the network: an attempt to connect hangs
     * until the caller gives up, until {@link #up()} or {@link #down()}. Its state is kept.
     * <p>
     * Done with a listener that never accepts and whose backlog is full, so that the system drops further
     * connection requests instead of refusing them.
     */
    public synchronized void silent() throws IOException {
        down();
        ServerSocket listener = new ServerSocket();
        silence.add(listener);
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(bindAddress, port), 1);
        for (int attempt = 0; attempt < 16; attempt++) {
            Socket filler = new Socket();
            silence.add(filler);
            try {
                filler.connect(listener.getLocalSocketAddress(), 200);
            } catch (SocketTimeoutException e) {
                return; // the backlog is full: the next attempts hang as well
            }
        }
        endSilence();
        throw new IOException("cannot make port " + port + " silent: it keeps accepting connections");
    }

    private void endSilence() {
        for (Closeable closeable : silence) {
            try {
                closeable.close();
            } catch (IOException e) {
                // closing a socket nobody uses
            }
        }
        silence.clear();
    }

    /** The bridge comes back on the same port. */
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        endSilence();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        HttpServer created = null;
        while (created == null) {
            try {
                created = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
            } catch (BindException e) {
                if (port == 0 || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofMillis(50));
            }
        }
        created.createContext("/", this::handle);
        created.setExecutor(httpExecutor);
        created.start();
        port = created.getAddress().getPort();
        server = created;
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    @Override
    public void close() {
        down();
        CountDownLatch latch = buttonLatch;
        if (latch != null) {
            latch.countDown();
        }
        sender.shutdown();
        deviceScheduler.shutdownNow();
        httpExecutor.shutdownNow();
    }

    public int port() {
        return port;
    }

    public String host() {
        return bindAddress.getHostAddress();
    }

    /** {@code http://host:port/} */
    public URI baseUri() {
        return URI.create("http://" + host() + ":" + port + "/");
    }

    // ------------------------------------------------------------------ configuration

    public synchronized NukiBridgeSimulator addDevice(SimulatedDevice device) {
        devices.add(device);
        return this;
    }

    public @Nullable String token() {
        return token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }

    public void setBridgeType(BridgeType bridgeType) {
        this.bridgeType = bridgeType;
    }

    public BridgeType bridgeType() {
        return bridgeType;
    }

    public long serverId() {
        return serverId;
    }

    public void setServerId(long serverId) {
        this.serverId = serverId;
    }

    public void setAuthEnabled(boolean authEnabled) {
        this.authEnabled = authEnabled;
    }

    public boolean isAuthEnabled() {
        return authEnabled;
    }

    /** Latency of one endpoint, for example {@code /lockAction}. */
    public void setLatency(String endpoint, Duration latency) {
        latencies.put(endpoint, latency);
    }

    /**
     * How long the bridge takes to answer an action after the device finished it: its callbacks may reach the
     * callback receiver first.
     */
    public void setActionAnswerDelay(Duration delay) {
        this.actionAnswerDelay = delay;
    }

    /** Told of every lock action a client asks for: the device's Nuki id and the bridge API's action code. */
    @FunctionalInterface
    public interface ActionListener {
        void performed(long nukiId, int action);
    }

    /** Who hears of lock actions (the Web API simulator's log, in {@code ./simulator --with-web}), or null. */
    public void setActionListener(@Nullable ActionListener listener) {
        this.actionListener = listener;
    }

    /** Latency of endpoints without one of their own. */
    public void setDefaultLatency(Duration latency) {
        this.defaultLatency = latency;
    }

    /** Fault: every response is slower by this much. */
    public void setExtraLatency(Duration extraLatency) {
        this.extraLatency = extraLatency;
    }

    /** Time between two states of a lock action (the motor's time). */
    public void setActionStepDelay(Duration actionStepDelay) {
        this.actionStepDelay = actionStepDelay;
    }

    /** How long lock 'n' go waits before locking again. */
    public void setLockNGoDelay(Duration lockNGoDelay) {
        this.lockNGoDelay = lockNGoDelay;
    }

    /** How long /auth waits for the button (30 s on the real bridge). */
    public void setButtonWindow(Duration buttonWindow) {
        this.buttonWindow = buttonWindow;
    }

    /** How long a reboot keeps the bridge unreachable. */
    public void setRebootDowntime(Duration rebootDowntime) {
        this.rebootDowntime = rebootDowntime;
    }

    /** Also post the intermediate states of lock actions, not only the final ones. */
    public void setCallbacksOnIntermediateStates(boolean enabled) {
        this.callbacksOnIntermediateStates = enabled;
    }

    /** Fault: the bridge's clock is off by this much (its /info currentTime and its token window follow it). */
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /** Fault: the next {@code count} requests are answered 503. */
    public void busyForNextRequests(int count) {
        busyNext.set(count);
    }

    /** Fault: each request is answered 503 with this probability (a seeded, repeatable storm). */
    public void setBusyProbability(double probability, long seed) {
        this.busyRandom = new Random(seed);
        this.busyProbability = probability;
    }

    /** Fault: the next {@code count} JSON answers are cut off in the middle. */
    public void garbleNextResponses(int count) {
        garbleNext.set(count);
    }

    /** Fault: callbacks are not sent at all. */
    public void setDropCallbacks(boolean drop) {
        sender.drop = drop;
    }

    /**
     * Fault: the next {@code count} state changes are not pushed (for example the final state of an action, which
     * leaves the binding showing the intermediate one); /list still tells them.
     */
    public void loseNextPushes(int count) {
        sender.loseNext.set(count);
    }

    /** Fault: each callback event leaves this much later. */
    public void setCallbackDelay(Duration delay) {
        sender.delay = delay;
    }

    /**
     * Fault: the pushes are held up on their way (a slow network): every state change from now on is queued, in
     * order, until {@link #releasePushes()}; the bridge answers requests meanwhile as usual.
     */
    public void holdPushes() {
        sender.held.compareAndSet(null, new java.util.concurrent.CountDownLatch(1));
    }

    /** Lets the pushes held up by {@link #holdPushes()} go, in the order they were queued. */
    public void releasePushes() {
        java.util.concurrent.CountDownLatch gate = sender.held.getAndSet(null);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Fault: when the first registered callback fails, the others are not notified. */
    public void setFirstFailingCallbackBlocksRest(boolean blocks) {
        sender.firstFailureBlocksRest = blocks;
    }

    public void setCallbackPostTimeout(Duration timeout) {
        sender.postTimeout = timeout;
    }

    /** Fault: the device does not answer over Bluetooth (200 with {@code success:false}). */
    public synchronized void setDeviceUnreachable(long nukiId, boolean unreachable) {
        device(nukiId).setUnreachable(unreachable);
    }

    /** Fault: the bridge noticed the device offline long ago (410). */
    public synchronized void setDeviceLongOffline(long nukiId, boolean longOffline) {
        device(nukiId).setLongOffline(longOffline);
    }

    public void setDiscoveryMode(DiscoveryMode discoveryMode) {
        this.discoveryMode = discoveryMode;
    }

    /** Where to print one line per request (secrets redacted); null for silence. */
    public void setRequestLog(@Nullable PrintStream requestLog) {
        this.requestLog = requestLog;
    }

    // ------------------------------------------------------------------ the world acting on the bridge

    /** A person turned the key, used the app or the keypad: the device is now in {@code state}. */
    public void changeState(long nukiId, int state) {
        change(nukiId, device -> {
            device.nextGeneration();
            device.setState(device.mode(), state, clock.instant());
        });
    }

    public void changeMode(long nukiId, int mode) {
        change(nukiId, device -> device.setState(mode, device.state(), clock.instant()));
    }

    public void changeDoorSensor(long nukiId, int doorsensorState) {
        change(nukiId, device -> device.setDoorsensorState(doorsensorState, clock.instant()));
    }

    public void changeBattery(long nukiId, boolean critical, int chargeState, boolean charging) {
        change(nukiId, device -> device.setBattery(critical, chargeState, charging, clock.instant()));
    }

    public void changeKeypadBattery(long nukiId, boolean critical) {
        change(nukiId, device -> device.setKeypadBatteryCritical(critical, clock.instant()));
    }

    /** Someone rang at an opener's door. */
    public void ring(long nukiId) {
        change(nukiId, device -> device.ring(clock.instant()));
    }

    /** Changes a device as if by hand, then tells the callbacks, as the bridge does. */
    private void change(long nukiId, java.util.function.Consumer<SimulatedDevice> change) {
        SimulatedDevice device;
        synchronized (this) {
            device = device(nukiId);
            change.accept(device);
        }
        notifyCallbacks(device);
    }

    /** Presses the bridge's button; returns whether an /auth request was waiting for it. */
    public boolean pressButton() {
        CountDownLatch latch = buttonLatch;
        if (latch == null || latch.getCount() == 0) {
            return false;
        }
        latch.countDown();
        return true;
    }

    /** Whether an /auth request is waiting for the button. */
    public boolean isWaitingForButton() {
        CountDownLatch latch = buttonLatch;
        return latch != null && latch.getCount() > 0;
    }

    /** Reboots: every callback is forgotten; with a downtime the bridge is unreachable meanwhile. */
    public void reboot() {
        callbacks.clear();
        authenticator.reset();
        synchronized (this) {
            startedAt = clock.instant();
        }
        log.add(clock.instant(), "BOOT", Map.of());
        Duration downtime = rebootDowntime;
        if (!downtime.isZero()) {
            down();
            deviceScheduler.schedule(() -> {
                try {
                    up();
                } catch (IOException e) {
                    printLine("reboot: cannot listen again on port " + port + ": " + e.getMessage());
                }
            }, downtime.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------ inspection

    public AdjustableClock clock() {
        return clock;
    }

    public SimulatorStats stats() {
        return stats;
    }

    /** The registered callback URLs in id order. */
    public List<String> callbackUrls() {
        return callbacks.urls();
    }

    /** Adds a callback as another client would, without a request. */
    public boolean registerCallback(String url) {
        return callbacks.add(url) == CallbackTable.AddResult.ADDED;
    }

    /** Callback events not yet posted. */
    public int pendingCallbacks() {
        return sender.pending();
    }

    /** Types of the bridge log's entries, newest first. */
    public List<String> logTypes() {
        return log.types();
    }

    public synchronized SimulatedDevice device(long nukiId) {
        for (SimulatedDevice device : devices) {
            if (device.nukiId() == nukiId) {
                return device;
            }
        }
        throw new IllegalArgumentException("No device " + nukiId);
    }

    public synchronized List<SimulatedDevice> devices() {
        return List.copyOf(devices);
    }

    /** The bridge's own clock: the simulator's clock plus the skew. */
    public Instant bridgeTime() {
        return clock.instant().plus(clockSkew);
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Reply reply;
        try (exchange) {
            if ("/discover/bridges".equals(path)) {
                reply = discovery();
                stats.countRequest(path, false);
            } else if (!inFlight.compareAndSet(false, true)) {
                stats.countRequest(path, true);
                reply = BUSY;
            } else {
                try {
                    reply = serve(exchange.getRequestMethod(), path, rawQuery);
                } finally {
                    inFlight.set(false);
                }
            }
            PrintStream out = requestLog;
            if (out != null) {
                String query = rawQuery == null ? "" : "?" + SECRET_PARAMS.matcher(rawQuery).replaceAll("$1***");
                out.printf(Locale.ROOT, "%s %s%s -> %d (%d ms)%n", exchange.getRequestMethod(), path, query,
                        reply.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            write(exchange, reply);
        }
        Runnable after = afterReply.get();
        if (after != null) {
            afterReply.remove();
            deviceScheduler.execute(after);
        }
    }

    private Reply serve(String method, String path, @Nullable String rawQuery) {
        if (stormHits()) {
            stats.countRequest(path, true);
            return BUSY;
        }
        stats.countRequest(path, false);
        sleep(latencies.getOrDefault(path, defaultLatency).plus(extraLatency));
        if (!"GET".equals(method)) {
            return BAD_REQUEST;
        }
        Map<String, String> params = parse(rawQuery);
        Reply reply = route(path, params);
        if (reply.isJson() && garbleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Reply.json(reply.body().substring(0, reply.body().length() / 2));
        }
        return reply;
    }

    private boolean stormHits() {
        if (busyNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        double probability = busyProbability;
        if (probability <= 0) {
            return false;
        }
        synchronized (busyRandom) {
            return busyRandom.nextDouble() < probability;
        }
    }

    private Reply route(String path, Map<String, String> params) {
        boolean software = bridgeType == BridgeType.SOFTWARE;
        switch (path) {
            case "/":
                return BAD_REQUEST;
            case "/auth":
                return software ? NOT_FOUND : auth();
            case "/info", "/list", "/lockState", "/lockAction", "/lock", "/unlock", "/callback/add", "/callback/list",
                    "/callback/remove":
                break;
            case "/configAuth", "/unpair", "/log", "/clearlog", "/reboot", "/fwupdate", "/factoryReset":
                if (software) {
                    return NOT_FOUND;
                }
                break;
            default:
                return NOT_FOUND;
        }
        if (!authenticator.authenticate(params, token, software, bridgeTime())) {
            return UNAUTHORIZED;
        }
        return switch (path) {
            case "/info" -> info();
            case "/list" -> list();
            case "/lockState" -> lockState(params);
            case "/lockAction" -> lockAction(params);
            case "/lock", "/unlock" -> simpleAction(path, params);
            case "/callback/add" -> callbackAdd(params);
            case "/callback/list" -> callbackList();
            case "/callback/remove" -> callbackRemove(params);
            case "/configAuth" -> configAuth(params);
            case "/unpair" -> unpair(params);
            case "/log" -> log(params);
            case "/clearlog" -> clearLog();
            case "/reboot" -> rebootRequest();
            case "/fwupdate" -> fwUpdate(params);
            case "/factoryReset" -> factoryReset();
            default -> NOT_FOUND;
        };
    }

    private void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType() + ";charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> parse(@Nullable String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                params.putIfAbsent(key, value);
            }
        }
        return params;
    }

    // ------------------------------------------------------------------ endpoints

    private Reply auth() {
        if (!authEnabled) {
            return FORBIDDEN;
        }
        CountDownLatch latch = new CountDownLatch(1);
        buttonLatch = latch;
        boolean pressed;
        try {
            pressed = latch.await(buttonWindow.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pressed = false;
        } finally {
            buttonLatch = null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (pressed) {
            String current = token;
            if (current == null) {
                current = randomToken();
                token = current;
            }
            body.put("token", current);
        }
        body.put("success", pressed);
        return Reply.json(gson.toJson(body));
    }

    private Reply info() {
        Instant now = bridgeTime();
        Map<String, Object> ids = new LinkedHashMap<>();
        Map<String, Object> versions = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean hardware = bridgeType == BridgeType.HARDWARE;
        body.put("bridgeType", hardware ? 1 : 2);
        if (hardware) {
            ids.put("hardwareId", hardwareId);
            versions.put("firmwareVersion", "2.17.0");
            versions.put("wifiFirmwareVersion", "2.4.0");
        } else {
            versions.put("appVersion", "1.28.0");
        }
        ids.put("serverId", serverId);
        body.put("ids", ids);
        body.put("versions", versions);
        synchronized (this) {
            body.put("uptime", Duration.between(startedAt, clock.instant()).toSeconds());
        }
        body.put("currentTime", SimulatedDevice.JSON_TIME.format(now));
        body.put("serverConnected", true);
        if (hardware) {
            body.put("wlanConnected", true);
        }
        List<Map<String, Object>> scan = new ArrayList<>();
        for (SimulatedDevice device : devices()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("nukiId", device.nukiId());
            entry.put("deviceType", device.deviceType());
            entry.put("name", device.bleName());
            entry.put("rssi", -60);
            entry.put("paired", true);
            scan.add(entry);
        }
        body.put("scanResults", scan);
        return Reply.json(gson.toJson(body));
    }

    private Reply list() {
        Instant now = clock.instant();
        List<Map<String, Object>> entries = new ArrayList<>();
        synchronized (this) {
            for (SimulatedDevice device : devices) {
                entries.add(device.listEntry(now));
            }
        }
        return Reply.json(gson.toJson(entries));
    }

    /** The device addressed by nukiId and deviceType (default 0), or the error to answer. */
    private Object addressed(Map<String, String> params) {
        try {
            long nukiId = Long.parseLong(params.getOrDefault("nukiId", ""));
            int deviceType = Integer.parseInt(params.getOrDefault("deviceType", "0"));
            synchronized (this) {
                for (SimulatedDevice device : devices) {
                    if (device.nukiId() == nukiId && device.deviceType() == deviceType) {
                        return device;
                    }
                }
            }
            return NOT_FOUND;
        } catch (NumberFormatException e) {
            return BAD_REQUEST;
        }
    }

    private Reply lockState(Map<String, String> params) {
        Object addressed = addressed(params);
        if (!(addressed instanceof SimulatedDevice device)) {
            return (Reply) addressed;
        }
        Reply fault = deviceFault(device);
        if (fault != null) {
            return fault;
        }
        Map<String, Object> body;
        synchronized (this) {
            body = device.stateFields(clock.instant());
        }
        body.put("success", true);
        return Reply.json(gson.toJson(body));
    }

    private @Nullable Reply deviceFault(SimulatedDevice device) {
        if (device.isLongOffline()) {
            return GONE;
        }
        if (device.isUnreachable()) {
            return Reply.json("{\"success\":false}");
        }
        return null;
    }

    private Reply lockAction(Map<String, String> params) {
        Object addressed = addressed(params);
        if (!(addressed instanceof SimulatedDevice device)) {
            return (Reply) addressed;
        }
        int action;
        try {
            action = Integer.parseInt(params.getOrDefault("action", ""));
        } catch (NumberFormatException e) {
            return BAD_REQUEST;
        }
        if (!SimulatedDevice.isValidAction(action)) {
            return BAD_REQUEST;
        }
        return perform(device, action, "/lockAction", nowait(params));
    }

    /** {@code nowait} as documented; {@code noWait}, which several clients send, is accepted too. */
    private static boolean nowait(Map<String, String> params) {
        String value = params.get("nowait");
        return "1".equals(value != null ? value : params.get("noWait"));
    }

    private Reply simpleAction(String path, Map<String, String> params) {
        Object addressed = addressed(params);
        if (!(addressed instanceof SimulatedDevice device)) {
            return (Reply) addressed;
        }
        boolean lock = "/lock".equals(path);
        if (device.isOpener()) {
            // opener: /lock ends ring to open and continuous mode, /unlock buzzes the door open
            return lock ? perform(device, -1, path, false) : perform(device, 3, path, false);
        }
        // smart lock: the firmware decides; a door with a knob unlatches on /unlock (fact sheet 1.8)
        return perform(device, lock ? 2 : device.hasKnob() ? 3 : 1, path, false);
    }

    /** Runs a lock action; {@code action} -1 is the opener's "/lock" (ring to open and continuous mode off). */
    private Reply perform(SimulatedDevice device, int action, String endpoint, boolean nowait) {
        Reply fault = deviceFault(device);
        if (fault != null) {
            return fault;
        }
        List<DeviceStep> steps;
        long generation;
        synchronized (this) {
            steps = action == -1 ? List.of(new DeviceStep(SimulatedDevice.MODE_DOOR, 1, actionStepDelay, true))
                    : device.plan(action, actionStepDelay, lockNGoDelay);
            generation = device.nextGeneration();
        }
        stats.recordLockAction(new SimulatorStats.LockActionRecord(device.nukiId(), device.deviceType(),
                action == -1 ? 2 : action, endpoint, nowait, clock.instant()));
        ActionListener listener = actionListener;
        if (listener != null) {
            listener.performed(device.nukiId(), action == -1 ? 2 : action);
        }
        CompletableFuture<@Nullable Void> completed = new CompletableFuture<>();
        runStep(device, generation, steps, 0, completed);
        if (!nowait) {
            try {
                completed.get(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                sleep(actionAnswerDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                return Reply.json("{\"success\":false}");
            }
        }
        return Reply.json("{\"success\":true,\"batteryCritical\":" + device.batteryCritical() + "}");
    }

    private void runStep(SimulatedDevice device, long generation, List<DeviceStep> steps, int index,
            CompletableFuture<@Nullable Void> completed) {
        DeviceStep step = steps.get(index);
        Runnable apply = () -> {
            boolean last = index == steps.size() - 1;
            boolean report;
            synchronized (this) {
                if (!device.isGeneration(generation)) {
                    completed.complete(null); // a newer action took over
                    return;
                }
                device.setState(step.mode(), step.state(), clock.instant());
                report = last || step.completesAction() || callbacksOnIntermediateStates;
            }
            if (report) {
                notifyCallbacks(device);
            }
            if (step.completesAction() || last) {
                completed.complete(null);
            }
            if (!last) {
                runStep(device, generation, steps, index + 1, completed);
            }
        };
        if (step.delay().isZero()) {
            apply.run();
        } else {
            deviceScheduler.schedule(apply, step.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void notifyCallbacks(SimulatedDevice device) {
        String body;
        synchronized (this) {
            body = gson.toJson(device.callbackBody(clock.instant()));
        }
        sender.send(callbacks.urls(), body);
    }

    private Reply callbackAdd(Map<String, String> params) {
        String url = params.get("url");
        if (url == null) {
            return BAD_REQUEST;
        }
        return switch (callbacks.add(url)) {
            case ADDED -> Reply.json("{\"success\":true}");
            case FULL -> Reply.json("{\"success\":false,\"message\":\"" + CallbackTable.TOO_MANY + "\"}");
            case INVALID_URL -> BAD_REQUEST;
        };
    }

    private Reply callbackList() {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> urls = callbacks.urls();
        for (int id = 0; id < urls.size(); id++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", id);
            entry.put("url", urls.get(id));
            entries.add(entry);
        }
        return Reply.json(gson.toJson(Map.of("callbacks", entries)));
    }

    private Reply callbackRemove(Map<String, String> params) {
        try {
            if (callbacks.remove(Integer.parseInt(params.getOrDefault("id", "")))) {
                return Reply.json("{\"success\":true}");
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return BAD_REQUEST;
    }

    private Reply configAuth(Map<String, String> params) {
        String enable = params.get("enable");
        if (!"0".equals(enable) && !"1".equals(enable)) {
            return BAD_REQUEST;
        }
        authEnabled = "1".equals(enable);
        return Reply.json("{\"success\":true}");
    }

    private Reply unpair(Map<String, String> params) {
        Object addressed = addressed(params);
        if (!(addressed instanceof SimulatedDevice device)) {
            return (Reply) addressed;
        }
        synchronized (this) {
            devices.remove(device);
        }
        return Reply.json("{\"success\":true}");
    }

    private Reply log(Map<String, String> params) {
        try {
            int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
            int count = Integer.parseInt(params.getOrDefault("count", "100"));
            return Reply.json(gson.toJson(log.page(offset, count)));
        } catch (NumberFormatException e) {
            return BAD_REQUEST;
        }
    }

    private Reply clearLog() {
        log.clear();
        return Reply.empty();
    }

    private Reply rebootRequest() {
        // answer first, then go away as a rebooting bridge does
        afterReply.set(this::reboot);
        return Reply.empty();
    }

    private Reply fwUpdate(Map<String, String> params) {
        log.add(clock.instant(), "FW-UpdateRequested", Map.of("scope", params.getOrDefault("scope", "0")));
        return Reply.empty();
    }

    private Reply factoryReset() {
        synchronized (this) {
            devices.clear();
        }
        callbacks.clear();
        log.clear();
        authenticator.reset();
        token = null;
        authEnabled = true;
        return Reply.empty();
    }

    private Reply discovery() {
        Map<String, Object> bridge = new LinkedHashMap<>();
        bridge.put("bridgeId", serverId);
        bridge.put("ip", discoveryMode == DiscoveryMode.ZERO_ADDRESS ? "0.0.0.0" : host());
        bridge.put("port", discoveryMode == DiscoveryMode.ZERO_ADDRESS ? 0 : port);
        bridge.put("dateUpdated", SimulatedDevice.JSON_TIME.format(clock.instant()));
        return switch (discoveryMode) {
            case FORBIDDEN -> FORBIDDEN;
            case SERVER_ERROR -> Reply.error(500, "Internal Server Error");
            default -> Reply.json(gson.toJson(Map.of("bridges", List.of(bridge), "errorCode", 0)));
        };
    }

    // ------------------------------------------------------------------ helpers

    private static String randomToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    /** A fresh token for a simulator started without one. */
    public static String newToken() {
        return randomToken();
    }

    private void printLine(String line) {
        PrintStream out = requestLog;
        if (out != null) {
            out.println(line);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
