package org.openhab.binding.nuki.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

/**
 * A Nuki Hub (ESP32 firmware 9.15 that replaces the Nuki Bridge) with one smart lock and one opener, on a real broker,
 * as the firmware contract (nuki-hub-firmware-contract.md) describes it: every topic under its base topic at QoS 1;
 * a persistent session with its last will {@code maintenance/mqttConnectionState} {@code offline}; on the first
 * connect after boot its init topics and a first read of each device, on a reconnect only {@code online} and its
 * address; every message arriving within 2 s of a connect dropped, actions within 6 s ignored without a reply.
 * Actions are answered {@code ack}, {@code unknown_action} or {@code denied} on the action topic; then every Bluetooth
 * attempt (up to 4) publishes {@code commandResult}, a failed one {@code retry} with its number, the last one
 * {@code retry failed}; after a success the lock reads its states. Each read publishes
 * {@code query/lockstateCommandResult}, the log's {@code authorizationName} (before the {@code state} it belongs to),
 * the lock's {@code state} (the opener's only when it changed), and what changed. Keypad commands are taken only while
 * keypad control is on and answered with a plain word; the new {@code keypad/json} follows about 5 s later. Its own
 * authorization is named {@value #HUB_AUTHORIZATION}.
 * <p>
 * It reaches the broker through a {@link NetworkPath}, so a network loss is a real one: cut (the broker publishes its
 * last will at once) or silent (the broker publishes it once the keep-alive ran out). Faults: a Bluetooth attempt that
 * a retry fixes, every attempt failing, Bluetooth lost (reads fail too, {@code availability} stays {@code online}),
 * keypad control off (nothing answers), the keypad not published, denied actions, every message twice, a silent
 * restart.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedNukiHub implements AutoCloseable {

    private static final Gson GSON = new Gson();
    /** The name of the hub's own authorization on its devices, as their logs show it (one word). */
    public static final String HUB_AUTHORIZATION = "NukiHub";
    /** The firmware version it says it runs. */
    public static final String VERSION = "9.15";
    /** Bluetooth attempts of one command: the first and 3 retries. */
    public static final int ATTEMPTS = 4;
    private static final long RETRY_PAUSE_MILLIS = 100;
    /** The read after a successful lock action, 10 s after the first. */
    private static final long SECOND_READ_MILLIS = 10_000;

    /** How the hub's Bluetooth link to its devices behaves. */
    public enum Bluetooth {
        /** Every attempt succeeds. */
        OK,
        /** The first attempt of every command times out, the retry succeeds. */
        HICCUP,
        /** Every attempt of every command times out; reads still work. */
        FAILING,
        /** The devices are out of reach: commands and reads time out. */
        LOST
    }

    /** Nuki Hub's "keypad control" setting, as the broker sees it. */
    public enum KeypadControl {
        /** Subscribed to {@code keypad/actionJson}: commands are performed and answered. */
        ON,
        /** Never switched on (Nuki Hub's first-start default): not subscribed, nothing answers. */
        OFF,
        /**
         * Switched off after it was on: the subscription kept in the persistent session still delivers commands,
         * answered {@code keypadControlDisabled}.
         */
        DISABLED
    }

    /** One keypad entry as the hub keeps it (the code never leaves it). */
    private record KeypadEntry(int codeId, String name, int code, boolean enabled) {
    }

    /** The lock or the opener, as the hub knows it; touched on the hub's timer thread only. */
    private final class Device {
        final String path;
        final boolean opener;
        final long id;
        final String label;
        final String firmware;
        volatile String state;
        boolean continuousMode;
        @Nullable
        String publishedState;
        @Nullable
        String lastAction;
        @Nullable
        String trigger;
        @Nullable
        String completion;
        String actor = "";
        boolean firstRead = true;
        boolean busy;
        @Nullable
        String nextAction;
        final List<KeypadEntry> keypad = new ArrayList<>();
        int nextCodeId = 1;
        boolean keypadBusy;

        Device(String path, boolean opener, long id, String label, String firmware) {
            this.path = path;
            this.opener = opener;
            this.id = id;
            this.label = label;
            this.firmware = firmware;
            this.state = "locked";
        }

        String topic(String sub) {
            return path + "/" + sub;
        }
    }

    private final String base;
    private final long lockId;
    private final long openerId;
    private final NetworkPath network;
    private final ScheduledExecutorService timer;
    private final List<String> actionsReceived = new CopyOnWriteArrayList<>();
    private final Device lock;
    private final Device opener;
    /** What it published while away from the broker, sent after the next connect (as espMqttClient does). */
    private final List<Object[]> outbox = new ArrayList<>();

    private volatile Duration stepDelay = Duration.ofMillis(500);
    private volatile Duration dropWindow = Duration.ofSeconds(2);
    private volatile Duration ignoreWindow = Duration.ofSeconds(6);
    private volatile Duration keypadDelay = Duration.ofSeconds(5);
    private volatile Duration keepAlive = Duration.ofSeconds(60);
    private volatile long connectedAt;
    private volatile boolean connected;
    private volatile @Nullable String refuseActionsWith;
    private volatile Bluetooth bluetooth = Bluetooth.OK;
    private volatile KeypadControl keypadControl = KeypadControl.ON;
    private volatile boolean keypadSubscribed;
    private volatile boolean publishKeypad = true;
    private volatile boolean duplicates;
    private volatile @Nullable Mqtt3AsyncClient client;
    private volatile boolean closed;
    /** Until the first connect after (re)boot: it then publishes its init topics and reads its devices. */
    private volatile boolean booting = true;
    private volatile CompletableFuture<@Nullable Void> nextConnect = new CompletableFuture<>();
    /** Counts the hub's boots: what a boot interrupted does not go on after it. */
    private volatile int epoch;

    public SimulatedNukiHub(String base, long lockId, long openerId, String host, int port) {
        this.base = base;
        this.lockId = lockId;
        this.openerId = openerId;
        try {
            this.network = new NetworkPath(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-nuki-hub-" + base);
            thread.setDaemon(true);
            return thread;
        });
        lock = new Device("lock", false, lockId, "Front door", "3.9.1");
        opener = new Device("opener", true, openerId, "Intercom", "1.10.3");
        lock.keypad.add(new KeypadEntry(lock.nextCodeId++, "Cleaner", 345678, true));
        opener.keypad.add(new KeypadEntry(opener.nextCodeId++, "Postman", 456789, true));
        queueBootClears();
    }

    /** The result topics it clears at boot: queued before the first connect. */
    private void queueBootClears() {
        synchronized (outbox) {
            for (Device device : List.of(lock, opener)) {
                for (String cleared : List.of("commandResult", "completionStatus", "configuration/commandResult",
                        "keypad/command/commandResult", "keypad/commandResultJson", "timecontrol/commandResult",
                        "authorization/commandResult", "query/lockstateCommandResult")) {
                    outbox.add(new Object[] { topic(device.topic(cleared)), "", true });
                }
            }
        }
    }

    // ------------------------------------------------------------------ settings and faults

    /** Time a Bluetooth attempt takes, and between two reads while a device moves. */
    public SimulatedNukiHub withStepDelay(Duration delay) {
        this.stepDelay = delay;
        return this;
    }

    /**
     * How long after a connect actions are ignored (Nuki Hub: 6 s); every message within the first third of it is
     * dropped (Nuki Hub: 2 s).
     */
    public SimulatedNukiHub withReconnectWindow(Duration window) {
        this.ignoreWindow = window;
        this.dropWindow = window.dividedBy(3);
        return this;
    }

    /** How long after a keypad change the hub publishes the new {@code keypad/json} (Nuki Hub: about 5 s). */
    public SimulatedNukiHub withKeypadDelay(Duration delay) {
        this.keypadDelay = delay;
        return this;
    }

    /** The keep-alive it connects with (Nuki Hub: 60 s); the broker publishes its will 1.5 times that after silence. */
    public SimulatedNukiHub withKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
        return this;
    }

    /** Fault: every action is answered {@code denied} (null: performed again). */
    public void refuseActionsWith(@Nullable String reply) {
        if (reply != null && !"denied".equals(reply)) {
            throw new IllegalArgumentException("Nuki Hub refuses an action only with denied, not " + reply);
        }
        refuseActionsWith = reply;
    }

    /** Fault: how the Bluetooth link behaves from now on; from {@link Bluetooth#LOST} back, the hub reads at once. */
    public void setBluetooth(Bluetooth mode) {
        onTimer(() -> {
            Bluetooth before = bluetooth;
            bluetooth = mode;
            if (mode == Bluetooth.LOST && before != Bluetooth.LOST) {
                // the next read (a beacon, a query, the half-hourly one) fails
                read(lock);
                read(opener);
            } else if (mode != Bluetooth.LOST && before == Bluetooth.LOST) {
                read(lock);
                read(opener);
            }
        });
    }

    public Bluetooth bluetooth() {
        return bluetooth;
    }

    /** Fault: Nuki Hub's keypad control (code changes) as the broker sees it. */
    public void setKeypadControl(KeypadControl control) {
        onTimer(() -> {
            keypadControl = control;
            subscribeKeypad();
        });
    }

    /** Fault: whether Nuki Hub publishes the keypad ({@code keypad/json}); from off to on it reads it at once. */
    public void setPublishKeypad(boolean on) {
        onTimer(() -> {
            boolean before = publishKeypad;
            publishKeypad = on;
            if (on && !before) {
                publishKeypad(lock);
                publishKeypad(opener);
            }
        });
    }

    /** Fault: every message is published twice (a QoS 1 redelivery). */
    public void setDuplicates(boolean on) {
        duplicates = on;
    }

    public Duration reconnectWindow() {
        return ignoreWindow;
    }

    public String base() {
        return base;
    }

    public String lockState() {
        return lock.state;
    }

    public String openerState() {
        return opener.state;
    }

    /** Every action word the hub received and did not ignore, in order, as "lock:unlock" or "opener:activateRTO". */
    public List<String> actionsReceived() {
        return List.copyOf(actionsReceived);
    }

    /** Connected to the broker, over a network that is up. */
    public boolean isOnline() {
        return connected && network.isUp();
    }

    /** Runs a task on the hub's thread; nothing once the hub is closed. */
    private void onTimer(Runnable task) {
        try {
            timer.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    // ------------------------------------------------------------------ connection

    private String topic(String path) {
        return base + "/" + path;
    }

    /**
     * Connects (a boot: its init topics and a first read follow) with its last will; it reconnects by itself whenever
     * the connection breaks, as long as the network lets it.
     */
    @SuppressWarnings("null") // HiveMQ's fluent builders are typed by wildcards the null analysis cannot follow
    public synchronized CompletableFuture<@Nullable Void> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the simulated hub is closed"));
        }
        Mqtt3AsyncClient before = client;
        if (before != null) {
            // one connection at a time: two with the same client id would take the session from each other forever
            before.disconnect();
        }
        CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
        nextConnect = done;
        Mqtt3AsyncClient created = MqttClient.builder().useMqttVersion3()
                .identifier("NH" + Long.toUnsignedString(lockId ^ openerId)).serverHost(network.host())
                .serverPort(network.port()).automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect().addConnectedListener(context -> {
                    // the CONNACK: the windows count from here
                    connectedAt = System.nanoTime();
                    onTimer(this::onConnected);
                }).addDisconnectedListener(context -> connected = false).buildAsync();
        created.publishes(MqttGlobalPublishFilter.ALL, message -> {
            // stamped on arrival: what the broker hands over right after the connect counts as arriving then
            long arrived = System.nanoTime();
            onTimer(() -> onMessage(message, arrived));
        });
        client = created;
        // the broker may hand over what it kept for the hub before the connected listener runs
        connectedAt = System.nanoTime();
        // like Nuki Hub: a persistent session, so the broker keeps commands sent while the hub is away
        created.connectWith().keepAlive((int) Math.max(1, keepAlive.toSeconds())).cleanSession(false).willPublish()
                .topic(topic("maintenance/mqttConnectionState")).payload(bytes("offline")).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).applyWillPublish().send().whenComplete((ack, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    }
                });
        return done;
    }

    private void onConnected() {
        Mqtt3AsyncClient current = client;
        if (current == null || closed) {
            return;
        }
        connected = true;
        boolean boot = booting;
        booting = false;
        if (boot) {
            for (Device device : List.of(lock, opener)) {
                retained(device.topic("action"), "--");
                retained(device.topic("keypad/actionJson"), "--");
                retained(device.topic("retry"), "0");
                retained(device.topic("query/lockstate"), "0");
            }
        }
        for (String path : List.of("lock/action", "opener/action", "lock/query/lockstate", "opener/query/lockstate")) {
            current.subscribeWith().topicFilter(topic(path)).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        keypadSubscribed = false;
        subscribeKeypad();
        retained("maintenance/mqttConnectionState", "online");
        retained("info/nukiHubIp", "127.0.0.1");
        List<Object[]> queued;
        synchronized (outbox) {
            queued = new ArrayList<>(outbox);
            outbox.clear();
        }
        for (Object[] message : queued) {
            send((String) message[0], (String) message[1], (Boolean) message[2]);
        }
        if (boot) {
            retained("info/nukiHubVersion", VERSION);
            for (Device device : List.of(lock, opener)) {
                retained(device.topic("configuration/basicJson"), basicJson(device));
                retained(device.topic("info/firmwareVersion"), device.firmware);
                read(device);
                publishKeypad(device);
            }
        }
        nextConnect.complete(null);
    }

    /** Keypad control on or disabled after being on: the hub's session holds the subscription; off: it does not. */
    private void subscribeKeypad() {
        Mqtt3AsyncClient current = client;
        if (current == null || !connected) {
            return;
        }
        boolean wanted = keypadControl != KeypadControl.OFF;
        if (wanted == keypadSubscribed) {
            return;
        }
        keypadSubscribed = wanted;
        for (String path : List.of("lock/keypad/actionJson", "opener/keypad/actionJson")) {
            if (wanted) {
                current.subscribeWith().topicFilter(topic(path)).qos(MqttQos.AT_LEAST_ONCE).send();
            } else {
                current.unsubscribeWith().topicFilter(topic(path)).send();
            }
        }
    }

    private String basicJson(Device device) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nukiID", Long.toHexString(device.id));
        json.put("name", device.label);
        json.put("firmwareVersion", device.firmware);
        json.put("hardwareVersion", device.opener ? "7.2" : "5.1");
        if (!device.opener) {
            json.put("deviceType", "smartlock3");
            json.put("hasKeypadV2", 1);
        }
        return GSON.toJson(json);
    }

    private void retained(String path, String payload) {
        send(topic(path), payload, true);
    }

    private void reply(String path, String payload) {
        send(topic(path), payload, false);
    }

    private void send(String topic, String payload, boolean retain) {
        Mqtt3AsyncClient current = client;
        if (current == null || !connected || closed) {
            synchronized (outbox) {
                outbox.add(new Object[] { topic, payload, retain });
            }
            return;
        }
        for (int i = 0; i < (duplicates ? 2 : 1); i++) {
            current.publishWith().topic(topic).payload(bytes(payload)).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ reads

    /** One read of a device's state over Bluetooth, published as Nuki Hub publishes it. */
    private void read(Device device) {
        if (closed) {
            return;
        }
        if (bluetooth == Bluetooth.LOST) {
            // a failed read keeps the last state; availability stays online
            retained(device.topic("query/lockstateCommandResult"), "timeOut");
            return;
        }
        retained(device.topic("query/lockstateCommandResult"), "success");
        String state = device.state;
        if (!device.opener && ("locked".equals(state) || "unlocked".equals(state)) && !device.actor.isEmpty()) {
            // the log, read before the state is published: its name belongs to the state that follows
            retained(device.topic("authorizationId"), String.valueOf(Math.abs(device.actor.hashCode() % 1000)));
            retained(device.topic("authorizationName"), device.actor);
        } else if (device.opener && !device.actor.isEmpty()) {
            retained(device.topic("authorizationId"), String.valueOf(Math.abs(device.actor.hashCode() % 1000)));
            retained(device.topic("authorizationName"), device.actor);
        }
        if (!device.opener || device.firstRead || !state.equals(device.publishedState)) {
            retained(device.topic("state"), state);
            device.publishedState = state;
        }
        if (device.opener) {
            retained(device.topic("continuousMode"), device.continuousMode ? "on" : "off");
        }
        retained(device.topic("availability"), "online");
        if (device.firstRead) {
            retained(device.topic("trigger"), orElse(device.trigger, "system"));
            retained(device.topic("lastLockAction"), orElse(device.lastAction, "Unknown"));
            retained(device.topic("completionStatus"), orElse(device.completion, "undefined"));
            if (!device.opener) {
                retained(device.topic("doorSensorState"), "doorClosed");
                retained(device.topic("battery/critical"), "0");
                retained(device.topic("battery/charging"), "0");
                retained(device.topic("battery/level"), "86");
                retained(device.topic("battery/keypadCritical"), "0");
                retained(device.topic("battery/doorSensorCritical"), "0");
            }
        }
        device.firstRead = false;
        retained(device.topic("battery/basicJson"),
                device.opener ? "{\"critical\":\"0\",\"keypadCritical\":\"0\"}"
                        : "{\"critical\":\"0\",\"charging\":\"0\",\"level\":86,\"keypadCritical\":\"0\","
                                + "\"doorSensorCritical\":\"0\"}");
    }

    private static String orElse(@Nullable String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    /** A read that shows what changed since the one before: the trigger, the action, how it ended. */
    private void readChanged(Device device, @Nullable String action, @Nullable String trigger,
            @Nullable String completion) {
        read(device);
        if (bluetooth == Bluetooth.LOST) {
            return;
        }
        if (trigger != null && !trigger.equals(device.trigger)) {
            device.trigger = trigger;
            retained(device.topic("trigger"), trigger);
        }
        if (action != null && !action.equals(device.lastAction)) {
            device.lastAction = action;
            retained(device.topic("lastLockAction"), action);
        }
        if (completion != null && !completion.equals(device.completion)) {
            device.completion = completion;
            retained(device.topic("completionStatus"), completion);
        }
    }

    // ------------------------------------------------------------------ commands

    private void onMessage(Mqtt3Publish message, long arrived) {
        if (!connected || closed) {
            return; // going away: it acts on nothing it could not answer
        }
        if (arrived - connectedAt < dropWindow.toNanos()) {
            return; // everything arriving right after the connect is dropped
        }
        String topic = message.getTopic().toString();
        String payload = new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8).trim();
        for (Device device : List.of(lock, opener)) {
            if (topic.equals(topic(device.topic("keypad/actionJson")))) {
                onKeypad(device, payload);
                return;
            }
            if (topic.equals(topic(device.topic("query/lockstate")))) {
                if ("1".equals(payload)) {
                    retained(device.topic("query/lockstate"), "0");
                    read(device);
                }
                return;
            }
            if (topic.equals(topic(device.topic("action")))) {
                onAction(device, payload, arrived);
                return;
            }
        }
    }

    private void onAction(Device device, String payload, long arrived) {
        if (payload.isEmpty() || List.of("--", "ack", "unknown_action", "denied", "error").contains(payload)) {
            return; // its own answers and the reset value
        }
        if (arrived - connectedAt < ignoreWindow.toNanos()) {
            return; // "MQTT recently connected, ignoring lock action": no reply
        }
        String word = payload.substring(0, 1).toLowerCase(Locale.ROOT) + payload.substring(1);
        List<String> steps = steps(device, word);
        if (steps == null) {
            reply(device.topic("action"), "unknown_action");
            return;
        }
        actionsReceived.add(device.path + ":" + payload);
        if (refuseActionsWith != null) {
            reply(device.topic("action"), "denied");
            return;
        }
        reply(device.topic("action"), "ack");
        // one slot: an action acknowledged before the one before it ran replaces it
        device.nextAction = word;
        if (!device.busy) {
            runNext(device);
        }
    }

    private void runNext(Device device) {
        String word = device.nextAction;
        device.nextAction = null;
        if (word == null || closed) {
            device.busy = false;
            return;
        }
        device.busy = true;
        attempt(device, 1, () -> performed(device, word), () -> runNext(device));
    }

    /**
     * One Bluetooth attempt of a command: its {@code commandResult}, then the retry or the end.
     *
     * @param success runs when the device took the command
     * @param after runs when every attempt failed
     */
    private void attempt(Device device, int number, Runnable success, Runnable after) {
        int boot = epoch;
        timer.schedule(() -> {
            if (boot != epoch) {
                return;
            }
            Bluetooth mode = bluetooth;
            boolean fails = mode == Bluetooth.LOST || mode == Bluetooth.FAILING
                    || (mode == Bluetooth.HICCUP && number == 1);
            retained(device.topic("commandResult"), fails ? "timeOut" : "success");
            if (!fails) {
                retained(device.topic("retry"), "--");
                success.run();
            } else if (number < ATTEMPTS) {
                retained(device.topic("retry"), String.valueOf(number));
                timer.schedule(() -> attempt(device, number + 1, success, after), RETRY_PAUSE_MILLIS,
                        TimeUnit.MILLISECONDS);
            } else {
                retained(device.topic("retry"), "failed");
                after.run();
            }
        }, stepDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The device took the command: it moves, and the hub reads it (the lock at once, the opener on its beacon). */
    private void performed(Device device, String word) {
        List<String> steps = steps(device, word);
        if (steps == null) {
            runNext(device);
            return;
        }
        String action = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        move(device, steps, action, "system", HUB_AUTHORIZATION, () -> {
            if ("activateCM".equals(word) || "deactivateCM".equals(word)) {
                device.continuousMode = "activateCM".equals(word);
                read(device);
            }
            runNext(device);
        });
        if (!device.opener) {
            int boot = epoch;
            timer.schedule(() -> {
                if (boot == epoch) {
                    read(device);
                }
            }, SECOND_READ_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The device goes through its states, one read each, stepDelay apart; the last read names who did it. */
    private void move(Device device, List<String> steps, String action, String trigger, String who, Runnable then) {
        long delay = device.opener ? stepDelay.toMillis() : 0;
        int boot = epoch;
        for (int i = 0; i < steps.size(); i++) {
            String state = steps.get(i);
            boolean last = i == steps.size() - 1;
            timer.schedule(() -> {
                if (boot != epoch) {
                    return;
                }
                device.state = state;
                if (last) {
                    device.actor = who;
                }
                readChanged(device, action, trigger, last ? "success" : null);
                if (last) {
                    then.run();
                }
            }, delay, TimeUnit.MILLISECONDS);
            delay += stepDelay.toMillis();
        }
    }

    /** Someone turns the lock by its key or knob: the beacon makes the hub read the new state, trigger manual. */
    public void turnLockByHand(String state) {
        onTimer(() -> {
            lock.state = state;
            readChanged(lock, null, "manual", null);
        });
    }

    /**
     * A press on a fob or the lock's button that has no action assigned: the lock reports it as its last action
     * ({@code FobNoAction}, {@code ButtonNoAction}) with the trigger, and nothing moves.
     */
    public void pressWithoutAction(String lastLockAction, String trigger) {
        onTimer(() -> readChanged(lock, lastLockAction, trigger, null));
    }

    /**
     * Someone else moves the lock (the app, a keypad code): its states, then the name the lock's log gives, as Nuki
     * Hub publishes them.
     */
    public void operateLock(String user, String word) {
        onTimer(() -> {
            List<String> steps = steps(lock, word);
            if (steps != null) {
                move(lock, steps, word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1), "system", user,
                        () -> {
                        });
            }
        });
    }

    private @Nullable List<String> steps(Device device, String word) {
        if (device.opener) {
            String now = device.state;
            return switch (word) {
                case "activateRTO", "activateCM" -> List.of("RTOactive");
                case "deactivateRTO", "deactivateCM" -> List.of("locked");
                case "electricStrikeActuation" -> List.of("opening", "open", "opening".equals(now) ? "locked" : now);
                case "fobAction1", "fobAction2", "fobAction3" -> List.of(now);
                default -> null;
            };
        }
        return switch (word) {
            case "unlock" -> List.of("unlocking", "unlocked");
            case "lock", "fullLock" -> List.of("locking", "locked");
            case "unlatch" -> List.of("unlatching", "unlatched", "unlocked");
            case "lockNgo" -> List.of("unlocking", "unlockedLnga", "locking", "locked");
            case "lockNgoUnlatch" -> List.of("unlatching", "unlatched", "unlockedLnga", "locking", "locked");
            case "fobAction1", "fobAction2", "fobAction3" -> List.of(device.state);
            default -> null;
        };
    }

    /**
     * The doorbell rings: {@code ring} (or {@code ringlocked} while ring to open is off), {@code standby} after 2 s.
     */
    public void ring() {
        onTimer(() -> {
            retained("opener/ring", "RTOactive".equals(opener.state) ? "ring" : "ringlocked");
            retained("opener/binaryRing", "ring");
            timer.schedule(() -> {
                retained("opener/ring", "standby");
                retained("opener/binaryRing", "standby");
            }, 2, TimeUnit.SECONDS);
        });
    }

    // ------------------------------------------------------------------ keypad

    private void publishKeypad(Device device) {
        if (!publishKeypad || bluetooth == Bluetooth.LOST) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (KeypadEntry entry : device.keypad) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("codeId", entry.codeId());
            listed.put("enabled", entry.enabled() ? 1 : 0);
            listed.put("name", entry.name());
            listed.put("dateCreated", "2026-01-10 09:00:00");
            listed.put("lockCount", 0);
            listed.put("timeLimited", 0);
            entries.add(listed);
        }
        retained(device.topic("keypad/json"), GSON.toJson(entries));
    }

    private void onKeypad(Device device, String payload) {
        if ("--".equals(payload) || payload.isEmpty()) {
            return;
        }
        if (keypadControl == KeypadControl.DISABLED) {
            keypadAnswer(device, "keypadControlDisabled", false);
            return;
        }
        if (keypadControl == KeypadControl.OFF || device.keypadBusy) {
            return;
        }
        JsonObject command;
        try {
            JsonElement parsed = JsonParser.parseString(payload);
            if (!parsed.isJsonObject()) {
                keypadAnswer(device, "invalidJson", false);
                return;
            }
            command = parsed.getAsJsonObject();
        } catch (JsonSyntaxException e) {
            keypadAnswer(device, "invalidJson", false);
            return;
        }
        String action = text(command, "action");
        device.keypadBusy = true;
        // an update first re-reads the entries and waits 5 s before it merges
        long wait = "update".equals(action) ? keypadDelay.toMillis() : 0;
        timer.schedule(() -> {
            String check = keypadCheck(device, command, action);
            if (check != null) {
                device.keypadBusy = false;
                keypadAnswer(device, check, false);
                return;
            }
            attempt(device, 1, () -> {
                String result = keypadCommand(device, command, action);
                device.keypadBusy = false;
                keypadAnswer(device, result, true);
            }, () -> {
                device.keypadBusy = false;
                keypadAnswer(device, "timeOut", true);
            });
        }, wait, TimeUnit.MILLISECONDS);
    }

    /**
     * The word answered, the command topic reset, and (after a Bluetooth exchange) the keypad read again ~5 s later.
     */
    private void keypadAnswer(Device device, String word, boolean reread) {
        retained(device.topic("keypad/commandResultJson"), word);
        retained(device.topic("keypad/actionJson"), "--");
        if (reread) {
            timer.schedule(() -> publishKeypad(device), keypadDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String text(JsonObject json, String key) {
        JsonElement element = json.get(key);
        return element == null || !element.isJsonPrimitive() ? "" : element.getAsString();
    }

    private static int number(JsonObject json, String key) {
        try {
            return Integer.parseInt(text(json, key).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What the hub checks before it talks to the lock; null when the command may go. */
    private @Nullable String keypadCheck(Device device, JsonObject command, String action) {
        switch (action) {
            case "add" -> {
                if (text(command, "name").isBlank()) {
                    return "noNameSet";
                }
                if (!command.has("code")) {
                    return "noCodeSet";
                }
                int code = number(command, "code");
                if (code < 100001 || code > 999999 || String.valueOf(code).contains("0")) {
                    return "noValidCodeSet";
                }
                return null;
            }
            case "update", "delete" -> {
                if (!command.has("codeId")) {
                    return "noCodeIdSet";
                }
                int codeId = number(command, "codeId");
                return device.keypad.stream().anyMatch(e -> e.codeId() == codeId) ? null : "noExistingCodeIdSet";
            }
            case "" -> {
                return "noActionSet";
            }
            default -> {
                return "invalidAction";
            }
        }
    }

    /** The lock performs a checked keypad command. */
    private String keypadCommand(Device device, JsonObject command, String action) {
        switch (action) {
            case "add" -> {
                int code = number(command, "code");
                if (String.valueOf(code).startsWith("12") || device.keypad.stream().anyMatch(e -> e.code() == code)) {
                    return "failed"; // the lock refuses it
                }
                String name = text(command, "name");
                device.keypad
                        .add(new KeypadEntry(device.nextCodeId++, name.length() > 20 ? name.substring(0, 20) : name,
                                code, !command.has("enabled") || number(command, "enabled") == 1));
                return "success";
            }
            default -> {
                int codeId = number(command, "codeId");
                KeypadEntry entry = device.keypad.stream().filter(e -> e.codeId() == codeId).findFirst().orElse(null);
                if (entry == null) {
                    return "noExistingCodeIdSet";
                }
                device.keypad.remove(entry);
                if ("update".equals(action)) {
                    boolean enabled = command.has("enabled") ? number(command, "enabled") == 1 : entry.enabled();
                    device.keypad.add(new KeypadEntry(entry.codeId(), entry.name(), entry.code(), enabled));
                    device.keypad.sort((a, b) -> Integer.compare(a.codeId(), b.codeId()));
                }
                return "success";
            }
        }
    }

    // ------------------------------------------------------------------ network faults

    /**
     * The hub's network breaks (Wi-Fi lost, a cable pulled): the broker sees the connection closed and publishes its
     * last will ({@code offline}). The hub tries to reconnect until {@link #back()}.
     */
    public void drop() {
        connected = false;
        network.cut();
    }

    /**
     * The hub's network goes silent (power cut, a router that hangs): the connection is not closed, and the broker
     * publishes the last will only once the hub's keep-alive ran out (1.5 times it).
     */
    public void vanish() {
        connected = false;
        network.silence();
    }

    /**
     * The hub restarts: it leaves the broker without its last will (nobody sees it gone) and is back after the given
     * time, booting: init topics, a first read of each device. The broker keeps what was sent to it meanwhile and
     * delivers it right after the connect, inside the window where the hub drops and ignores it.
     */
    public void restart(Duration away) {
        Mqtt3AsyncClient current;
        synchronized (this) {
            current = client;
            client = null;
        }
        connected = false;
        onTimer(() -> {
            // a reboot: what was under way is gone, and nothing it had not sent goes out
            epoch++;
            booting = true;
            for (Device device : List.of(lock, opener)) {
                device.firstRead = true;
                device.nextAction = null;
                device.busy = false;
                device.keypadBusy = false;
            }
            synchronized (outbox) {
                outbox.clear();
            }
            queueBootClears();
        });
        if (current != null) {
            current.disconnect().whenComplete((done,
                    error) -> onTimer(() -> timer.schedule(this::connect, away.toMillis(), TimeUnit.MILLISECONDS)));
        }
    }

    /** The network is back: the hub reconnects ({@code online}, nothing else republished) within a second. */
    public CompletableFuture<@Nullable Void> back() {
        if (client == null) {
            return connect();
        }
        CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (connected && network.isUp()) {
                return CompletableFuture.completedFuture(null);
            }
            nextConnect = done;
        }
        network.restore();
        return done;
    }

    @Override
    public void close() {
        Mqtt3AsyncClient current;
        synchronized (this) {
            closed = true;
            current = client;
            client = null;
        }
        connected = false;
        if (current != null) {
            current.disconnect();
        }
        timer.shutdownNow();
        network.close();
    }
}
