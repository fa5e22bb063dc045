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
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;
import org.openhab.binding.nuki.internal.api.mqtt.LockActionEvent;
import org.openhab.binding.nuki.internal.config.NukiSmartLockConfiguration;
import org.openhab.binding.nuki.internal.handler.SmartLockChannelMapper.LockNGo;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code nuki:smartlock} (device types 0, 3, 4, and types the binding does not know). Unlocking never unlatches:
 * unlatching takes the {@code unlatch} channel, lock 'n' go with unlatch, the opt-in "second unlock within N seconds"
 * gesture, the legacy {@code unlatch} option or a thing action, and every one of these is gated by
 * {@code unlatch-allowed}. While {@code unlock-allowed} is OFF, openHAB may only lock it (lock, full lock).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiSmartLockHandler extends NukiDeviceHandler {

    private final Logger logger = LoggerFactory.getLogger(NukiSmartLockHandler.class);

    private NukiSmartLockConfiguration config = new NukiSmartLockConfiguration();
    private volatile LockNGo runningLockNGo = LockNGo.NONE;
    private @Nullable Instant lastUnlockCommand;
    private boolean unknownTypeLogged;

    public NukiSmartLockHandler(Thing thing, UnlatchAllowedStore unlatchAllowedStore, NukiAccounts accounts,
            Clock clock) {
        super(thing, unlatchAllowedStore, accounts, clock);
    }

    @Override
    protected void initializeDevice() {
        config = getConfigAs(NukiSmartLockConfiguration.class);
        runningLockNGo = LockNGo.NONE;
        lastUnlockCommand = null;
        unknownTypeLogged = false;
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NukiSmartLockActions.class);
    }

    @Override
    protected boolean acceptsType(DeviceType type) {
        return !type.isOpener();
    }

    @Override
    protected void unknownType(int code) {
        if (!unknownTypeLogged) {
            unknownTypeLogged = true;
            logger.info("Nuki device {} reports device type {}, which this binding does not know; "
                    + "it is handled as a smart lock", thing.getUID(), code);
        }
    }

    // ------------------------------------------------------------------ state

    @Override
    protected void publishState(DeviceState state, @Nullable DeviceState previous) {
        SmartLockState lockState = state.smartLockState();
        if (runningLockNGo != LockNGo.NONE && !isActionInFlight() && lockState != SmartLockState.UNLOCKED_LOCK_N_GO
                && !lockState.isTransitional() && lockState != SmartLockState.UNLATCHED) {
            runningLockNGo = LockNGo.NONE;
        }
        publishAll(SmartLockChannelMapper.channelStates(state, runningLockNGo));
        String event = SmartLockChannelMapper.event(previous, state);
        if (event != null) {
            fireEvent(event);
        }
    }

    @Override
    protected @Nullable String openingEvent(LockAction action) {
        return action == LockAction.UNLATCH ? EVENT_UNLATCHED : null;
    }

    @Override
    protected boolean opensOnlyWhenUnlocked() {
        return config.unlatchOnlyWhenUnlocked;
    }

    @Override
    protected @Nullable Duration transitionalTimeout(DeviceState state) {
        SmartLockState lockState = state.smartLockState();
        if (lockState == SmartLockState.UNLOCKED_LOCK_N_GO) {
            // lock 'n' go waits for its own timer before it locks
            return Duration.ofSeconds(Math.max(1, config.lockNGoTimeout));
        }
        return lockState.isTransitional() ? transitionalTimeout : null;
    }

    @Override
    protected boolean isOpener() {
        return false;
    }

    @Override
    protected Duration ownActionGrace(LockAction action) {
        // lock 'n' go locks by itself once its timer ran out
        return action == LockAction.LOCK_N_GO || action == LockAction.LOCK_N_GO_WITH_UNLATCH
                ? OWN_ACTION_GRACE.plusSeconds(Math.max(1, config.lockNGoTimeout))
                : OWN_ACTION_GRACE;
    }

    @Override
    protected boolean ownActionExplains(LockAction action, DeviceState state) {
        SmartLockState lockState = state.smartLockState();
        return switch (action) {
            case UNLOCK -> lockState == SmartLockState.UNLOCKING || lockState == SmartLockState.UNLOCKED;
            case LOCK, FULL_LOCK -> lockState == SmartLockState.LOCKING || lockState == SmartLockState.LOCKED;
            case UNLATCH -> lockState == SmartLockState.UNLATCHING || lockState == SmartLockState.UNLATCHED
                    || lockState == SmartLockState.UNLOCKING || lockState == SmartLockState.UNLOCKED;
            case LOCK_N_GO, LOCK_N_GO_WITH_UNLATCH -> lockState != SmartLockState.MOTOR_BLOCKED
                    && lockState != SmartLockState.UNDEFINED && lockState != SmartLockState.UNKNOWN;
            default -> false;
        };
    }

    @Override
    protected boolean endsOwnAction(LockAction action, DeviceState state) {
        SmartLockState lockState = state.smartLockState();
        return switch (action) {
            case UNLOCK, UNLATCH -> lockState == SmartLockState.UNLOCKED;
            case LOCK, FULL_LOCK, LOCK_N_GO, LOCK_N_GO_WITH_UNLATCH -> lockState == SmartLockState.LOCKED;
            default -> true;
        };
    }

    @Override
    protected Set<Integer> logActionsEndingIn(DeviceState previous, DeviceState state) {
        SmartLockState before = previous.smartLockState();
        return switch (state.smartLockState()) {
            // the end of lock 'n' go, named when it started
            case LOCKED -> before == SmartLockState.UNLOCKED_LOCK_N_GO ? Set.of() : Set.of(2, 4, 5);
            // the end of an unlatch, named when it unlatched
            case UNLOCKED ->
                before == SmartLockState.UNLATCHED || before == SmartLockState.UNLATCHING ? Set.of() : Set.of(1, 3);
            case UNLATCHED -> Set.of(3, 5);
            case UNLOCKED_LOCK_N_GO -> Set.of(4, 5);
            default -> Set.of();
        };
    }

    @Override
    protected boolean endsOpening(String event) {
        return EVENT_UNLOCKED.equals(event);
    }

    @Override
    protected boolean isOpeningState(DeviceState state) {
        SmartLockState lockState = state.smartLockState();
        return lockState == SmartLockState.UNLATCHING || lockState == SmartLockState.UNLATCHED;
    }

    @Override
    protected void publishUnknown() {
        for (String channel : List.of(CHANNEL_LOCK, CHANNEL_UNLOCK, CHANNEL_LOCK_STATE, CHANNEL_DOOR_SENSOR,
                CHANNEL_DOOR_SENSOR_STATE)) {
            publish(channel, UnDefType.UNDEF);
        }
        publish(CHANNEL_UNLATCH, OnOffType.OFF);
        publish(CHANNEL_LOCK_N_GO, OnOffType.OFF);
        publish(CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.OFF);
    }

    @Override
    protected void showIntermediateState(LockAction action) {
        if (action == LockAction.LOCK_N_GO || action == LockAction.LOCK_N_GO_WITH_UNLATCH) {
            runningLockNGo = action == LockAction.LOCK_N_GO ? LockNGo.PLAIN : LockNGo.WITH_UNLATCH;
        }
        DeviceState state = lastState();
        if (state == null) {
            return;
        }
        SmartLockState passing = switch (action) {
            case UNLOCK, LOCK_N_GO -> SmartLockState.UNLOCKING;
            case LOCK, FULL_LOCK -> SmartLockState.LOCKING;
            case UNLATCH, LOCK_N_GO_WITH_UNLATCH -> SmartLockState.UNLATCHING;
            default -> null;
        };
        if (passing != null) {
            Map<String, State> states = SmartLockChannelMapper.channelStates(state.withState(passing.code(),
                    state.mode() == DeviceMode.UNKNOWN ? DeviceMode.DOOR : state.mode()), runningLockNGo);
            publishAll(states);
        }
    }

    @Override
    protected @Nullable DeviceState stateAfter(LockAction action, DeviceState before) {
        SmartLockState after = switch (action) {
            case UNLOCK, UNLATCH -> SmartLockState.UNLOCKED;
            case LOCK, FULL_LOCK -> SmartLockState.LOCKED;
            case LOCK_N_GO, LOCK_N_GO_WITH_UNLATCH -> SmartLockState.UNLOCKED_LOCK_N_GO;
            default -> null;
        };
        return after == null ? null : before.withState(after.code(), before.mode());
    }

    @Override
    protected void actionFailed(LockAction action) {
        if (action == LockAction.LOCK_N_GO || action == LockAction.LOCK_N_GO_WITH_UNLATCH) {
            runningLockNGo = LockNGo.NONE;
        }
    }

    // ------------------------------------------------------------------ commands

    @Override
    protected void handleSwitch(String channelId, boolean on, String source) {
        switch (channelId) {
            case CHANNEL_LOCK -> {
                if (on) {
                    perform(LockAction.LOCK, source);
                } else if (config.unlatch) {
                    // legacy option of the in-tree binding: OFF unlatches (unsafe with HomeKit; documented)
                    perform(LockAction.UNLATCH, source + " (legacy unlatch option)");
                } else {
                    unlock(source);
                }
            }
            case CHANNEL_UNLOCK -> {
                if (on) {
                    unlock(source);
                } else {
                    perform(LockAction.LOCK, source);
                }
            }
            case CHANNEL_UNLATCH -> {
                if (on) {
                    perform(LockAction.UNLATCH, source);
                } else {
                    revert();
                }
            }
            case CHANNEL_LOCK_N_GO -> {
                if (on) {
                    lockNGo(false, source);
                } else {
                    revert();
                }
            }
            case CHANNEL_LOCK_N_GO_UNLATCH -> {
                if (on) {
                    lockNGo(true, source);
                } else {
                    revert();
                }
            }
            case CHANNEL_FULL_LOCK -> {
                if (on) {
                    fullLock(source).whenComplete((done, error) -> publish(CHANNEL_FULL_LOCK, OnOffType.OFF));
                } else {
                    publish(CHANNEL_FULL_LOCK, OnOffType.OFF);
                }
            }
            default -> logger.debug("Channel {} of {} takes no commands", channelId, thing.getUID());
        }
    }

    /** Locks. */
    public CompletableFuture<Boolean> lock(String source) {
        return perform(LockAction.LOCK, source);
    }

    /**
     * Unlocks; never unlatches, except with the opt-in gesture: an unlock arriving while the lock is unlocked, within
     * {@code secondUnlockUnlatches} seconds of the previous unlock, unlatches (if unlatching is allowed).
     */
    public CompletableFuture<Boolean> unlock(String source) {
        Instant now = clock.instant();
        boolean gesture;
        synchronized (this) {
            Instant previous = lastUnlockCommand;
            DeviceState state = lastState();
            gesture = config.secondUnlockUnlatches > 0 && previous != null && state != null
                    && state.smartLockState() == SmartLockState.UNLOCKED
                    && !Duration.between(previous, now).minusSeconds(config.secondUnlockUnlatches).isPositive();
            // an unlock refused by unlock-allowed unlocked nothing: it is no first unlock of the gesture
            lastUnlockCommand = gesture || !isUnlockAllowed() ? null : now;
        }
        if (gesture) {
            return perform(LockAction.UNLATCH,
                    source + " (second unlock within " + config.secondUnlockUnlatches + " s)");
        }
        return perform(LockAction.UNLOCK, source);
    }

    /** Unlatches (opens the door). */
    public CompletableFuture<Boolean> unlatch(String source) {
        return perform(LockAction.UNLATCH, source);
    }

    /** Locks with an extra turn (bridge-less locks on MQTT; a Nuki Bridge cannot). */
    public CompletableFuture<Boolean> fullLock(String source) {
        return perform(LockAction.FULL_LOCK, source);
    }

    // ------------------------------------------------------------------ what only Nuki's MQTT API tells

    /**
     * Who or what moved the lock, or a press of its button or a fob that started no action. The channels tell the
     * last action; the {@code action-event} channel fires {@code ACTION:TRIGGER} (for example
     * {@code UNLOCK:FINGERPRINT}), or {@code BUTTON_PRESS:n} and {@code FOB_PRESS:n} for presses without an action.
     */
    public void onLockActionEvent(LockActionEvent event) {
        if (event.isPressWithoutAction()) {
            triggerChannel(CHANNEL_ACTION_EVENT, event.actionName() + "_PRESS:" + event.presses());
            return;
        }
        publish(CHANNEL_LAST_ACTION, new StringType(event.actionName()));
        publish(CHANNEL_LAST_ACTION_TRIGGER, new StringType(event.triggerName()));
        publish(CHANNEL_LAST_ACTION_AUTH_ID, new DecimalType(event.authId()));
        publish(CHANNEL_LAST_ACTION_CODE_ID, new DecimalType(event.codeId()));
        nameWhoActed(event.trigger() == LockActionEvent.TRIGGER_MQTT, (int) event.authId(), event.codeId());
        triggerChannel(CHANNEL_ACTION_EVENT, event.actionName() + ":" + event.triggerName());
    }

    /** What a bridge-less lock tells of itself besides its state. */
    public void onMqttDetails(@Nullable String name, @Nullable String firmware, @Nullable Integer deviceType,
            @Nullable Boolean cloudConnected, @Nullable Boolean doorSensorBatteryCritical) {
        Map<String, String> properties = new HashMap<>();
        if (name != null && !name.isBlank()) {
            properties.put(PROPERTY_NAME, name);
        }
        if (firmware != null && !firmware.isBlank()) {
            properties.put(Thing.PROPERTY_FIRMWARE_VERSION, firmware);
        }
        if (deviceType != null) {
            properties.put(PROPERTY_DEVICE_TYPE, String.valueOf(deviceType));
        }
        if (!properties.isEmpty()) {
            updateProperties(properties);
        }
        publish(CHANNEL_CLOUD_CONNECTED, cloudConnected == null ? UnDefType.UNDEF : OnOffType.from(cloudConnected));
        publish(CHANNEL_DOOR_SENSOR_LOW_BATTERY,
                doorSensorBatteryCritical == null ? UnDefType.UNDEF : OnOffType.from(doorSensorBatteryCritical));
    }

    /** Starts lock 'n' go, with or without unlatching first. */
    public CompletableFuture<Boolean> lockNGo(boolean withUnlatch, String source) {
        return perform(withUnlatch ? LockAction.LOCK_N_GO_WITH_UNLATCH : LockAction.LOCK_N_GO, source);
    }
}
