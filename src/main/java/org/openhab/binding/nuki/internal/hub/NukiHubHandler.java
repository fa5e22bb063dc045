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
package org.openhab.binding.nuki.internal.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.hub.HubCommander;
import org.openhab.binding.nuki.internal.api.hub.HubDeviceState;
import org.openhab.binding.nuki.internal.api.hub.HubIds;
import org.openhab.binding.nuki.internal.api.hub.HubKeypadCodes;
import org.openhab.binding.nuki.internal.api.hub.HubStates;
import org.openhab.binding.nuki.internal.api.hub.HubTopics;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.binding.nuki.internal.api.mqtt.MqttActionException;
import org.openhab.binding.nuki.internal.broker.BrokerBridgeHandler;
import org.openhab.binding.nuki.internal.broker.BrokerConfiguration;
import org.openhab.binding.nuki.internal.broker.NukiMqttConnector;
import org.openhab.binding.nuki.internal.broker.NukiMqttSession;
import org.openhab.binding.nuki.internal.handler.FailureStatus;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.binding.nuki.internal.handler.NukiOpenerHandler;
import org.openhab.binding.nuki.internal.handler.NukiSmartLockHandler;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code nuki:hub} thing: Nuki Hub, an ESP32 that pairs with a lock and an opener over Bluetooth and publishes
 * them under its base topic on the owner's broker. Its status follows the hub's last will
 * ({@code <base>/maintenance/mqttConnectionState}); each device's topics become its thing's state here
 * ({@link #onMessage}); lock actions go out as Nuki Hub's words, one at a time per device ({@link HubCommander}), and
 * keypad codes through the hub, locally ({@link HubKeypadCodes}). It polls nothing.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiHubHandler extends BrokerBridgeHandler {

    /** How long after the broker connection the hub has to say it is there, or after that to show a device. */
    static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);

    private final Logger logger = LoggerFactory.getLogger(NukiHubHandler.class);
    private final Clock clock;
    private final Duration window;
    private volatile Duration patience = DEFAULT_PATIENCE;

    private NukiHubConfiguration config = new NukiHubConfiguration();
    private HubTopics topics = new HubTopics(HubTopics.DEFAULT_BASE);
    private volatile @Nullable Session current;
    /** The device things: at most a smart lock and an opener, as a hub serves at most one of each. */
    private final Map<Boolean, NukiDeviceHandler> things = new ConcurrentHashMap<>();
    private final Map<Object, BiConsumer<Boolean, HubDeviceState>> discoveryListeners = new ConcurrentHashMap<>();
    /** Whether the hub says anything after the broker connection; whether it published its devices after "online". */
    private volatile @Nullable ScheduledFuture<?> silentCheck;
    private volatile @Nullable ScheduledFuture<?> devicesCheck;

    /** What one broker session knows of the hub. */
    private final class Session {
        final HubDevice lock;
        final HubDevice opener;
        final HubKeypadCodes keypad;
        final HubKeypadCodes openerKeypad;
        /** The hub's last will as it last said: true online, false offline, null not yet. */
        volatile @Nullable Boolean hubOnline;
        /** When the hub last said it is online ({@link System#nanoTime()}). */
        volatile long onlineSince;
        /** Whether the next "online" may be an old retained message (openHAB's session just (re)connected). */
        volatile boolean justConnected = true;

        Session(NukiMqttSession session) {
            Duration timeout = Duration.ofSeconds(Math.max(5, config.commandTimeout));
            lock = new HubDevice(false, new HubCommander(session, scheduler, topics.lock("action"), timeout, window));
            opener = new HubDevice(true,
                    new HubCommander(session, scheduler, topics.opener("action"), timeout, window));
            keypad = new HubKeypadCodes(session, topics, false, ZoneId.systemDefault(), scheduler, timeout, window);
            openerKeypad = new HubKeypadCodes(session, topics, true, ZoneId.systemDefault(), scheduler, timeout,
                    window);
        }

        HubDevice device(boolean isOpener) {
            return isOpener ? opener : lock;
        }

        void close(String reason) {
            lock.commander.close(reason);
            opener.commander.close(reason);
        }
    }

    /** The hub's lock or its opener: what it published, and its actions. */
    private record HubDevice(boolean isOpener, HubDeviceState state, HubCommander commander) {
        HubDevice(boolean isOpener, HubCommander commander) {
            this(isOpener, new HubDeviceState(isOpener), commander);
        }
    }

    public NukiHubHandler(Bridge bridge, NukiMqttConnector connector, Clock clock) {
        this(bridge, connector, clock, HubCommander.RECONNECT_WINDOW);
    }

    /** @param window how long the hub ignores actions after it connected (shorter in tests) */
    public NukiHubHandler(Bridge bridge, NukiMqttConnector connector, Clock clock, Duration window) {
        super(bridge, connector);
        this.clock = clock;
        this.window = window;
    }

    /** How long after the broker connection the hub has to say it is there (shorter in tests). */
    public void setPatience(Duration patience) {
        this.patience = patience;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    protected @Nullable String configure() {
        config = getConfigAs(NukiHubConfiguration.class);
        try {
            topics = new HubTopics(config.baseTopic);
        } catch (IllegalArgumentException e) {
            return FailureStatus.text("offline.hub.bad-base-topic", config.baseTopic);
        }
        return null;
    }

    @Override
    protected BrokerConfiguration brokerConfiguration() {
        return config;
    }

    @Override
    protected void subscribe(NukiMqttSession session) {
        Session created = new Session(session);
        current = created;
        created.keypad.start();
        created.openerKeypad.start();
        session.subscribe(topics.all(), this::onMessage);
    }

    @Override
    protected void brokerConnected() {
        Session session = current;
        if (session == null) {
            return;
        }
        session.justConnected = true;
        Boolean online = session.hubOnline;
        if (!Boolean.TRUE.equals(online)) {
            updateStatus(ThingStatus.UNKNOWN, ThingStatusDetail.NONE,
                    FailureStatus.text("unknown.hub.waiting", topics.base(), brokerName()));
        }
        silentCheck = reschedule(silentCheck, () -> {
            Session now = current;
            if (session.equals(now) && session.hubOnline == null && !isDisposed()) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        FailureStatus.text("offline.hub.silent", topics.base(), brokerName()));
            }
        });
    }

    /** Runs the task after the patience, in place of the one scheduled before it (cancelled). */
    private ScheduledFuture<?> reschedule(@Nullable ScheduledFuture<?> before, Runnable task) {
        if (before != null) {
            before.cancel(false);
        }
        return scheduler.schedule(task, patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void closeDevices() {
        for (ScheduledFuture<?> pending : new @Nullable ScheduledFuture<?>[] { silentCheck, devicesCheck }) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
        Session session = current;
        current = null;
        if (session != null) {
            session.close("the Nuki Hub thing was disabled or removed");
        }
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NukiHubDiscoveryService.class);
    }

    // ------------------------------------------------------------------ messages from the hub

    /** A message under the hub's base topic: where Nuki Hub's topics become the things' states. */
    void onMessage(String topic, String payload) {
        Session session = current;
        if (session == null || isDisposed() || !topic.startsWith(topics.base() + "/")) {
            return;
        }
        String path = topic.substring(topics.base().length() + 1);
        if (HubTopics.CONNECTION_STATE.equals(path)) {
            onConnectionState(session, payload.trim());
        } else if ("info/nukiHubVersion".equals(path)) {
            String version = payload.trim();
            if (!version.isEmpty()
                    && !version.equals(getThing().getProperties().get(Thing.PROPERTY_FIRMWARE_VERSION))) {
                updateProperty(Thing.PROPERTY_FIRMWARE_VERSION, version);
            }
        } else if (path.startsWith("lock/")) {
            onDeviceTopic(session, session.lock, path.substring("lock/".length()), payload);
        } else if (path.startsWith("opener/")) {
            onDeviceTopic(session, session.opener, path.substring("opener/".length()), payload);
        }
    }

    private void onConnectionState(Session session, String word) {
        if ("online".equals(word)) {
            boolean live = !session.justConnected;
            session.justConnected = false;
            session.hubOnline = true;
            session.onlineSince = System.nanoTime();
            session.lock.commander.hubOnline(live);
            session.opener.commander.hubOnline(live);
            session.keypad.hubOnline();
            session.openerKeypad.hubOnline();
            logger.debug("Nuki Hub under {} is online", topics.base());
            updateStatus(ThingStatus.ONLINE);
            devicesCheck = reschedule(devicesCheck, () -> checkDevices(session));
        } else if ("offline".equals(word)) {
            session.justConnected = false;
            session.hubOnline = false;
            logger.debug("Nuki Hub under {} is offline (its last will)", topics.base());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    FailureStatus.text("offline.hub.offline", topics.base()));
        }
    }

    /** Says so when the online hub published neither a lock nor an opener: nothing is paired with it. */
    private void checkDevices(Session session) {
        if (!session.equals(current) || !Boolean.TRUE.equals(session.hubOnline) || isDisposed()) {
            return;
        }
        if (!session.lock.state().isPublished() && !session.opener.state().isPublished()) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    FailureStatus.text("online.hub.nothing-paired", topics.base()));
        }
        things.values().forEach(device -> {
            boolean isOpener = device instanceof NukiOpenerHandler;
            if (!session.device(isOpener).state().isPublished()) {
                device.onDeviceOffline(FailureStatus.text(isOpener ? "offline.hub.no-opener" : "offline.hub.no-lock"));
            }
        });
    }

    private void onDeviceTopic(Session session, HubDevice device, String path, String payload) {
        switch (path) {
            case "action" -> {
                device.commander().onReply(payload);
                return;
            }
            case "commandResult" -> {
                device.commander().onResult(payload);
                return;
            }
            case "completionStatus" -> {
                device.commander().onCompletion(payload);
                return;
            }
            case "retry" -> {
                device.commander().onRetry(payload);
                return;
            }
            default -> {
                if (path.startsWith("keypad/")) {
                    return; // the keypad's own subscriptions read these
                }
            }
        }
        HubDeviceState.Change change = device.state().apply(path, payload, clock.instant());
        if ("state".equals(path) || "continuousMode".equals(path)) {
            // every read, changed or not: an action is done when its target state is read
            DeviceState read = device.state().deviceState(0);
            if (read != null) {
                device.commander().onState(read.stateCode());
            }
        }
        NukiDeviceHandler thing = things.get(device.isOpener());
        switch (change) {
            case NONE -> {
            }
            case STATE, AVAILABILITY -> {
                if (thing != null) {
                    hand(device, thing, false);
                }
            }
            case INFO -> {
                discoveryListeners.values().forEach(listener -> listener.accept(device.isOpener(), device.state()));
                if (thing != null) {
                    hand(device, thing, true);
                }
            }
            case ACTION -> {
                if (thing != null) {
                    handActivity(device, thing, true, false);
                }
            }
            case ACTOR -> {
                if (thing != null) {
                    handActivity(device, thing, false, true);
                }
            }
        }
    }

    /**
     * Hands what the hub published of a device to its thing; returns whether there was a state to hand.
     *
     * @param withDetails also name, firmware and the door sensor's battery
     */
    private boolean hand(HubDevice device, NukiDeviceHandler thing, boolean withDetails) {
        // one hand-over at a time per device, each reading the newest state: a thing attached while a message
        // arrives never gets an older state after a newer one
        synchronized (device) {
            return handNewest(device, thing, withDetails);
        }
    }

    /**
     * Hands the device's last action and trigger, and who acted, as the hub published them last, to its thing: one
     * hand-over at a time per device, each reading the newest, so a thing attached while a message arrives never gets
     * an older name after a newer one.
     */
    private void handActivity(HubDevice device, NukiDeviceHandler thing, boolean action, boolean actor) {
        synchronized (device) {
            HubDeviceState state = device.state();
            String lastAction = state.lastAction();
            String trigger = state.trigger();
            if (action) {
                thing.onReportedAction(lastAction == null ? null : HubStates.actionName(lastAction),
                        trigger == null ? null : HubStates.triggerName(trigger));
            }
            String name = state.actor();
            if (actor && name != null) {
                thing.onReportedActor(name);
            }
        }
    }

    private boolean handNewest(HubDevice device, NukiDeviceHandler thing, boolean withDetails) {
        HubDeviceState state = device.state();
        Long thingId = thing.nukiId();
        Long hubId = state.nukiId();
        if (hubId != null && thingId != null && !hubId.equals(thingId)) {
            thing.onDeviceOffline(
                    FailureStatus.text(device.isOpener() ? "offline.hub.other-opener" : "offline.hub.other-lock",
                            NukiId.hex(hubId), NukiId.hex(thingId)));
            return true;
        }
        if (!state.isPublished()) {
            // its retained topics may be on their way: checkDevices says so if they do not come
            return false;
        }
        if (Boolean.FALSE.equals(state.available())) {
            thing.onDeviceOffline(FailureStatus.text("offline.hub.device-unreachable"));
            return true;
        }
        if (Boolean.FALSE.equals(state.reachable())) {
            // the hub's last read failed: it keeps the last state and says availability online all the same
            thing.onDeviceOffline(FailureStatus
                    .text(device.isOpener() ? "offline.hub.opener-unreachable" : "offline.hub.lock-unreachable"));
            return true;
        }
        if (withDetails) {
            if (thing instanceof NukiSmartLockHandler smartLock) {
                smartLock.onMqttDetails(state.name(), state.firmware(), null, null, state.doorSensorCritical());
            } else {
                thing.onReportedDetails(state.name(), state.firmware());
            }
        }
        DeviceState reported = state.deviceState(thingId == null ? 0 : thingId);
        if (reported == null) {
            return false;
        }
        thing.onPushedState(reported);
        return true;
    }

    // ------------------------------------------------------------------ NukiDeviceTransport

    @Override
    public CompletableFuture<?> lockAction(long nukiId, int deviceTypeCode, LockAction action) {
        Session session = current;
        if (session == null || isDisposed()) {
            return CompletableFuture.failedFuture(
                    new MqttActionException(MqttActionException.NO_RESPONSE, "the Nuki Hub thing is not connected"));
        }
        HubDevice device = session.device(action.isOpenerAction());
        return device.commander().send(action).whenComplete((done, error) -> {
            if (error != null) {
                logger.info("Nuki Hub under {}: {}", topics.base(), error.getMessage());
            }
        });
    }

    @Override
    public long parseNukiId(String text) {
        return HubIds.parse(text);
    }

    @Override
    public boolean knowsDevice(long nukiId) {
        Session session = current;
        return session != null && (Long.valueOf(nukiId).equals(session.lock.state().nukiId())
                || Long.valueOf(nukiId).equals(session.opener.state().nukiId()));
    }

    @Override
    public @Nullable KeypadCodes keypadCodes(NukiDeviceHandler device) {
        Session session = current;
        // the hub manages the keypad of its lock and of its opener, each under its own topics
        if (session == null) {
            return null;
        }
        return device instanceof NukiOpenerHandler ? session.openerKeypad : session.keypad;
    }

    @Override
    public boolean attach(NukiDeviceHandler device) {
        Session session = current;
        if (isDisposed() || device.nukiId() == null) {
            return false;
        }
        boolean isOpener = device instanceof NukiOpenerHandler;
        things.put(isOpener, device);
        if (session == null) {
            return false;
        }
        HubDevice served = session.device(isOpener);
        if (!served.state().isPublished() && Boolean.TRUE.equals(session.hubOnline)
                && System.nanoTime() - session.onlineSince > patience.toNanos()) {
            // the hub has been online long enough to have published the device, were it paired
            device.onDeviceOffline(FailureStatus.text(isOpener ? "offline.hub.no-opener" : "offline.hub.no-lock"));
            return true;
        }
        boolean handed = hand(served, device, true);
        if (handed) {
            // what the hub retained of the last action and who acted, published before this thing was there
            HubDeviceState state = served.state();
            handActivity(served, device, state.lastAction() != null || state.trigger() != null, state.actor() != null);
        }
        return handed;
    }

    @Override
    protected void detach(NukiDeviceHandler device) {
        things.remove(device instanceof NukiOpenerHandler, device);
    }

    // ------------------------------------------------------------------ discovery

    /** The base topic the hub publishes under. */
    public String baseTopic() {
        return topics.base();
    }

    /** Whether a thing serves the hub's lock ({@code false}) or opener ({@code true}). */
    public boolean hasDeviceThing(boolean isOpener) {
        return things.containsKey(isOpener);
    }

    /** What the hub published of its lock and its opener, for discovery: (is opener, state). */
    public void forEachDevice(BiConsumer<Boolean, HubDeviceState> action) {
        Session session = current;
        if (session != null) {
            action.accept(false, session.lock.state());
            action.accept(true, session.opener.state());
        }
    }

    /** Tells a listener about the lock or opener whose Nuki id or name becomes known. */
    public void addDiscoveryListener(Object owner, BiConsumer<Boolean, HubDeviceState> listener) {
        discoveryListeners.put(owner, listener);
    }

    public void removeDiscoveryListener(Object owner) {
        discoveryListeners.remove(owner);
    }
}
