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
package org.openhab.binding.nuki.internal.handler;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.account.AccountDevice;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.api.client.NukiApiException;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.binding.nuki.internal.config.NukiDeviceConfiguration;
import org.openhab.binding.nuki.internal.handler.DoorGate.Switches;
import org.openhab.binding.nuki.internal.handler.DoorGate.Verdict;
import org.openhab.binding.nuki.internal.handler.TransitionalWatch.Request;
import org.openhab.binding.nuki.internal.handler.TransitionalWatch.Start;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What smart locks and openers share: the device's id, its state from the bridge (never from {@code /lockState}),
 * channel updates, the {@code unlatch-allowed} and {@code unlock-allowed} switches, and {@link #perform}, the one way
 * any lock action reaches the device, through the {@link DoorGate}: it refuses every action that opens the door or
 * arms the opener while unlatching is not allowed, and every action that unlocks, opens or arms while unlocking is not
 * allowed, without contacting the device.
 *
 * <p>
 * Every input of the thing (a channel command, a pushed or polled state, an action's answer or failure, a timer, a
 * name from the account or the hub, a configuration change, dispose) is posted onto the device's {@link DeviceLane}
 * and handled there, one at a time, in arrival order; the state machines ({@link ReportOrder}, {@link OpeningEvents},
 * {@link Attribution}, {@link TransitionalWatch}) and every field below are read and written on the lane only, so
 * nothing here takes a lock. What other threads read (the switches, whether an action is under way, the counters) is
 * kept in atomics written on the lane.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class NukiDeviceHandler extends BaseThingHandler {

    /** How long after an action of openHAB's a change it passes through or ends in is taken for its result. */
    protected static final Duration OWN_ACTION_GRACE = Duration.ofSeconds(30);

    private final Logger logger = LoggerFactory.getLogger(NukiDeviceHandler.class);
    private final UnlatchAllowedStore unlatchAllowedStore;
    private final NukiAccounts accounts;
    protected final Clock clock;
    private final DeviceLane lane;

    // what other threads read; written on the lane
    private final AtomicBoolean unlatchAllowed = new AtomicBoolean(true);
    private final AtomicBoolean unlockAllowed = new AtomicBoolean(true);
    private final AtomicInteger actionsUnderWay = new AtomicInteger();
    private final ActionCounters counters = new ActionCounters();

    // the lane's own
    private @Nullable Long nukiId;
    private int deviceTypeCode;
    private boolean configuredUnlatchAllowed = true;
    private boolean configuredUnlockAllowed = true;
    /** The channel states last published, for REFRESH. */
    private final Map<String, State> published = new HashMap<>();
    private final ReportOrder reports = new ReportOrder();
    private final OpeningEvents openings = new OpeningEvents();
    private final Attribution attribution = new Attribution();
    private final TransitionalWatch watch = new TransitionalWatch();
    private @Nullable ScheduledFuture<?> stuckCheck;
    /** How long a reported transitional state may last before the transport is asked for the device's state. */
    protected Duration transitionalTimeout = Duration.ofSeconds(30);
    private final DeviceKeypad keypad;
    private final Attribution.OwnActions ownActions = new Attribution.OwnActions() {
        @Override
        public boolean explains(LockAction action, DeviceState state) {
            return ownActionExplains(action, state);
        }

        @Override
        public boolean ends(LockAction action, DeviceState state) {
            return endsOwnAction(action, state);
        }

        @Override
        public Duration grace(LockAction action) {
            return ownActionGrace(action);
        }
    };

    protected NukiDeviceHandler(Thing thing, UnlatchAllowedStore unlatchAllowedStore, NukiAccounts accounts,
            Clock clock) {
        super(thing);
        this.unlatchAllowedStore = unlatchAllowedStore;
        this.accounts = accounts;
        this.clock = clock;
        this.lane = new DeviceLane(scheduler, (task, error) -> logger.warn("Handling {} of {} failed: {}", task,
                thing.getUID(), error.getMessage(), error));
        this.keypad = new DeviceKeypad(() -> getThing().getUID().getAsString(), this::account, this::hubKeypadCodes,
                this::triggerChannel);
    }

    // ------------------------------------------------------------------ the lane

    /** Handles an input on the device's lane, after every input that arrived before it. */
    protected final void onLane(String what, Runnable task) {
        lane.post(what, task);
    }

    /** Computes an answer on the device's lane, after every input that arrived before it. */
    protected final <T> CompletableFuture<T> callOnLane(String what, Supplier<CompletableFuture<T>> task) {
        return lane.call(what, task);
    }

    /**
     * Completes once every input that arrived before this call was handled (for tests and benchmarks, which look at
     * the channels once the thing had its turn).
     */
    public CompletableFuture<@Nullable Void> settled() {
        return callOnLane("settle", () -> CompletableFuture.completedFuture(null));
    }

    /** Inputs posted and not handled yet (0: the thing is idle). */
    int inputsWaiting() {
        return lane.waiting();
    }

    /** The time the state machines count in. */
    private static long now() {
        return System.nanoTime();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void initialize() {
        onLane("initialize", this::initializeOnLane);
    }

    private void initializeOnLane() {
        NukiDeviceConfiguration config = getConfigAs(NukiDeviceConfiguration.class);
        reports.reset();
        openings.reset();
        published.clear();
        stopWatchingTransitional();
        try {
            nukiId = parseNukiId(config.nukiId);
        } catch (IllegalArgumentException e) {
            nukiId = null;
            accounts.deviceThing(thing.getUID(), null);
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.device.bad-id", config.nukiId));
            return;
        }
        configuredUnlatchAllowed = config.unlatchAllowed;
        keypad.setSource(config.keypadSource);
        transitionalTimeout = Duration.ofSeconds(Math.max(1, config.transitionalStateTimeout));
        unlatchAllowed.set(unlatchAllowedStore.load(thing.getUID().getAsString(), configuredUnlatchAllowed));
        configuredUnlockAllowed = config.unlockAllowed;
        unlockAllowed.set(unlatchAllowedStore.load(UnlatchAllowedStore.unlockAllowedKey(thing.getUID().getAsString()),
                configuredUnlockAllowed));
        initializeDevice();
        accounts.deviceThing(thing.getUID(), nukiId);
        attribution.reset();
        publish(CHANNEL_LAST_ACTION_USER, UnDefType.UNDEF);
        publish(CHANNEL_UNLATCH_ALLOWED, OnOffType.from(unlatchAllowed.get()));
        publish(CHANNEL_UNLOCK_ALLOWED, OnOffType.from(unlockAllowed.get()));
        Bridge bridge = getBridge();
        if (bridge == null || !(bridge.getHandler() instanceof NukiDeviceTransport transport)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_UNINITIALIZED,
                    FailureStatus.text("offline.device.no-bridge"));
        } else if (bridge.getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        } else {
            updateStatus(ThingStatus.UNKNOWN);
            // a configuration change re-initializes the handler without telling the bridge (openHAB calls
            // childHandlerInitialized only for a new handler): the bridge's cached entry brings it back at once
            scheduler.execute(() -> transport.attach(this));
        }
    }

    /** Reads the device kind's own configuration (on the lane). */
    protected abstract void initializeDevice();

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        onLane("bridge status", () -> {
            if (nukiId == null) {
                return;
            }
            if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
                NukiDeviceTransport transport = transport();
                // the transport hands what it knows through the lane, after this
                if (transport == null || !transport.attach(this)) {
                    updateStatus(ThingStatus.UNKNOWN);
                }
            } else {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            }
        });
    }

    @Override
    public void dispose() {
        onLane("dispose", () -> {
            stopWatchingTransitional();
            accounts.deviceThingGone(thing.getUID());
        });
    }

    // ------------------------------------------------------------------ state from the transport

    /**
     * The device's id, or null when the configuration has none that can be read. Transports ask from their own
     * threads: it is read from the thing's configuration, not from the lane.
     */
    public @Nullable Long nukiId() {
        Object configured = getThing().getConfiguration().get("nukiId");
        if (configured == null) {
            return null;
        }
        try {
            return parseNukiId(configured.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads a configured id as the thing's transport shows ids (under Nuki Hub: hexadecimal, even when all digits).
     *
     * @throws IllegalArgumentException when it is no id
     */
    private long parseNukiId(String text) {
        NukiDeviceTransport transport = transport();
        return transport != null ? transport.parseNukiId(text) : NukiId.parse(text);
    }

    private long nukiIdOrZero() {
        Long id = nukiId;
        return id == null ? 0 : id;
    }

    /**
     * The device's entry in the bridge's /list.
     *
     * @param requestedAtNanos when the poll was asked for ({@link System#nanoTime()}); a state reported since then
     *            is kept
     * @return completes, once the entry was handled on the lane, with whether it shows a change the bridge should
     *         have pushed and did not (evidence that callbacks are lost)
     */
    public CompletableFuture<Boolean> onBridgeEntry(ListEntryDto entry, long requestedAtNanos) {
        return callOnLane("bridge entry",
                () -> CompletableFuture.completedFuture(bridgeEntryOnLane(entry, requestedAtNanos)));
    }

    private boolean bridgeEntryOnLane(ListEntryDto entry, long requestedAtNanos) {
        DeviceType type = DeviceType.of(entry.deviceType);
        if (!acceptsType(type)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text(type.isOpener() ? "offline.device.is-opener" : "offline.device.is-smartlock"));
            return false;
        }
        Integer code = entry.deviceType;
        deviceTypeCode = code == null ? 0 : code;
        Map<String, String> properties = new HashMap<>();
        if (entry.name != null && !entry.name.isBlank()) {
            properties.put(PROPERTY_NAME, entry.name);
        }
        if (entry.firmwareVersion != null) {
            properties.put(Thing.PROPERTY_FIRMWARE_VERSION, entry.firmwareVersion);
        }
        properties.put(PROPERTY_DEVICE_TYPE, String.valueOf(deviceTypeCode));
        updateProperties(properties);
        if (type == DeviceType.UNKNOWN) {
            unknownType(deviceTypeCode);
        }
        DeviceStateDto stateDto = entry.lastKnownState;
        DeviceState state = stateDto == null ? null : DeviceState.of(nukiIdOrZero(), entry.deviceType, stateDto);
        if (getThing().getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.ONLINE);
        }
        if (state == null) {
            if (reports.last() == null) {
                publishUnknown();
            }
            return false;
        }
        ReportOrder.Outcome outcome = reports.polled(state, requestedAtNanos);
        switch (outcome.kind()) {
            case KEPT -> logger.trace("Poll for {} asked for before the last report; keeping that report's state",
                    thing.getUID());
            case TAKEN ->
                logger.trace("Poll for {} from before its action ended; keeping the action's state", thing.getUID());
            default -> {
                // a poll does not end the echo of an opening the binding told: pushes sent before its answer may
                // still be on their way
                show(state, outcome.previous());
            }
        }
        return outcome.unpushed();
    }

    /** Hook for a device type the binding does not know (on the lane). */
    protected void unknownType(int code) {
    }

    /** A callback: the bridge pushed the device's new state. */
    public void onCallbackState(DeviceStateDto body) {
        long arrivedAt = now();
        onLane("callback", () -> {
            Integer type = body.deviceType != null ? body.deviceType : deviceTypeCode;
            DeviceState state = DeviceState.of(nukiIdOrZero(), type, body);
            if (state == null) {
                logger.debug("Callback without a state for Nuki device {}", nukiId);
                return;
            }
            pushedOnLane(state, arrivedAt);
        });
    }

    /**
     * A state the device's transport pushed: a Nuki Bridge's callback, a bridge-less lock's own MQTT topics or Nuki
     * Hub's (which include every intermediate state).
     */
    public void onPushedState(DeviceState state) {
        long arrivedAt = now();
        onLane("pushed state", () -> pushedOnLane(state, arrivedAt));
    }

    /** A pushed state, as new as when it arrived. */
    private void pushedOnLane(DeviceState state, long arrivedAt) {
        if (!acceptsType(state.deviceType())) {
            logger.debug("State for Nuki device {} of type {}, which this thing does not serve", nukiId,
                    state.deviceType());
            return;
        }
        deviceTypeCode = state.deviceType().code();
        Bridge bridge = getBridge();
        if (getThing().getStatus() != ThingStatus.ONLINE && bridge != null
                && bridge.getStatus() == ThingStatus.ONLINE) {
            updateStatus(ThingStatus.ONLINE);
        }
        ReportOrder.Outcome outcome = reports.pushed(state, arrivedAt);
        if (!outcome.shown()) {
            logger.debug("{} pushed state {} from before its last action ended; the action's answer is newer",
                    thing.getUID(), state.stateCode());
            return;
        }
        openings.pushed(isOpeningState(state));
        show(state, outcome.previous());
    }

    /** The device's transport lost it (a bridge-less lock's last will), with a status text that says so. */
    public void onDeviceOffline(String description) {
        onLane("device offline",
                () -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, description));
    }

    /** The bridge no longer lists the device. */
    public void onMissingFromBridge() {
        onLane("missing from the bridge", () -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.GONE,
                FailureStatus.text("offline.device.not-paired", NukiId.hex(nukiIdOrZero()))));
    }

    /** Shows the newest reported state: the transitional watch, channel states and events, who changed it. */
    private void show(DeviceState state, @Nullable DeviceState previous) {
        watchTransitional(state);
        publishState(state, previous);
        nameWhoChanged(previous, state);
    }

    // ------------------------------------------------------------------ who moved the device

    /** The Nuki Web account that knows this device, or null (then {@code last-action-user} stays UNDEF). */
    protected @Nullable AccountDevice account() {
        Long id = nukiId();
        return id == null ? null : accounts.find(id, isOpener());
    }

    /** The keypad codes the device's transport manages itself (Nuki Hub), or null. */
    private @Nullable KeypadCodes hubKeypadCodes() {
        NukiDeviceTransport transport = transport();
        return transport == null ? null : transport.keypadCodes(this);
    }

    /** The device's keypad codes (through Nuki Hub or a Nuki Web account) and activity log (the account's). */
    public DeviceKeypad keypad() {
        return keypad;
    }

    /** Whether this thing is an opener (the account lists an opener under its own Web id). */
    protected abstract boolean isOpener();

    /**
     * A reported change that no one named: over a transport that does not report who acts (a Nuki Bridge), one read
     * of the account's activity log names who did, unless openHAB's own action explains the change.
     */
    private void nameWhoChanged(@Nullable DeviceState previous, DeviceState state) {
        if (previous == null || previous.stateCode() == state.stateCode()) {
            return;
        }
        Set<Integer> actions = logActionsEndingIn(previous, state);
        if (actions.isEmpty() || attribution.explains(state, reports.inFlight(), now(), ownActions)) {
            return;
        }
        NukiDeviceTransport transport = transport();
        if (transport == null || transport.reportsWhoActed()) {
            return;
        }
        AccountDevice account = account();
        if (account == null) {
            return;
        }
        int change = attribution.next();
        logger.debug("{} changed from {} to {}, not by openHAB (its last action {}): asking the log who did it",
                thing.getUID(), previous.stateCode(), state.stateCode(), attribution.lastOwnAction());
        publish(CHANNEL_LAST_ACTION_USER, UnDefType.UNDEF);
        account.nameFromLog(actions, clock.instant())
                .thenAccept(name -> onLane("name from the log", () -> showUser(change, name)));
    }

    /** Whether this is the state an action ends in (after it, a change is someone else's). */
    protected abstract boolean endsOwnAction(LockAction action, DeviceState state);

    /** How long after it was done an action of openHAB's still explains a change (lock 'n' go waits to lock). */
    protected Duration ownActionGrace(LockAction action) {
        return OWN_ACTION_GRACE;
    }

    /** Whether an action passes through or ends in this state. */
    protected abstract boolean ownActionExplains(LockAction action, DeviceState state);

    /**
     * The activity log's action codes that end in this state, or none when the change needs no name (a
     * transitional state, or the end of an action already named, such as unlatched, then unlocked).
     */
    protected abstract Set<Integer> logActionsEndingIn(DeviceState previous, DeviceState state);

    /**
     * A lock reported who acted (Nuki's MQTT API {@code lockActionEvent}): {@code openHAB} for the action openHAB
     * just sent over MQTT, otherwise the name the account has for the ids, or UNDEF when it has none (a button, auto
     * lock, or an id it does not know). On the lane.
     *
     * @param byMqtt whether the event's trigger is Nuki's MQTT API
     */
    protected void nameWhoActed(boolean byMqtt, int authId, int codeId) {
        AccountDevice account = account();
        if (account == null) {
            return;
        }
        int change = attribution.next();
        if (attribution.ownByMqtt(byMqtt, reports.inFlight(), now(), OWN_ACTION_GRACE)) {
            publish(CHANNEL_LAST_ACTION_USER, new StringType(USER_OPENHAB));
            return;
        }
        publish(CHANNEL_LAST_ACTION_USER, UnDefType.UNDEF);
        if (authId == 0 && codeId == 0) {
            return;
        }
        account.nameForEvent(authId, codeId)
                .thenAccept(name -> onLane("name for an event", () -> showUser(change, name)));
    }

    /**
     * Nuki Hub named who acted last ({@code authorizationName}, read from the lock's log once the lock settled):
     * shown as it is, unless a newer change was reported meanwhile. An action sent from openHAB carries the name of
     * Nuki Hub's own authorization on the lock.
     */
    public void onReportedActor(String name) {
        onLane("reported actor", () -> {
            attribution.next();
            publish(CHANNEL_LAST_ACTION_USER, new StringType(name));
        });
    }

    /**
     * The device's last action and what triggered it, as its transport reported them (Nuki Hub's
     * {@code lastLockAction} and {@code trigger}), in the channels' words; null: not known.
     */
    public void onReportedAction(@Nullable String action, @Nullable String trigger) {
        onLane("reported action", () -> {
            publish(CHANNEL_LAST_ACTION, action == null ? UnDefType.UNDEF : new StringType(action));
            publish(CHANNEL_LAST_ACTION_TRIGGER, trigger == null ? UnDefType.UNDEF : new StringType(trigger));
        });
    }

    /** The device's name and firmware, as its transport reported them, into the thing's properties. */
    public void onReportedDetails(@Nullable String name, @Nullable String firmware) {
        onLane("reported details", () -> {
            Map<String, String> properties = new HashMap<>();
            if (name != null && !name.isBlank()) {
                properties.put(PROPERTY_NAME, name);
            }
            if (firmware != null && !firmware.isBlank()) {
                properties.put(Thing.PROPERTY_FIRMWARE_VERSION, firmware);
            }
            if (!properties.isEmpty()) {
                updateProperties(properties);
            }
        });
    }

    /** Shows a name found for a change, unless a newer change was reported meanwhile. */
    private void showUser(int change, Optional<String> name) {
        if (!attribution.isCurrent(change)) {
            logger.trace("A name for an older change of {} came late; a newer change was reported", thing.getUID());
            return;
        }
        String found = name.orElse(null);
        publish(CHANNEL_LAST_ACTION_USER, found == null ? UnDefType.UNDEF : new StringType(found));
    }

    // ------------------------------------------------------------------ a state that stays transitional

    /**
     * How long the device may report this state before it looks stuck (a bridge that never pushed the final state),
     * or null when the state is a settled one.
     */
    protected abstract @Nullable Duration transitionalTimeout(DeviceState state);

    private void watchTransitional(DeviceState state) {
        carryOut(watch.reported(state, transitionalTimeout(state)));
    }

    private void stopWatchingTransitional() {
        carryOut(watch.stop());
    }

    /** Carries out what the watch asks of its timer. */
    private void carryOut(Request request) {
        if (request == TransitionalWatch.KEEP) {
            return;
        }
        ScheduledFuture<?> running = stuckCheck;
        if (running != null) {
            running.cancel(false);
        }
        stuckCheck = null;
        if (request instanceof Start start) {
            stuckCheck = lane.postLater("transitional check", start.delay(), () -> checkStuck(start));
        }
    }

    private void checkStuck(Start timer) {
        DeviceState current = reports.last();
        if (!watch.fired(timer.timer(), current)) {
            return;
        }
        stuckCheck = null;
        NukiDeviceTransport transport = transport();
        if (transport != null && current != null) {
            logger.debug("{} reports state {} for more than {} s; asking for its state once", thing.getUID(),
                    current.stateCode(), timer.delay().toSeconds());
            transport.refreshState(this);
        }
    }

    // ------------------------------------------------------------------ what the device kinds tell

    /**
     * Whether opening the door takes two deliberate steps: an action that opens it is refused unless the device last
     * reported UNLOCKED.
     */
    protected boolean opensOnlyWhenUnlocked() {
        return false;
    }

    /** Publishes a reported state: channel states, then the events the change is worth (on the lane). */
    protected abstract void publishState(DeviceState state, @Nullable DeviceState previous);

    /**
     * Tells an event on the event channel, once: an opening the binding already told for its own action is not told
     * again when the bridge reports the opening state late.
     */
    protected final void fireEvent(String event) {
        List<String> events = openings.event(event, endsOpening(event), now());
        if (events.isEmpty()) {
            logger.trace("{} of {} was told already for the binding's own action", event, thing.getUID());
        }
        events.forEach(told -> triggerChannel(CHANNEL_EVENT, told));
    }

    /** Whether an event tells the state a device returns to after an opening (a smart lock's UNLOCKED). */
    protected boolean endsOpening(String event) {
        return false;
    }

    /** The event an action that opens the door is told as (UNLATCHED, OPENED), or null for other actions. */
    protected abstract @Nullable String openingEvent(LockAction action);

    /** Whether a state is part of opening the door (unlatching, unlatched; the opener's opening, open). */
    protected abstract boolean isOpeningState(DeviceState state);

    /** Publishes what is shown while the bridge has not told any state (an entry without lastKnownState). */
    protected abstract void publishUnknown();

    /** Whether a thing of this kind serves devices of this type. */
    protected abstract boolean acceptsType(DeviceType type);

    /** The last state the device reported (on the lane). */
    protected @Nullable DeviceState lastState() {
        return reports.last();
    }

    // ------------------------------------------------------------------ channels

    /** Publishes a channel state (on the lane). */
    protected void publish(String channelId, State state) {
        published.put(channelId, state);
        updateState(channelId, state);
    }

    protected void publishAll(Map<String, State> states) {
        states.forEach(this::publish);
    }

    /** Shows the last reported state again, after a refused or failed command. */
    protected void revert() {
        DeviceState state = reports.last();
        if (state != null) {
            publishState(state, state);
        } else {
            publishUnknown();
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        onLane("command", () -> commandOnLane(channelUID.getId(), command));
    }

    private void commandOnLane(String channel, Command command) {
        if (command instanceof RefreshType) {
            State state = published.get(channel);
            if (state != null) {
                updateState(channel, state);
            }
            return;
        }
        if (CHANNEL_UNLATCH_ALLOWED.equals(channel)) {
            if (command instanceof OnOffType onOff) {
                unlatchAllowedOnLane(onOff == OnOffType.ON);
            }
            return;
        }
        if (CHANNEL_UNLOCK_ALLOWED.equals(channel)) {
            if (command instanceof OnOffType onOff) {
                unlockAllowedOnLane(onOff == OnOffType.ON);
            }
            return;
        }
        if (command instanceof OnOffType onOff) {
            handleSwitch(channel, onOff == OnOffType.ON, "channel " + channel);
        } else {
            logger.debug("Channel {} of {} takes ON and OFF, not {}", channel, thing.getUID(), command);
        }
    }

    /** ON or OFF for one of the device's own channels (on the lane). */
    protected abstract void handleSwitch(String channelId, boolean on, String source);

    // ------------------------------------------------------------------ unlatch-allowed

    public boolean isUnlatchAllowed() {
        return unlatchAllowed.get();
    }

    /** Sets {@code unlatch-allowed}, after every input that arrived before. */
    public void setUnlatchAllowed(boolean allowed) {
        onLane("unlatch-allowed", () -> unlatchAllowedOnLane(allowed));
    }

    private void unlatchAllowedOnLane(boolean allowed) {
        boolean wasAllowed = unlatchAllowed.getAndSet(allowed);
        unlatchAllowedStore.save(thing.getUID().getAsString(), allowed, configuredUnlatchAllowed);
        publish(CHANNEL_UNLATCH_ALLOWED, OnOffType.from(allowed));
        if (wasAllowed && !allowed) {
            forbidArming(CHANNEL_UNLATCH_ALLOWED);
        }
    }

    // ------------------------------------------------------------------ unlock-allowed

    public boolean isUnlockAllowed() {
        return unlockAllowed.get();
    }

    /** Sets {@code unlock-allowed}, after every input that arrived before. */
    public void setUnlockAllowed(boolean allowed) {
        onLane("unlock-allowed", () -> unlockAllowedOnLane(allowed));
    }

    private void unlockAllowedOnLane(boolean allowed) {
        boolean wasAllowed = unlockAllowed.getAndSet(allowed);
        unlatchAllowedStore.save(UnlatchAllowedStore.unlockAllowedKey(thing.getUID().getAsString()), allowed,
                configuredUnlockAllowed);
        publish(CHANNEL_UNLOCK_ALLOWED, OnOffType.from(allowed));
        if (wasAllowed && !allowed) {
            forbidArming(CHANNEL_UNLOCK_ALLOWED);
        }
    }

    /**
     * Hook: a switch that forbids arming the device to open ({@code unlatch-allowed}, {@code unlock-allowed}) just went
     * from ON to OFF. The opener switches ring to open or continuous mode off, once, if it is on. On the lane.
     *
     * @param switchId the channel id of the switch, for the log
     */
    protected void forbidArming(String switchId) {
    }

    // ------------------------------------------------------------------ lock actions

    /**
     * The one way a lock action reaches the device, on the lane: the {@link DoorGate} decides first, and a refusal
     * contacts nothing (the channels show the real state again and the event channel tells the refusal:
     * {@code UNLATCH_REFUSED} for an opening or arming while {@code unlatch-allowed} is OFF or an opening that is not
     * the second deliberate step, {@code UNLOCK_REFUSED} for anything but locking while {@code unlock-allowed} is
     * OFF). The answer is handled on the lane too.
     *
     * @param source what asked, for the log
     * @return whether the device performed the action; completes on the lane
     */
    protected final CompletableFuture<Boolean> perform(LockAction action, String source) {
        counters.requested.incrementAndGet();
        DeviceState reported = reports.last();
        Verdict verdict = DoorGate.decide(action,
                new Switches(unlatchAllowed.get(), unlockAllowed.get(), opensOnlyWhenUnlocked()), reported);
        if (!verdict.allowed()) {
            logger.info("Refused {} of {} (from {}): {}; the device last reported {}", action, thing.getUID(), source,
                    verdict.reason(), reported == null ? "no state" : reported.stateCode());
            return refuse(verdict == Verdict.UNLOCK_NOT_ALLOWED ? EVENT_UNLOCK_REFUSED : EVENT_UNLATCH_REFUSED);
        }
        NukiDeviceTransport transport = transport();
        Long id = nukiId;
        if (transport == null || id == null || getThing().getStatus() != ThingStatus.ONLINE) {
            counters.failedBeforeSending.incrementAndGet();
            logger.debug("Cannot send {} to {} from {}: the thing is not online", action, thing.getUID(), source);
            revert();
            triggerChannel(CHANNEL_EVENT, EVENT_ACTION_FAILED);
            return CompletableFuture.completedFuture(false);
        }
        reports.sent(now());
        actionsUnderWay.incrementAndGet();
        attribution.ownAction(action, now());
        int attributedBefore = attribution.current();
        counters.sent.incrementAndGet();
        openings.sent(openingEvent(action));
        showIntermediateState(action);
        logger.debug("Sending {} to {} (from {})", action, thing.getUID(), source);
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        transport.lockAction(id, deviceTypeCode, action).whenComplete((result, error) -> {
            long answeredAt = now();
            onLane("action answer", () -> answered(action, transport, attributedBefore, error, answeredAt, accepted));
        });
        return accepted;
    }

    /** The device's answer to an action, on the lane. */
    private void answered(LockAction action, NukiDeviceTransport transport, int attributedBefore,
            @Nullable Throwable error, long answeredAt, CompletableFuture<Boolean> accepted) {
        actionsUnderWay.decrementAndGet();
        if (error != null) {
            NukiApiException failure = NukiApiException.unwrap(error);
            logger.debug("{} on {} failed: {}", action, thing.getUID(),
                    failure != null ? failure.getMessage() : error.getMessage());
            reports.failed();
            openings.failed();
            actionFailed(action);
            revert();
            triggerChannel(CHANNEL_EVENT, EVENT_ACTION_FAILED);
            counters.failed.incrementAndGet();
            accepted.complete(false);
            return;
        }
        // the device answered after the motor finished: the door was opened, whether or not a push said so
        attribution.ownAction(action, now());
        // openHAB moved it last, unless someone else moved it meanwhile (then that change was named)
        if (account() != null && attribution.isCurrent(attributedBefore)) {
            attribution.next();
            publish(CHANNEL_LAST_ACTION_USER, new StringType(USER_OPENHAB));
        }
        String opening = openings.performed(now());
        if (opening != null) {
            triggerChannel(CHANNEL_EVENT, opening);
        }
        // the device is in the action's final state now; the callback usually confirms it, the reconciliation makes
        // sure of it; pushes from before it arrive later are older than this answer
        DeviceState before = reports.last();
        DeviceState after = before == null || transport.pushesEveryState() ? null : stateAfter(action, before);
        ReportOrder.Outcome outcome = reports.answered(after, answeredAt);
        if (after != null && outcome != null && outcome.shown()) {
            show(after, outcome.previous());
        }
        transport.actionPerformed();
        counters.succeeded.incrementAndGet();
        accepted.complete(true);
    }

    /** An action refused before anything was sent: the channels show the real state again, the event tells it. */
    private CompletableFuture<Boolean> refuse(String event) {
        counters.refused.incrementAndGet();
        revert();
        triggerChannel(CHANNEL_EVENT, event);
        return CompletableFuture.completedFuture(false);
    }

    /** What happened to this device's lock actions so far. */
    public ActionCounters actionCounters() {
        return counters;
    }

    /** Whether a lock action was sent and not answered yet. */
    protected boolean isActionInFlight() {
        return actionsUnderWay.get() > 0;
    }

    /** Shows the state the device passes through while the action runs (the bridge mostly pushes final states). */
    protected abstract void showIntermediateState(LockAction action);

    /** The state a device is in once the bridge reported the action done, or null when that is not certain. */
    protected abstract @Nullable DeviceState stateAfter(LockAction action, DeviceState before);

    /** Hook: an action failed (on the lane). */
    protected void actionFailed(LockAction action) {
    }

    /** What carries this device's actions: its bridge thing's handler, or null while there is none. */
    protected @Nullable NukiDeviceTransport transport() {
        Bridge bridge = getBridge();
        ThingHandler handler = bridge == null ? null : bridge.getHandler();
        return handler instanceof NukiDeviceTransport transport ? transport : null;
    }
}
