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
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.OpenerState;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code nuki:opener}. {@code lock} ON means neither ring to open nor continuous mode is on; {@code unlock}
 * switches ring to open; {@code unlatch} buzzes the door open; a ring at the door triggers {@code ring}. Buzzing and
 * arming (ring to open, continuous mode: the next ring opens the door) are gated by {@code unlatch-allowed} and
 * {@code unlock-allowed}; when either goes OFF while the opener is armed, it is disarmed once ({@code DISARMED}).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiOpenerHandler extends NukiDeviceHandler {

    private final Logger logger = LoggerFactory.getLogger(NukiOpenerHandler.class);

    /** Arming actions sent and not answered yet. */
    private int armingInFlight;
    /** An arming of openHAB's succeeded and the device has not reported a state since. */
    private boolean armedUnseen;
    /** A switch that forbids arming went OFF (its channel id) and the opener is not known to be disarmed yet. */
    private @Nullable String disarmOwedFor;

    public NukiOpenerHandler(Thing thing, UnlatchAllowedStore unlatchAllowedStore, NukiAccounts accounts, Clock clock) {
        super(thing, unlatchAllowedStore, accounts, clock);
    }

    @Override
    protected void initializeDevice() {
        // nothing beyond the shared configuration
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NukiOpenerActions.class);
    }

    @Override
    protected boolean acceptsType(DeviceType type) {
        return type.isOpener();
    }

    @Override
    protected void publishState(DeviceState state, @Nullable DeviceState previous) {
        if (!state.equals(previous)) {
            // a changed report; revert() shows the last one again with itself as the previous one
            stateReported();
        }
        publishAll(OpenerChannelMapper.channelStates(state));
        if (OpenerChannelMapper.isNewRing(previous, state)) {
            triggerChannel(CHANNEL_RING, EVENT_RINGING);
        }
        String event = OpenerChannelMapper.event(previous, state);
        if (event != null) {
            fireEvent(event);
        }
    }

    @Override
    protected @Nullable String openingEvent(LockAction action) {
        return action == LockAction.ELECTRIC_STRIKE_ACTUATION ? EVENT_OPENED : null;
    }

    @Override
    protected @Nullable Duration transitionalTimeout(DeviceState state) {
        // opening and open last the electric strike's few seconds
        OpenerState openerState = state.openerState();
        return openerState == OpenerState.OPENING || openerState == OpenerState.OPEN ? transitionalTimeout : null;
    }

    @Override
    protected boolean isOpener() {
        return true;
    }

    @Override
    protected boolean ownActionExplains(LockAction action, DeviceState state) {
        OpenerState openerState = state.openerState();
        return switch (action) {
            case ACTIVATE_RING_TO_OPEN, ACTIVATE_CONTINUOUS_MODE -> openerState == OpenerState.RTO_ACTIVE;
            case DEACTIVATE_RING_TO_OPEN, DEACTIVATE_CONTINUOUS_MODE -> openerState == OpenerState.ONLINE;
            // the strike opens, then the opener returns to what it was
            case ELECTRIC_STRIKE_ACTUATION -> openerState == OpenerState.OPENING || openerState == OpenerState.OPEN
                    || openerState == OpenerState.ONLINE || openerState == OpenerState.RTO_ACTIVE;
            default -> false;
        };
    }

    @Override
    protected boolean endsOwnAction(LockAction action, DeviceState state) {
        OpenerState openerState = state.openerState();
        return switch (action) {
            case ACTIVATE_RING_TO_OPEN, ACTIVATE_CONTINUOUS_MODE -> openerState == OpenerState.RTO_ACTIVE;
            case DEACTIVATE_RING_TO_OPEN, DEACTIVATE_CONTINUOUS_MODE -> openerState == OpenerState.ONLINE;
            // back to what it was after the strike buzzed
            case ELECTRIC_STRIKE_ACTUATION ->
                openerState == OpenerState.ONLINE || openerState == OpenerState.RTO_ACTIVE;
            default -> true;
        };
    }

    @Override
    protected Set<Integer> logActionsEndingIn(DeviceState previous, DeviceState state) {
        OpenerState before = previous.openerState();
        boolean afterOpening = before == OpenerState.OPEN || before == OpenerState.OPENING;
        return switch (state.openerState()) {
            // the opener's log: 1 ring to open on, 2 off, 3 open, 6 continuous mode on, 7 off
            case RTO_ACTIVE -> afterOpening ? Set.of() : Set.of(1, 6);
            case ONLINE -> afterOpening ? Set.of() : Set.of(2, 7);
            case OPEN -> Set.of(3);
            default -> Set.of();
        };
    }

    @Override
    protected boolean isOpeningState(DeviceState state) {
        OpenerState openerState = state.openerState();
        return openerState == OpenerState.OPENING || openerState == OpenerState.OPEN;
    }

    @Override
    protected void publishUnknown() {
        for (String channel : List.of(CHANNEL_LOCK, CHANNEL_UNLOCK, CHANNEL_CONTINUOUS_MODE, CHANNEL_OPENER_STATE)) {
            publish(channel, UnDefType.UNDEF);
        }
        publish(CHANNEL_UNLATCH, OnOffType.OFF);
    }

    @Override
    protected void showIntermediateState(LockAction action) {
        DeviceState state = lastState();
        if (state != null && action == LockAction.ELECTRIC_STRIKE_ACTUATION) {
            publishAll(OpenerChannelMapper.channelStates(state.withState(OpenerState.OPENING.code(), state.mode())));
        }
    }

    @Override
    protected @Nullable DeviceState stateAfter(LockAction action, DeviceState before) {
        return switch (action) {
            case ACTIVATE_RING_TO_OPEN -> before.withState(OpenerState.RTO_ACTIVE.code(), before.mode());
            case DEACTIVATE_RING_TO_OPEN -> before.mode() == DeviceMode.CONTINUOUS ? null
                    : before.withState(OpenerState.ONLINE.code(), before.mode());
            case ACTIVATE_CONTINUOUS_MODE -> before.withState(OpenerState.RTO_ACTIVE.code(), DeviceMode.CONTINUOUS);
            case DEACTIVATE_CONTINUOUS_MODE -> before.withState(OpenerState.ONLINE.code(), DeviceMode.DOOR);
            default -> null;
        };
    }

    @Override
    protected void handleSwitch(String channelId, boolean on, String source) {
        switch (channelId) {
            case CHANNEL_LOCK -> {
                if (on) {
                    lock(source);
                } else {
                    arm(LockAction.ACTIVATE_RING_TO_OPEN, source);
                }
            }
            case CHANNEL_UNLOCK -> {
                if (on) {
                    arm(LockAction.ACTIVATE_RING_TO_OPEN, source);
                } else {
                    perform(LockAction.DEACTIVATE_RING_TO_OPEN, source);
                }
            }
            case CHANNEL_UNLATCH -> {
                if (on) {
                    perform(LockAction.ELECTRIC_STRIKE_ACTUATION, source);
                } else {
                    revert();
                }
            }
            case CHANNEL_CONTINUOUS_MODE -> continuousMode(on, source);
            default -> logger.debug("Channel {} of {} takes no commands", channelId, thing.getUID());
        }
    }

    /** Ends ring to open, or continuous mode when it is on. */
    public CompletableFuture<Boolean> lock(String source) {
        DeviceState state = lastState();
        boolean continuous = state != null && state.mode() == DeviceMode.CONTINUOUS;
        return perform(continuous ? LockAction.DEACTIVATE_CONTINUOUS_MODE : LockAction.DEACTIVATE_RING_TO_OPEN, source);
    }

    /** Starts ring to open. */
    public CompletableFuture<Boolean> unlock(String source) {
        return arm(LockAction.ACTIVATE_RING_TO_OPEN, source);
    }

    /** Buzzes the door open. */
    public CompletableFuture<Boolean> unlatch(String source) {
        return perform(LockAction.ELECTRIC_STRIKE_ACTUATION, source);
    }

    public CompletableFuture<Boolean> continuousMode(boolean on, String source) {
        return on ? arm(LockAction.ACTIVATE_CONTINUOUS_MODE, source)
                : perform(LockAction.DEACTIVATE_CONTINUOUS_MODE, source);
    }

    // ------------------------------------------------------------------ arming and disarming

    /**
     * Ring to open or continuous mode on, through the gate like every action. A switch that forbids arming may go OFF
     * while it is under way: then the opener is disarmed once it is answered and the device reported its state.
     */
    private CompletableFuture<Boolean> arm(LockAction action, String source) {
        synchronized (this) {
            armingInFlight++;
        }
        CompletableFuture<Boolean> result = perform(action, source);
        result.whenComplete((armed, error) -> {
            DeviceState state = lastState();
            synchronized (this) {
                armingInFlight--;
                // a transport that pushes every state may tell the armed state after the action's answer
                if (Boolean.TRUE.equals(armed) && (state == null || state.openerState() != OpenerState.RTO_ACTIVE)) {
                    armedUnseen = true;
                }
            }
            disarmIfOwed();
        });
        return result;
    }

    @Override
    protected void forbidArming(String switchId) {
        synchronized (this) {
            disarmOwedFor = switchId;
        }
        disarmIfOwed();
    }

    /**
     * Disarms the opener if a switch that forbids arming went OFF, once no arming is under way and the device reported
     * the state it is in: only if ring to open or continuous mode is on then.
     */
    private void disarmIfOwed() {
        String owedFor;
        synchronized (this) {
            owedFor = disarmOwedFor;
            if (owedFor == null || armingInFlight > 0 || armedUnseen) {
                return;
            }
            disarmOwedFor = null;
        }
        DeviceState state = lastState();
        if (state != null && state.openerState() == OpenerState.RTO_ACTIVE) {
            disarm(state.mode() == DeviceMode.CONTINUOUS, owedFor);
        }
    }

    /** The device reported a state (not the binding showing the last one again): an arming is seen now. */
    private void stateReported() {
        boolean owed;
        synchronized (this) {
            armedUnseen = false;
            owed = disarmOwedFor != null;
        }
        if (owed) {
            scheduler.execute(this::disarmIfOwed);
        }
    }

    /** Switches ring to open or continuous mode off, once, and tells it in the log and on the event channel. */
    private void disarm(boolean continuous, String switchId) {
        String mode = continuous ? "continuous mode" : "ring to open";
        logger.info("{} went OFF while {} of {} was on: switching it off, so that no ring opens the door", switchId,
                mode, thing.getUID());
        perform(continuous ? LockAction.DEACTIVATE_CONTINUOUS_MODE : LockAction.DEACTIVATE_RING_TO_OPEN,
                switchId + " OFF").thenAccept(done -> {
                    if (done) {
                        triggerChannel(CHANNEL_EVENT, EVENT_DISARMED);
                    } else {
                        logger.warn("Could not switch {} of {} off after {} went OFF; switch it off by hand", mode,
                                thing.getUID(), switchId);
                    }
                });
    }
}
