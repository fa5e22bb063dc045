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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
import org.openhab.binding.nuki.internal.api.model.SmartLockState;
import org.openhab.binding.nuki.internal.config.NukiDeviceConfiguration;
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
 * any lock action reaches the bridge. {@link #perform} refuses every action that opens the door or arms the opener
 * while unlatching is not allowed, and every action that unlocks, opens or arms while unlocking is not allowed, without
 * contacting the bridge.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class NukiDeviceHandler extends BaseThingHandler {

    /**
     * How long after telling the opening of its own action the binding takes a pushed opening state for a late echo
     * of that action, unless a push of another state came between.
     */
    private static final long OPENING_ECHO_NANOS = Duration.ofSeconds(30).toNanos();

    /** How long after an action of openHAB's a change it passes through or ends in is taken for its result. */
    protected static final Duration OWN_ACTION_GRACE = Duration.ofSeconds(30);

    private final Logger logger = LoggerFactory.getLogger(NukiDeviceHandler.class);
    private final UnlatchAllowedStore unlatchAllowedStore;
    private final NukiAccounts accounts;
    protected final Clock clock;

    private @Nullable Long nukiId;
    private int deviceTypeCode;
    private boolean configuredUnlatchAllowed = true;
    private volatile boolean unlatchAllowed = true;
    private boolean configuredUnlockAllowed = true;
    private volatile boolean unlockAllowed = true;

    /** The last state the bridge reported (never an intermediate state the binding shows by itself). */
    private volatile @Nullable DeviceState lastState;
    /**
     * Held while a reported state is turned into channel states: pushes, polls and action results arrive on different
     * scheduler threads, and an older state must never be published after a newer one.
     */
    private final Object publishing = new Object();
    /** The channel states last published, for REFRESH. */
    private final Map<String, State> published = new HashMap<>();
    /**
     * How new {@link #lastState} is, as {@link System#nanoTime()}: when it was pushed, or when the poll that brought
     * it was asked for. Meaningful while {@link #lastState} is not null.
     */
    private long lastReportAt;
    /** Lock actions sent and not answered yet. */
    private int actionsInFlight;
    /**
     * The event an opening action the binding sent is still owed (UNLATCHED, OPENED), or null. The bridge mostly
     * pushes only the final state (unlocked again), so the binding tells the opening itself once the bridge reports the
     * action done, unless a pushed state told it already.
     */
    private @Nullable String openingEventDue;
    /**
     * The opening event the binding told itself, while a late push of the opening state could still arrive and would
     * tell it a second time; null once the device reported a state after it.
     */
    private @Nullable String openingEventTold;
    /** When {@link #openingEventTold} was told ({@link System#nanoTime()}). */
    private long openingEventToldAt;
    private final ActionCounters counters = new ActionCounters();
    /** How long a reported transitional state may last before the transport is asked for the device's state. */
    protected Duration transitionalTimeout = Duration.ofSeconds(30);
    /**
     * The transitional state being watched (its code, -1: none), the check scheduled for it, and whether the one
     * check of this episode (from the first transitional state to the next settled one) was made.
     */
    private int watchedTransitionalCode = -1;
    private @Nullable ScheduledFuture<?> stuckCheck;
    private boolean stuckChecked;
    /**
     * Who moved the device last: a number that grows with each change to be named, so that a name found late is
     * not shown for a newer change; and the last action openHAB sent, with when it was sent or done.
     */
    private int attribution;
    private final DeviceKeypad keypad;
    private @Nullable LockAction lastOwnAction;
    private long lastOwnActionAt;

    protected NukiDeviceHandler(Thing thing, UnlatchAllowedStore unlatchAllowedStore, NukiAccounts accounts,
            Clock clock) {
        super(thing);
        this.unlatchAllowedStore = unlatchAllowedStore;
        this.accounts = accounts;
        this.clock = clock;
        this.keypad = new DeviceKeypad(() -> getThing().getUID().getAsString(), this::account, this::hubKeypadCodes,
                this::triggerChannel);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void initialize() {
        NukiDeviceConfiguration config = getConfigAs(NukiDeviceConfiguration.class);
        lastState = null;
        synchronized (published) {
            published.clear();
        }
        try {
            // under Nuki Hub an id is what the hub shows (hexadecimal, even when all digits)
            Bridge idBridge = getBridge();
            nukiId = idBridge != null && idBridge.getHandler() instanceof NukiDeviceTransport idTransport
                    ? idTransport.parseNukiId(config.nukiId)
                    : NukiId.parse(config.nukiId);
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
        stopWatchingTransitional();
        unlatchAllowed = unlatchAllowedStore.load(thing.getUID().getAsString(), configuredUnlatchAllowed);
        configuredUnlockAllowed = config.unlockAllowed;
        unlockAllowed = unlatchAllowedStore.load(UnlatchAllowedStore.unlockAllowedKey(thing.getUID().getAsString()),
                configuredUnlockAllowed);
        initializeDevice();
        accounts.deviceThing(thing.getUID(), nukiId);
        synchronized (this) {
            attribution++;
            lastOwnAction = null;
        }
        publish(CHANNEL_LAST_ACTION_USER, UnDefType.UNDEF);
        publish(CHANNEL_UNLATCH_ALLOWED, OnOffType.from(unlatchAllowed));
        publish(CHANNEL_UNLOCK_ALLOWED, OnOffType.from(unlockAllowed));
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

    /** Reads the device kind's own configuration. */
    protected abstract void initializeDevice();

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (nukiId == null) {
            return;
        }
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            NukiDeviceTransport transport = transport();
            if (transport == null || !transport.attach(this)) {
                updateStatus(ThingStatus.UNKNOWN);
            }
        } else {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    // ------------------------------------------------------------------ state from the bridge

    /** The device's id, or null when the configuration has none that can be read. */
    public @Nullable Long nukiId() {
        return nukiId;
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
     * @return whether the entry shows a change the bridge should have pushed and did not (evidence that callbacks
     *         are lost)
     */
    public boolean onBridgeEntry(ListEntryDto entry, long requestedAtNanos) {
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
            synchronized (publishing) {
                if (lastState == null) {
                    publishUnknown();
                }
            }
            return false;
        }
        return applyPolledState(state, requestedAtNanos);
    }

    /** Hook for a device type the binding does not know. */
    protected void unknownType(int code) {
    }

    /** A callback: the bridge pushed the device's new state. */
    public void onCallbackState(DeviceStateDto body) {
        Integer type = body.deviceType != null ? body.deviceType : deviceTypeCode;
        DeviceState state = DeviceState.of(nukiIdOrZero(), type, body);
        if (state == null) {
            logger.debug("Callback without a state for Nuki device {}", nukiId);
            return;
        }
        onPushedState(state);
    }

    /**
     * A state the device's transport pushed: a Nuki Bridge's callback, or a bridge-less lock's own MQTT topics (which
     * include every intermediate state).
     */
    public void onPushedState(DeviceState state) {
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
        applyPushedState(state);
    }

    /** The device's transport lost it (a bridge-less lock's last will), with a status text that says so. */
    public void onDeviceOffline(String description) {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, description);
    }

    /** The bridge no longer lists the device. */
    public void onMissingFromBridge() {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.GONE,
                FailureStatus.text("offline.device.not-paired", NukiId.hex(nukiIdOrZero())));
    }

    /** A state the bridge pushed: the newest there is. */
    private void applyPushedState(DeviceState state) {
        synchronized (publishing) {
            endOpeningEcho(state);
            applyNewestState(state);
        }
    }

    /** A pushed state, or the final state of an action the bridge reported done: the newest there is. */
    private void applyNewestState(DeviceState state) {
        synchronized (publishing) {
            DeviceState previous;
            synchronized (this) {
                previous = lastState;
                lastState = state;
                lastReportAt = System.nanoTime();
            }
            watchTransitional(state);
            publishState(state, previous);
            nameWhoChanged(previous, state);
        }
    }

    /**
     * A state from a /list poll. The bridge answered it at some moment after {@code requestedAtNanos}, so a state
     * pushed since then, or brought by a poll asked for since then, is kept: it may be newer than this answer.
     *
     * @return whether the poll shows a change no push told while no action of the binding was under way
     */
    private boolean applyPolledState(DeviceState state, long requestedAtNanos) {
        synchronized (publishing) {
            // a poll does not end the echo of an opening the binding told: pushes sent before its answer may still be
            // on their way
            DeviceState previous;
            boolean unpushed;
            synchronized (this) {
                if (lastState != null && lastReportAt - requestedAtNanos >= 0) {
                    logger.trace("Poll for {} asked for before the last report; keeping that report's state",
                            thing.getUID());
                    return false;
                }
                previous = lastState;
                lastState = state;
                lastReportAt = requestedAtNanos;
                unpushed = previous != null && actionsInFlight == 0 && state.differsInPushedFields(previous);
                if (actionsInFlight > 0 && previous != null && previous.stateCode() == state.stateCode()) {
                    // a poll from before the action ended: keep showing the action's intermediate state
                    return false;
                }
            }
            watchTransitional(state);
            publishState(state, previous);
            nameWhoChanged(previous, state);
            return unpushed;
        }
    }

    // ------------------------------------------------------------------ who moved the device

    /** The Nuki Web account that knows this device, or null (then {@code last-action-user} stays UNDEF). */
    protected @Nullable AccountDevice account() {
        Long id = nukiId;
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
        if (actions.isEmpty() || explainedByOwnAction(state)) {
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
        int change = nextAttribution();
        logger.debug("{} changed from {} to {}, not by openHAB (its last action {}): asking the log who did it",
                thing.getUID(), previous.stateCode(), state.stateCode(), lastOwnAction);
        publish(CHANNEL_LAST_ACTION_USER, UnDefType.UNDEF);
        account.nameFromLog(actions, clock.instant()).thenAccept(name -> showUser(change, name));
    }

    /**
     * Whether openHAB's last action, sent a moment ago, passes through or ends in this state. It explains changes up to
     * its final state, once: a later change, or one it cannot explain, is someone else's.
     */
    private synchronized boolean explainedByOwnAction(DeviceState state) {
        LockAction own = lastOwnAction;
        boolean inFlight = actionsInFlight > 0;
        if (own == null || (!inFlight && System.nanoTime() - lastOwnActionAt >= ownActionGrace(own).toNanos())) {
            return false;
        }
        if (!ownActionExplains(own, state)) {
            // someone else moved the device, even while openHAB's action runs
            if (!inFlight) {
                lastOwnAction = null;
            }
            return false;
        }
        if (!inFlight && endsOwnAction(own, state)) {
            lastOwnAction = null;
        }
        return true;
    }

    /** How many changes were attributed so far: a change someone else caused counts one. */
    private synchronized int attributions() {
        return attribution;
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
     * lock, or an id it does not know).
     *
     * @param byMqtt whether the event's trigger is Nuki's MQTT API
     */
    protected void nameWhoActed(boolean byMqtt, int authId, int codeId) {
        AccountDevice account = account();
        if (account == null) {
            return;
        }
        int change = nextAttribution();
        boolean own;
        synchronized (this) {
            own = byMqtt && lastOwnAction != null
                    && (actionsInFlight > 0 || System.nanoTime() - lastOwnActionAt < OWN_ACTION_GRACE.toNanos());
        }
        if (own) {
            publish(CHANNEL_LAST_ACTION_USER, new StringType(USER_OPENHAB));
            return;
        }
        publish(CHANNEL_LAST_ACTION_USER, UnDefType.UNDEF);
        if (authId == 0 && codeId == 0) {
            return;
        }
        account.nameForEvent(authId, codeId).thenAccept(name -> showUser(change, name));
    }

    /**
     * Nuki Hub named who acted last ({@code authorizationName}, read from the lock's log once the lock settled):
     * shown as it is, unless a newer change was reported meanwhile. An action sent from openHAB carries the name of
     * Nuki Hub's own authorization on the lock.
     */
    public void onReportedActor(String name) {
        nextAttribution();
        publish(CHANNEL_LAST_ACTION_USER, new StringType(name));
    }

    /**
     * The device's last action and what triggered it, as its transport reported them (Nuki Hub's
     * {@code lastLockAction} and {@code trigger}), in the channels' words; null: not known.
     */
    public void onReportedAction(@Nullable String action, @Nullable String trigger) {
        publish(CHANNEL_LAST_ACTION, action == null ? UnDefType.UNDEF : new StringType(action));
        publish(CHANNEL_LAST_ACTION_TRIGGER, trigger == null ? UnDefType.UNDEF : new StringType(trigger));
    }

    /** The device's name and firmware, as its transport reported them, into the thing's properties. */
    public void onReportedDetails(@Nullable String name, @Nullable String firmware) {
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
    }

    private synchronized int nextAttribution() {
        return ++attribution;
    }

    /** Shows a name found for a change, unless a newer change was reported meanwhile. */
    private void showUser(int change, Optional<String> name) {
        synchronized (this) {
            if (change != attribution) {
                return;
            }
        }
        String found = name.orElse(null);
        publish(CHANNEL_LAST_ACTION_USER, found == null ? UnDefType.UNDEF : new StringType(found));
    }

    /** openHAB sent an action, or the device performed it. */
    private synchronized void ownAction(LockAction action) {
        lastOwnAction = action;
        lastOwnActionAt = System.nanoTime();
    }

    // ------------------------------------------------------------------ a state that stays transitional

    /**
     * How long the device may report this state before it looks stuck (a bridge that never pushed the final state),
     * or null when the state is a settled one.
     */
    protected abstract @Nullable Duration transitionalTimeout(DeviceState state);

    /**
     * Watches a reported state: a transitional one that lasts longer than its action can take makes the transport
     * ask for the device's state, once per episode; a settled one ends the episode.
     */
    private void watchTransitional(DeviceState state) {
        Duration timeout = transitionalTimeout(state);
        synchronized (this) {
            if (timeout == null) {
                stopWatchingTransitional();
                return;
            }
            if (stuckChecked || state.stateCode() == watchedTransitionalCode) {
                return;
            }
            // a new transitional state of the same episode (unlocking, then lock 'n' go) is given its own time
            ScheduledFuture<?> previous = stuckCheck;
            if (previous != null) {
                previous.cancel(false);
            }
            int code = state.stateCode();
            watchedTransitionalCode = code;
            stuckCheck = scheduler.schedule(() -> checkStuck(code, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stopWatchingTransitional() {
        ScheduledFuture<?> check = stuckCheck;
        if (check != null) {
            check.cancel(false);
        }
        stuckCheck = null;
        watchedTransitionalCode = -1;
        stuckChecked = false;
    }

    private void checkStuck(int code, Duration timeout) {
        synchronized (this) {
            DeviceState current = lastState;
            if (stuckChecked || watchedTransitionalCode != code || current == null || current.stateCode() != code) {
                return;
            }
            stuckChecked = true;
            stuckCheck = null;
        }
        NukiDeviceTransport transport = transport();
        if (transport != null) {
            logger.debug("{} reports state {} for more than {} s; asking for its state once", thing.getUID(), code,
                    timeout.toSeconds());
            transport.refreshState(this);
        }
    }

    @Override
    public void dispose() {
        stopWatchingTransitional();
        accounts.deviceThingGone(thing.getUID());
    }

    /**
     * Whether opening the door takes two deliberate steps: an action that opens it is refused unless the device last
     * reported UNLOCKED.
     */
    protected boolean opensOnlyWhenUnlocked() {
        return false;
    }

    /** Publishes a reported state: channel states, then the events the change is worth. */
    protected abstract void publishState(DeviceState state, @Nullable DeviceState previous);

    /**
     * Tells an event on the event channel, once: an opening the binding already told for its own action is not told
     * again when the bridge reports the opening state late.
     */
    protected final void fireEvent(String event) {
        String openingFirst = null;
        synchronized (publishing) {
            if (event.equals(openingEventTold) && System.nanoTime() - openingEventToldAt < OPENING_ECHO_NANOS) {
                logger.trace("{} of {} was told already for the binding's own action", event, thing.getUID());
                return;
            }
            String due = openingEventDue;
            if (event.equals(due)) {
                openingEventDue = null;
            } else if (due != null && endsOpening(event)) {
                // the push of the state after the opening overtook the bridge's answer: the opening came first
                openingFirst = due;
                openingEventDue = null;
                openingEventTold = due;
                openingEventToldAt = System.nanoTime();
            }
        }
        if (openingFirst != null) {
            triggerChannel(CHANNEL_EVENT, openingFirst);
        }
        triggerChannel(CHANNEL_EVENT, event);
    }

    /** Whether an event tells the state a device returns to after an opening (a smart lock's UNLOCKED). */
    protected boolean endsOpening(String event) {
        return false;
    }

    /** A state the device pushed: past the opening the binding told, if it is no part of it. */
    private void endOpeningEcho(DeviceState state) {
        if (openingEventTold != null && !isOpeningState(state)) {
            openingEventTold = null;
        }
    }

    /** The event an action that opens the door is told as (UNLATCHED, OPENED), or null for other actions. */
    protected abstract @Nullable String openingEvent(LockAction action);

    /** Whether a state is part of opening the door (unlatching, unlatched; the opener's opening, open). */
    protected abstract boolean isOpeningState(DeviceState state);

    /** Publishes what is shown while the bridge has not told any state (an entry without lastKnownState). */
    protected abstract void publishUnknown();

    /** Whether a thing of this kind serves devices of this type. */
    protected abstract boolean acceptsType(DeviceType type);

    protected @Nullable DeviceState lastState() {
        return lastState;
    }

    // ------------------------------------------------------------------ channels

    protected void publish(String channelId, State state) {
        synchronized (published) {
            published.put(channelId, state);
        }
        updateState(channelId, state);
    }

    protected void publishAll(Map<String, State> states) {
        states.forEach(this::publish);
    }

    /** Shows the last reported state again, after a refused or failed command. */
    protected void revert() {
        synchronized (publishing) {
            DeviceState state = lastState;
            if (state != null) {
                publishState(state, state);
            } else {
                publishUnknown();
            }
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        String channel = channelUID.getId();
        if (command instanceof RefreshType) {
            State state;
            synchronized (published) {
                state = published.get(channel);
            }
            if (state != null) {
                updateState(channel, state);
            }
            return;
        }
        if (CHANNEL_UNLATCH_ALLOWED.equals(channel)) {
            if (command instanceof OnOffType onOff) {
                setUnlatchAllowed(onOff == OnOffType.ON);
            }
            return;
        }
        if (CHANNEL_UNLOCK_ALLOWED.equals(channel)) {
            if (command instanceof OnOffType onOff) {
                setUnlockAllowed(onOff == OnOffType.ON);
            }
            return;
        }
        handleDeviceCommand(channel, command);
    }

    /** A command for one of the device's own channels; they all take ON and OFF. */
    private void handleDeviceCommand(String channelId, Command command) {
        if (command instanceof OnOffType onOff) {
            handleSwitch(channelId, onOff == OnOffType.ON, "channel " + channelId);
        } else {
            logger.debug("Channel {} of {} takes ON and OFF, not {}", channelId, thing.getUID(), command);
        }
    }

    /** ON or OFF for one of the device's own channels. */
    protected abstract void handleSwitch(String channelId, boolean on, String source);

    // ------------------------------------------------------------------ unlatch-allowed

    public boolean isUnlatchAllowed() {
        return unlatchAllowed;
    }

    public void setUnlatchAllowed(boolean allowed) {
        boolean wasAllowed;
        synchronized (this) {
            wasAllowed = unlatchAllowed;
            unlatchAllowed = allowed;
        }
        unlatchAllowedStore.save(thing.getUID().getAsString(), allowed, configuredUnlatchAllowed);
        publish(CHANNEL_UNLATCH_ALLOWED, OnOffType.from(allowed));
        if (wasAllowed && !allowed) {
            forbidArming(CHANNEL_UNLATCH_ALLOWED);
        }
    }

    // ------------------------------------------------------------------ unlock-allowed

    public boolean isUnlockAllowed() {
        return unlockAllowed;
    }

    public void setUnlockAllowed(boolean allowed) {
        boolean wasAllowed;
        synchronized (this) {
            wasAllowed = unlockAllowed;
            unlockAllowed = allowed;
        }
        unlatchAllowedStore.save(UnlatchAllowedStore.unlockAllowedKey(thing.getUID().getAsString()), allowed,
                configuredUnlockAllowed);
        publish(CHANNEL_UNLOCK_ALLOWED, OnOffType.from(allowed));
        if (wasAllowed && !allowed) {
            forbidArming(CHANNEL_UNLOCK_ALLOWED);
        }
    }

    /**
     * Hook: a switch that forbids arming the device to open ({@code unlatch-allowed}, {@code unlock-allowed}) just went
     * from ON to OFF. The opener switches ring to open or continuous mode off, once, if it is on.
     *
     * @param switchId the channel id of the switch, for the log
     */
    protected void forbidArming(String switchId) {
    }

    // ------------------------------------------------------------------ lock actions

    /**
     * The one way a lock action reaches the bridge. Checked in this order, each refusal without contacting the device
     * (the channels show the real state again and the event channel tells the refusal):
     * <ol>
     * <li>an action that opens the door (smart lock 3 and 5, opener 3) or arms the opener (ring to open, continuous
     * mode) while {@code unlatch-allowed} is OFF: {@code UNLATCH_REFUSED};</li>
     * <li>an action that unlocks, opens or arms (everything but locking) while {@code unlock-allowed} is OFF:
     * {@code UNLOCK_REFUSED};</li>
     * <li>an action that opens the door where the thing asks for two deliberate steps
     * ({@code unlatchOnlyWhenUnlocked}), unless the device last reported UNLOCKED: {@code UNLATCH_REFUSED}.</li>
     * </ol>
     *
     * @param source what asked, for the log
     * @return whether the bridge accepted and performed the action
     */
    protected final CompletableFuture<Boolean> perform(LockAction action, String source) {
        counters.requested.incrementAndGet();
        if ((action.opensTheDoor() || action.armsTheOpener()) && !unlatchAllowed) {
            logger.info("Refused to {} of {} ({} from {}): unlatch-allowed is OFF",
                    action.armsTheOpener() ? "arm the opener (the next ring would open the door)" : "open the door",
                    thing.getUID(), action, source);
            return refuse(EVENT_UNLATCH_REFUSED);
        }
        if (action.unlocksTheDoor() && !unlockAllowed) {
            logger.info("Refused to unlock or open the door of {} ({} from {}): unlock-allowed is OFF, openHAB may "
                    + "only lock", thing.getUID(), action, source);
            return refuse(EVENT_UNLOCK_REFUSED);
        }
        if (action.opensTheDoor() && opensOnlyWhenUnlocked()) {
            DeviceState reported = lastState;
            if (reported == null || reported.smartLockState() != SmartLockState.UNLOCKED) {
                logger.info(
                        "Refused to open the door of {} ({} from {}): unlatchOnlyWhenUnlocked is on and the lock "
                                + "last reported {}, not UNLOCKED; unlock it first",
                        thing.getUID(), action, source, reported == null ? "no state" : reported.smartLockState());
                return refuse(EVENT_UNLATCH_REFUSED);
            }
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
        synchronized (this) {
            actionsInFlight++;
        }
        ownAction(action);
        int attributedBefore = attributions();
        counters.sent.incrementAndGet();
        synchronized (publishing) {
            openingEventDue = openingEvent(action);
            openingEventTold = null;
            showIntermediateState(action);
        }
        logger.debug("Sending {} to {} (from {})", action, thing.getUID(), source);
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        transport.lockAction(id, deviceTypeCode, action).whenComplete((result, error) -> {
            synchronized (this) {
                actionsInFlight--;
            }
            if (error != null) {
                NukiApiException failure = NukiApiException.unwrap(error);
                logger.debug("{} on {} failed: {}", action, thing.getUID(),
                        failure != null ? failure.getMessage() : error.getMessage());
                synchronized (publishing) {
                    openingEventDue = null;
                }
                actionFailed(action);
                revert();
                triggerChannel(CHANNEL_EVENT, EVENT_ACTION_FAILED);
                counters.failed.incrementAndGet();
                accepted.complete(false);
            } else {
                // the bridge answered after the motor finished: the door was opened, whether or not a push said so
                ownAction(action);
                // openHAB moved it last, unless someone else moved it meanwhile (then that change was named)
                if (account() != null && attributions() == attributedBefore) {
                    nextAttribution();
                    publish(CHANNEL_LAST_ACTION_USER, new StringType(USER_OPENHAB));
                }
                tellOpening();
                // the device is in the action's final state now; the callback usually confirms it, the
                // reconciliation makes sure of it
                DeviceState before = lastState;
                DeviceState after = before == null || transport.pushesEveryState() ? null : stateAfter(action, before);
                if (after != null) {
                    applyNewestState(after);
                }
                transport.actionPerformed();
                counters.succeeded.incrementAndGet();
                accepted.complete(true);
            }
        });
        return accepted;
    }

    /** An action refused before anything was sent: the channels show the real state again, the event tells it. */
    private CompletableFuture<Boolean> refuse(String event) {
        counters.refused.incrementAndGet();
        revert();
        triggerChannel(CHANNEL_EVENT, event);
        return CompletableFuture.completedFuture(false);
    }

    /** The bridge performed an opening action: its event, unless a pushed opening state told it already. */
    private void tellOpening() {
        String event;
        synchronized (publishing) {
            event = openingEventDue;
            openingEventDue = null;
            if (event != null) {
                openingEventTold = event;
                openingEventToldAt = System.nanoTime();
            }
        }
        if (event != null) {
            triggerChannel(CHANNEL_EVENT, event);
        }
    }

    /** What happened to this device's lock actions so far. */
    public ActionCounters actionCounters() {
        return counters;
    }

    /** Whether a lock action was sent and not answered yet. */
    protected synchronized boolean isActionInFlight() {
        return actionsInFlight > 0;
    }

    /** Shows the state the device passes through while the action runs (the bridge mostly pushes final states). */
    protected abstract void showIntermediateState(LockAction action);

    /** The state a device is in once the bridge reported the action done, or null when that is not certain. */
    protected abstract @Nullable DeviceState stateAfter(LockAction action, DeviceState before);

    /** Hook: an action failed. */
    protected void actionFailed(LockAction action) {
    }

    /** What carries this device's actions: its bridge thing's handler, or null while there is none. */
    protected @Nullable NukiDeviceTransport transport() {
        Bridge bridge = getBridge();
        ThingHandler handler = bridge == null ? null : bridge.getHandler();
        return handler instanceof NukiDeviceTransport transport ? transport : null;
    }
}
