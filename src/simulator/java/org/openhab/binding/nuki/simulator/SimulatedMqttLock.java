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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * A simulated Nuki Smart Lock 4 Pro that speaks Nuki's MQTT API to a real broker, as the lock's firmware does (fact
 * sheet nuki-mqtt-api.md): retained state topics (QoS 0) published on every change, intermediate states included;
 * {@code connected} as its last will; {@code lockAction} taken at QoS 2, one action at a time, answered on
 * {@code commandResponse} and announced on {@code lockActionEvent}. Faults: dropping off the network, refusing
 * commands with an error code, "Allow locking" switched off (commands ignored), every message sent twice (a QoS 1
 * redelivery).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedMqttLock implements AutoCloseable {

    public static final int STATE_LOCKED = 1;
    public static final int STATE_UNLOCKING = 2;
    public static final int STATE_UNLOCKED = 3;
    public static final int STATE_LOCKING = 4;
    public static final int STATE_UNLATCHED = 5;
    public static final int STATE_LOCK_N_GO = 6;
    public static final int STATE_UNLATCHING = 7;

    /** Trigger codes of lockActionEvent. */
    public static final int TRIGGER_SYSTEM = 0;
    public static final int TRIGGER_BUTTON = 2;
    public static final int TRIGGER_MQTT = 172;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final long nukiId;
    private final String idText;
    private final String name;
    private final String host;
    private final int port;
    private final ScheduledExecutorService timer;
    private final List<Integer> actionsReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger actionsPerformed = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();

    private volatile Duration stepDelay = Duration.ofMillis(1500);
    private volatile MqttQos retainedQos = MqttQos.AT_MOST_ONCE;
    private volatile Duration lockNGoDelay = Duration.ofSeconds(20);
    private int state = STATE_LOCKED;
    private int doorsensorState = 2;
    private int batteryChargeState = 82;
    private boolean busy;
    private volatile boolean allowLocking = true;
    private volatile int refuseWith;
    private volatile boolean duplicates;
    private volatile boolean online;
    private volatile @Nullable Mqtt3AsyncClient client;

    public SimulatedMqttLock(long nukiId, String name, String host, int port) {
        this.nukiId = nukiId;
        this.idText = String.format(Locale.ROOT, "%08X", nukiId);
        this.name = name;
        this.host = host;
        this.port = port;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-lock-" + idText);
            thread.setDaemon(true);
            return thread;
        });
    }

    // ------------------------------------------------------------------ settings

    /** Time between two states of an action. */
    public SimulatedMqttLock withStepDelay(Duration delay) {
        this.stepDelay = delay;
        return this;
    }

    /**
     * The QoS of the retained state topics. The lock uses 0; a broker may drop retained QoS 0 messages (MQTT 3.1.1
     * 3.3.1.3 allows it, and Moquette, the embedded broker, does), so on such a broker the simulation uses 1.
     */
    public SimulatedMqttLock withRetainedQos(int qos) {
        MqttQos value = MqttQos.fromCode(qos);
        this.retainedQos = value == null ? MqttQos.AT_MOST_ONCE : value;
        return this;
    }

    /** How long lock 'n' go stays unlocked. */
    public SimulatedMqttLock withLockNGoDelay(Duration delay) {
        this.lockNGoDelay = delay;
        return this;
    }

    public long nukiId() {
        return nukiId;
    }

    public String idText() {
        return idText;
    }

    public String name() {
        return name;
    }

    public synchronized int state() {
        return state;
    }

    public synchronized boolean isBusy() {
        return busy;
    }

    /** Every lockAction payload the lock received, in order. */
    public List<Integer> actionsReceived() {
        return List.copyOf(actionsReceived);
    }

    /** Actions the lock carried out to the end. */
    public int actionsPerformed() {
        return actionsPerformed.get();
    }

    public boolean isOnline() {
        return online;
    }

    /** How many times the lock connected to the broker (and published its state). */
    public int connects() {
        return connects.get();
    }

    // ------------------------------------------------------------------ connection

    private String topic(String topicName) {
        return "nuki/" + idText + "/" + topicName;
    }

    /** Connects to the broker, with its last will, and publishes its retained state. */
    @SuppressWarnings("null") // HiveMQ's fluent builders are typed by wildcards the null analysis cannot follow
    public CompletableFuture<Void> connect() {
        Mqtt3AsyncClient created = MqttClient.builder().useMqttVersion3().identifier("Nuki_" + idText).serverHost(host)
                .serverPort(port).automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect()
                .addConnectedListener(context -> timer.execute(this::onConnected))
                .addDisconnectedListener(context -> online = false).buildAsync();
        // one callback for the lock's subscription, however often it reconnects and subscribes again
        created.publishes(MqttGlobalPublishFilter.SUBSCRIBED, message -> timer
                .execute(() -> onLockAction(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8))));
        client = created;
        return created.connectWith().keepAlive(30).cleanSession(true).willPublish().topic(topic("connected"))
                .payload("false".getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .applyWillPublish().send().thenAccept(ack -> {
                });
    }

    private void onConnected() {
        Mqtt3AsyncClient current = client;
        if (current == null) {
            return;
        }
        online = true;
        connects.incrementAndGet();
        if (allowLocking) {
            current.subscribeWith().topicFilter(topic("lockAction")).qos(MqttQos.EXACTLY_ONCE).send();
        }
        publishAll();
    }

    /** Every retained topic, as the lock publishes them when it connects. */
    private void publishAll() {
        retained("deviceType", "4");
        retained("name", name);
        retained("firmware", "4.3.8");
        retained("mode", "2");
        synchronized (this) {
            retained("state", String.valueOf(state));
            retained("doorsensorState", String.valueOf(doorsensorState));
            retained("batteryChargeState", String.valueOf(batteryChargeState));
        }
        retained("batteryCritical", "false");
        retained("batteryCharging", "false");
        retained("keypadBatteryCritical", "false");
        retained("doorsensorBatteryCritical", "false");
        retained("serverConnected", "true");
        retained("timestamp", TIME.format(Instant.now()));
        retained("connected", "true");
    }

    private void retained(String topicName, String payload) {
        send(topic(topicName), payload, retainedQos, true);
    }

    private void control(String topicName, String payload) {
        send(topic(topicName), payload, MqttQos.EXACTLY_ONCE, false);
    }

    private void send(String topic, String payload, MqttQos qos, boolean retain) {
        Mqtt3AsyncClient current = client;
        if (current == null || !online) {
            return;
        }
        int copies = duplicates ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            current.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).retain(retain)
                    .send();
        }
    }

    /** Drops off the network: the broker publishes the last will ({@code connected} false) for it. */
    public void drop() {
        online = false;
        Mqtt3AsyncClient current = client;
        client = null;
        if (current != null) {
            // a lock that vanishes sends no DISCONNECT; the broker's will says it is gone
            current.publishWith().topic(topic("connected")).payload("false".getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).send().whenComplete((sent, error) -> current.disconnect());
        }
    }

    /** Comes back on the network and republishes its state. */
    public CompletableFuture<Void> back() {
        return connect();
    }

    @Override
    public void close() {
        Mqtt3AsyncClient current = client;
        client = null;
        online = false;
        if (current != null) {
            current.disconnect();
        }
        timer.shutdownNow();
    }

    // ------------------------------------------------------------------ faults

    /** "Allow locking" in the app: when off, the lock does not take commands at all (applies at the next connect). */
    public void setAllowLocking(boolean allow) {
        allowLocking = allow;
        Mqtt3AsyncClient current = client;
        if (!allow && current != null) {
            current.unsubscribeWith().topicFilter(topic("lockAction")).send();
        } else if (allow && current != null && online) {
            timer.execute(this::onConnected);
        }
    }

    /** Answers every command with this error code (0: performs them again). */
    public void refuseWith(int code) {
        refuseWith = code;
    }

    /** Sends every message twice, as a QoS 1 redelivery does. */
    public void setDuplicates(boolean on) {
        duplicates = on;
    }

    // ------------------------------------------------------------------ actions

    private void onLockAction(String payload) {
        int action;
        try {
            action = Integer.parseInt(payload.trim());
        } catch (NumberFormatException e) {
            control("commandResponse", "35");
            return;
        }
        actionsReceived.add(action);
        if (!allowLocking) {
            return;
        }
        if (refuseWith != 0) {
            control("commandResponse", String.valueOf(refuseWith));
            return;
        }
        if (action < 1 || action > 6) {
            control("commandResponse", "35");
            return;
        }
        synchronized (this) {
            if (busy) {
                control("commandResponse", "69");
                return;
            }
            busy = true;
        }
        control("lockActionEvent", action + "," + TRIGGER_MQTT + ",0,0,0");
        control("commandResponse", "0");
        run(action, steps(action));
    }

    /** The states an action passes through, with the time before each. */
    private List<int[]> steps(int action) {
        long step = stepDelay.toMillis();
        List<int[]> steps = new ArrayList<>();
        switch (action) {
            case 1 -> {
                steps.add(new int[] { STATE_UNLOCKING, 0 });
                steps.add(new int[] { STATE_UNLOCKED, (int) step });
            }
            case 2, 6 -> {
                steps.add(new int[] { STATE_LOCKING, 0 });
                steps.add(new int[] { STATE_LOCKED, (int) step });
            }
            case 3 -> {
                steps.add(new int[] { STATE_UNLATCHING, 0 });
                steps.add(new int[] { STATE_UNLATCHED, (int) step });
                steps.add(new int[] { STATE_UNLOCKED, (int) step });
            }
            case 4, 5 -> {
                if (action == 5) {
                    steps.add(new int[] { STATE_UNLATCHING, 0 });
                    steps.add(new int[] { STATE_UNLATCHED, (int) step });
                } else {
                    steps.add(new int[] { STATE_UNLOCKING, 0 });
                }
                steps.add(new int[] { STATE_LOCK_N_GO, (int) step });
                steps.add(new int[] { STATE_LOCKING, (int) lockNGoDelay.toMillis() });
                steps.add(new int[] { STATE_LOCKED, (int) step });
            }
            default -> throw new IllegalArgumentException("action " + action);
        }
        return steps;
    }

    private void run(int action, List<int[]> steps) {
        long at = 0;
        for (int i = 0; i < steps.size(); i++) {
            int[] step = steps.get(i);
            at += step[1];
            boolean last = i == steps.size() - 1;
            timer.schedule(() -> {
                setState(step[0]);
                if (last) {
                    synchronized (this) {
                        busy = false;
                    }
                    actionsPerformed.incrementAndGet();
                }
            }, at, TimeUnit.MILLISECONDS);
        }
    }

    private void setState(int newState) {
        synchronized (this) {
            state = newState;
        }
        retained("state", String.valueOf(newState));
        retained("timestamp", TIME.format(Instant.now()));
    }

    // ------------------------------------------------------------------ by hand

    /** Someone turns the lock by its key or thumb turn: a new state, no lockActionEvent. */
    public void turnByHand(int newState) {
        timer.execute(() -> setState(newState));
    }

    /** The button is pressed {@code presses} times: once toggles lock and unlock; more presses start no action here. */
    public void pressButton(int presses) {
        timer.execute(() -> {
            if (presses == 1) {
                int action;
                synchronized (this) {
                    action = state == STATE_LOCKED ? 1 : 2;
                }
                control("lockActionEvent", action + "," + TRIGGER_BUTTON + ",0,0,1");
                run(action, steps(action));
            } else {
                control("lockActionEvent", "90," + TRIGGER_BUTTON + ",0,0," + presses);
            }
        });
    }

    /** A user's Nuki app (over Bluetooth: trigger system) starts an action, under the app's authorization id. */
    public void app(int action, long authId) {
        timer.execute(() -> {
            control("lockActionEvent", action + "," + TRIGGER_SYSTEM + "," + authId + ",0,0");
            run(action, steps(action));
        });
    }

    /** A keypad code (context 1) or a fingerprint (context 2) starts an action. */
    public void keypad(int action, long authId, int codeId, boolean fingerprint) {
        timer.execute(() -> {
            control("lockActionEvent",
                    action + "," + TRIGGER_SYSTEM + "," + authId + "," + codeId + "," + (fingerprint ? 2 : 1));
            run(action, steps(action));
        });
    }

    /** The door sensor reports the door opened (3) or closed (2). */
    public void door(boolean open) {
        timer.execute(() -> {
            synchronized (this) {
                doorsensorState = open ? 3 : 2;
            }
            retained("doorsensorState", open ? "3" : "2");
        });
    }

    /** The battery charge changes. */
    public void battery(int percent) {
        timer.execute(() -> {
            synchronized (this) {
                batteryChargeState = percent;
            }
            retained("batteryChargeState", String.valueOf(percent));
        });
    }
}
