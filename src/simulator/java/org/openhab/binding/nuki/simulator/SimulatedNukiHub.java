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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

/**
 * A Nuki Hub (ESP32 firmware that replaces the Nuki Bridge) with one smart lock and one opener, on a real broker, as
 * the fact sheet nuki-hub-mqtt.md describes it: every topic under its base topic at QoS 1, state topics retained; its
 * last will {@code maintenance/mqttConnectionState} {@code offline}, {@code online} after each connect; actions taken
 * as words on {@code lock/action} and {@code opener/action}, answered {@code ack} (or {@code unknown_action},
 * {@code denied}, {@code error}) on the same topic, then {@code commandResult} and the states; actions ignored for a
 * window after each connect; keypad codes on {@code lock/keypad/actionJson}, answered on
 * {@code lock/keypad/commandResultJson}, listed on {@code lock/keypad/json} without codes. Faults: the hub offline,
 * denied and failing actions, the reconnect window, every message twice, keypad changes refused.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedNukiHub implements AutoCloseable {

    private static final Gson GSON = new Gson();
    /** The name of the hub's own authorization on its devices, as their logs show it. */
    public static final String HUB_AUTHORIZATION = "Nuki Hub";
    /** The firmware version it says it runs. */
    public static final String VERSION = "9.15";

    /** One keypad entry as the hub keeps it (the code never leaves it). */
    private record KeypadEntry(int codeId, String name, int code, boolean enabled) {
    }

    private final String base;
    private final long lockId;
    private final long openerId;
    private final String host;
    private final int port;
    private final ScheduledExecutorService timer;
    private final List<String> actionsReceived = new CopyOnWriteArrayList<>();
    private final List<KeypadEntry> keypad = new ArrayList<>();

    private volatile Duration stepDelay = Duration.ofMillis(500);
    private volatile Duration reconnectWindow = Duration.ofSeconds(6);
    private volatile long connectedAt;
    private volatile boolean online;
    private volatile @Nullable String refuseActionsWith;
    private volatile boolean keypadControl = true;
    private volatile boolean duplicates;
    private volatile @Nullable Mqtt3AsyncClient client;
    private volatile boolean closed;
    /** Completes when the connection {@link #drop()} ended is closed. */
    private volatile CompletableFuture<Void> gone = CompletableFuture.completedFuture(null);
    private String lockState = "locked";
    private String openerState = "locked";
    private int nextCodeId = 1;

    public SimulatedNukiHub(String base, long lockId, long openerId, String host, int port) {
        this.base = base;
        this.lockId = lockId;
        this.openerId = openerId;
        this.host = host;
        this.port = port;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-nuki-hub-" + base);
            thread.setDaemon(true);
            return thread;
        });
        keypad.add(new KeypadEntry(nextCodeId++, "Cleaner", 345678, true));
    }

    // ------------------------------------------------------------------ settings and faults

    /** Time between two states of an action. */
    public SimulatedNukiHub withStepDelay(Duration delay) {
        this.stepDelay = delay;
        return this;
    }

    /** How long after a connect actions are ignored (the hub's guard against queued commands; 6 s). */
    public SimulatedNukiHub withReconnectWindow(Duration window) {
        this.reconnectWindow = window;
        return this;
    }

    /** Fault: every action is answered {@code denied} or {@code error} (null: performed again). */
    public void refuseActionsWith(@Nullable String reply) {
        refuseActionsWith = reply;
    }

    /** Fault: keypad code changes are switched off in the hub ({@code keypadControlDisabled}). */
    public void setKeypadControl(boolean allowed) {
        keypadControl = allowed;
    }

    /** Fault: every message is published twice (a QoS 1 redelivery). */
    public void setDuplicates(boolean on) {
        duplicates = on;
    }

    public Duration reconnectWindow() {
        return reconnectWindow;
    }

    public String base() {
        return base;
    }

    public synchronized String lockState() {
        return lockState;
    }

    public synchronized String openerState() {
        return openerState;
    }

    /** Every action word the hub received and did not ignore, in order, as "lock:unlock" or "opener:activateRTO". */
    public List<String> actionsReceived() {
        return List.copyOf(actionsReceived);
    }

    public boolean isOnline() {
        return online;
    }

    // ------------------------------------------------------------------ connection

    private String topic(String path) {
        return base + "/" + path;
    }

    /** Connects with its last will and publishes everything retained. */
    @SuppressWarnings("null") // HiveMQ's fluent builders are typed by wildcards the null analysis cannot follow
    public synchronized CompletableFuture<Void> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the simulated hub is closed"));
        }
        Mqtt3AsyncClient before = client;
        if (before != null) {
            // one connection at a time: two with the same client id would take the session from each other forever
            before.disconnect();
        }
        Mqtt3AsyncClient created = MqttClient.builder().useMqttVersion3()
                .identifier("NH" + Long.toUnsignedString(lockId ^ openerId)).serverHost(host).serverPort(port)
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect().addConnectedListener(context -> {
                    // before any queued message is handled: those count as arriving right after the connect
                    connectedAt = System.nanoTime();
                    timer.execute(this::onConnected);
                }).addDisconnectedListener(context -> online = false).buildAsync();
        created.publishes(MqttGlobalPublishFilter.ALL, message -> timer.execute(() -> onMessage(message)));
        client = created;
        // the broker may hand over what it kept for the hub before the connected listener runs
        connectedAt = System.nanoTime();
        // like Nuki Hub: a persistent session, so the broker keeps commands sent while the hub is away
        return created.connectWith().keepAlive(60).cleanSession(false).willPublish()
                .topic(topic("maintenance/mqttConnectionState")).payload(bytes("offline")).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).applyWillPublish().send().thenAccept(ack -> {
                });
    }

    private void onConnected() {
        Mqtt3AsyncClient current = client;
        if (current == null) {
            return;
        }
        online = true;
        for (String path : List.of("lock/action", "opener/action", "lock/keypad/actionJson")) {
            current.subscribeWith().topicFilter(topic(path)).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        // the window also counts from the "online" a client sees: on a loaded machine the broker may hand over what
        // it kept a while after the connect, and Nuki Hub, which gets it at once, would ignore it
        connectedAt = System.nanoTime();
        retained("maintenance/mqttConnectionState", "online");
        retained("info/nukiHubVersion", VERSION);
        publishAll();
    }

    private synchronized void publishAll() {
        retained("lock/state", lockState);
        retained("lock/doorSensorState", "doorClosed");
        retained("lock/battery/level", "86");
        retained("lock/battery/critical", "0");
        retained("lock/battery/keypadCritical", "0");
        retained("lock/configuration/basicJson", "{\"nukiID\":\"" + Long.toHexString(lockId)
                + "\",\"name\":\"Front door\"," + "\"firmwareVersion\":\"3.9.1\",\"hasKeypadV2\":1}");
        retained("opener/state", openerState);
        retained("opener/continuousMode", "off");
        retained("opener/configuration/basicJson", "{\"nukiID\":\"" + Long.toHexString(openerId)
                + "\",\"name\":\"Intercom\",\"firmwareVersion\":\"1.10.3\"}");
        publishKeypad();
    }

    private void publishKeypad() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (KeypadEntry entry : keypad) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("codeId", entry.codeId());
            listed.put("enabled", entry.enabled() ? 1 : 0);
            listed.put("name", entry.name());
            listed.put("timeLimited", 0);
            entries.add(listed);
        }
        retained("lock/keypad/json", GSON.toJson(entries));
    }

    private void retained(String path, String payload) {
        send(topic(path), payload, true);
    }

    private void reply(String path, String payload) {
        send(topic(path), payload, false);
    }

    private void send(String topic, String payload, boolean retain) {
        Mqtt3AsyncClient current = client;
        if (current == null || !online) {
            return;
        }
        for (int i = 0; i < (duplicates ? 2 : 1); i++) {
            current.publishWith().topic(topic).payload(bytes(payload)).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ commands

    private void onMessage(Mqtt3Publish message) {
        if (!online) {
            return; // going away (a restart, the network dropped): it acts on nothing it could not answer
        }
        String topic = message.getTopic().toString();
        String payload = new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8).trim();
        if (topic.equals(topic("lock/keypad/actionJson"))) {
            onKeypad(payload);
            return;
        }
        boolean opener = topic.equals(topic("opener/action"));
        if (payload.isEmpty() || List.of("--", "ack", "unknown_action", "denied", "error").contains(payload)) {
            return; // its own answers and the reset value
        }
        if (System.nanoTime() - connectedAt < reconnectWindow.toNanos()) {
            return; // queued or retained commands right after a connect are ignored
        }
        String device = opener ? "opener" : "lock";
        actionsReceived.add(device + ":" + payload);
        String word = payload.substring(0, 1).toLowerCase(Locale.ROOT) + payload.substring(1);
        List<String> steps = opener ? openerSteps(word) : lockSteps(word);
        if (steps == null) {
            reply(device + "/action", "unknown_action");
            return;
        }
        String refusal = refuseActionsWith;
        if (refusal != null) {
            reply(device + "/action", refusal);
            return;
        }
        reply(device + "/action", "ack");
        retained(device + "/commandResult", "success");
        long delay = 0;
        for (String state : steps) {
            delay += stepDelay.toMillis();
            timer.schedule(() -> {
                synchronized (this) {
                    if (opener) {
                        openerState = state;
                    } else {
                        lockState = state;
                    }
                }
                retained(device + "/state", state);
            }, delay, TimeUnit.MILLISECONDS);
        }
        timer.schedule(() -> {
            retained(device + "/completionStatus", "success");
            reported(device, word, "system", HUB_AUTHORIZATION);
        }, delay, TimeUnit.MILLISECONDS);
        if ("activateCM".equals(word) || "deactivateCM".equals(word)) {
            timer.schedule(() -> retained("opener/continuousMode", "activateCM".equals(word) ? "on" : "off"), delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** What the hub publishes once the device settled and it read the log: the action, its trigger, who. */
    private void reported(String device, String word, String trigger, String who) {
        retained(device + "/lastLockAction", word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        retained(device + "/trigger", trigger);
        retained(device + "/authorizationId", String.valueOf(Math.abs(who.hashCode() % 1000)));
        retained(device + "/authorizationName", who);
    }

    /** Someone turns the lock by its key or knob: the new state word at once, trigger {@code manual}. */
    public void turnLockByHand(String state) {
        timer.execute(() -> {
            synchronized (this) {
                lockState = state;
            }
            retained("lock/state", state);
            retained("lock/trigger", "manual");
        });
    }

    /**
     * Someone else moves the lock (the app, a keypad code): its states, then the name the lock's log gives, as Nuki
     * Hub publishes them.
     */
    public void operateLock(String user, String word) {
        timer.execute(() -> {
            List<String> steps = lockSteps(word);
            if (steps == null) {
                return;
            }
            long delay = 0;
            for (String state : steps) {
                delay += stepDelay.toMillis();
                timer.schedule(() -> {
                    synchronized (this) {
                        lockState = state;
                    }
                    retained("lock/state", state);
                }, delay, TimeUnit.MILLISECONDS);
            }
            timer.schedule(() -> reported("lock", word, "system", user), delay, TimeUnit.MILLISECONDS);
        });
    }

    private synchronized @Nullable List<String> lockSteps(String word) {
        return switch (word) {
            case "unlock" -> List.of("unlocking", "unlocked");
            case "lock", "fullLock" -> List.of("locking", "locked");
            case "unlatch" -> List.of("unlatching", "unlatched", "unlocked");
            case "lockNgo" -> List.of("unlocking", "unlockedLnga", "locking", "locked");
            case "lockNgoUnlatch" -> List.of("unlatching", "unlatched", "unlockedLnga", "locking", "locked");
            default -> null;
        };
    }

    private synchronized @Nullable List<String> openerSteps(String word) {
        String after = openerState;
        return switch (word) {
            case "activateRTO", "activateCM" -> List.of("RTOactive");
            case "deactivateRTO", "deactivateCM" -> List.of("locked");
            case "electricStrikeActuation" -> List.of("opening", "open", "opening".equals(after) ? "locked" : after);
            default -> null;
        };
    }

    /**
     * The doorbell rings: {@code ring} (or {@code ringlocked} while ring to open is off), {@code standby} after 2 s.
     */
    public void ring() {
        timer.execute(() -> {
            retained("opener/ring", "RTOactive".equals(openerState()) ? "ring" : "ringlocked");
            timer.schedule(() -> retained("opener/ring", "standby"), 2, TimeUnit.SECONDS);
        });
    }

    private void onKeypad(String payload) {
        if ("--".equals(payload) || payload.isEmpty()) {
            return;
        }
        String result;
        if (!keypadControl) {
            result = "keypadControlDisabled";
        } else {
            try {
                JsonObject command = JsonParser.parseString(payload).getAsJsonObject();
                result = keypadCommand(command);
            } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException e) {
                result = "invalidJson";
            }
        }
        reply("lock/keypad/commandResultJson", "{\"general\":\"" + result + "\"}");
        publishKeypad();
    }

    private synchronized String keypadCommand(JsonObject command) {
        String action = command.has("action") ? command.get("action").getAsString() : "";
        switch (action) {
            case "add" -> {
                if (!command.has("name") || command.get("name").getAsString().isBlank()) {
                    return "noNameSet";
                }
                int code = command.has("code") ? command.get("code").getAsInt() : 0;
                if (code <= 100000 || code >= 1000000 || String.valueOf(code).contains("0")) {
                    return "noValidCodeSet";
                }
                if (String.valueOf(code).startsWith("12") || keypad.stream().anyMatch(e -> e.code() == code)) {
                    return "failed"; // the lock refuses it
                }
                String name = command.get("name").getAsString();
                keypad.add(
                        new KeypadEntry(nextCodeId++, name.length() > 20 ? name.substring(0, 20) : name, code, true));
                return "success";
            }
            case "update", "delete" -> {
                int codeId = command.has("codeId") ? command.get("codeId").getAsInt() : 0;
                KeypadEntry entry = keypad.stream().filter(e -> e.codeId() == codeId).findFirst().orElse(null);
                if (entry == null) {
                    return "noExistingCodeIdSet";
                }
                keypad.remove(entry);
                if ("update".equals(action)) {
                    boolean enabled = command.has("enabled") ? command.get("enabled").getAsInt() == 1 : entry.enabled();
                    keypad.add(new KeypadEntry(entry.codeId(), entry.name(), entry.code(), enabled));
                    keypad.sort((a, b) -> Integer.compare(a.codeId(), b.codeId()));
                }
                return "success";
            }
            default -> {
                return action.isEmpty() ? "noActionSet" : "invalidAction";
            }
        }
    }

    // ------------------------------------------------------------------ network faults

    /** The hub drops off the network: the broker publishes its last will ({@code offline}). */
    public void drop() {
        online = false;
        Mqtt3AsyncClient current = client;
        client = null;
        if (current != null) {
            // a hub that vanishes sends no DISCONNECT; the broker's will says it is gone
            gone = current.publishWith().topic(topic("maintenance/mqttConnectionState")).payload(bytes("offline"))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).send()
                    .handle((sent, error) -> current.disconnect().handle((done, failure) -> (Void) null))
                    .thenCompose(disconnected -> disconnected);
        }
    }

    /**
     * The hub restarts: it leaves the broker without its last will (nobody sees it gone) and is back after the given
     * time. The broker keeps what was sent to it meanwhile and delivers it right after the connect, inside the
     * reconnect
     * window, where the hub ignores actions.
     */
    public void restart(Duration away) {
        online = false;
        Mqtt3AsyncClient current = client;
        client = null;
        if (current != null) {
            current.disconnect().whenComplete(
                    (done, error) -> timer.schedule(this::connect, away.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** Comes back: {@code online}, everything republished, actions ignored for the reconnect window. */
    public CompletableFuture<Void> back() {
        // the same client id as before: the old connection must be gone, or the two would take the session in turns
        return gone.thenCompose(done -> connect());
    }

    @Override
    public void close() {
        Mqtt3AsyncClient current;
        synchronized (this) {
            closed = true;
            current = client;
            client = null;
        }
        online = false;
        if (current != null) {
            current.disconnect();
        }
        timer.shutdownNow();
    }
}
