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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.model.DeviceMode;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.OpenerState;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * <b>Where an opener's state becomes channel states.</b> One pure function, as {@link SmartLockChannelMapper} for
 * smart locks. {@code lock} is ON while neither ring to open nor continuous mode is on; {@code unlatch} is ON while
 * the electric strike buzzes.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class OpenerChannelMapper {

    private OpenerChannelMapper() {
    }

    public static Map<String, State> channelStates(DeviceState state) {
        Map<String, State> channels = new LinkedHashMap<>();
        OpenerState openerState = state.openerState();
        boolean continuous = state.mode() == DeviceMode.CONTINUOUS;
        boolean known = openerState != OpenerState.UNKNOWN && openerState != OpenerState.UNDEFINED
                && openerState != OpenerState.UNTRAINED && openerState != OpenerState.BOOT_RUN;

        if (known) {
            boolean ringToOpen = continuous || openerState == OpenerState.RTO_ACTIVE;
            if (openerState != OpenerState.OPENING && openerState != OpenerState.OPEN) {
                channels.put(CHANNEL_LOCK, OnOffType.from(!ringToOpen));
                channels.put(CHANNEL_UNLOCK, OnOffType.from(ringToOpen));
            }
        } else {
            channels.put(CHANNEL_LOCK, UnDefType.UNDEF);
            channels.put(CHANNEL_UNLOCK, UnDefType.UNDEF);
        }
        channels.put(CHANNEL_UNLATCH,
                OnOffType.from(openerState == OpenerState.OPENING || openerState == OpenerState.OPEN));
        channels.put(CHANNEL_CONTINUOUS_MODE,
                state.mode() == DeviceMode.UNKNOWN ? UnDefType.UNDEF : OnOffType.from(continuous));
        channels.put(CHANNEL_OPENER_STATE,
                openerState == OpenerState.UNKNOWN ? UnDefType.UNDEF : new StringType(openerState.name()));
        channels.put(CHANNEL_LOW_BATTERY, SmartLockChannelMapper.onOff(state.batteryCritical()));
        Instant ring = state.ringactionTimestamp();
        channels.put(CHANNEL_LAST_RING, ring == null ? UnDefType.UNDEF : new DateTimeType(ring));
        return channels;
    }

    /** Whether the new state reports a ring the previous one did not. */
    public static boolean isNewRing(@Nullable DeviceState previous, DeviceState current) {
        Instant ring = current.ringactionTimestamp();
        if (previous == null) {
            return false;
        }
        Instant before = previous.ringactionTimestamp();
        if (ring != null && (before == null || ring.isAfter(before))) {
            return true;
        }
        return Boolean.TRUE.equals(current.ringactionState()) && !Boolean.TRUE.equals(previous.ringactionState())
                && ring == null;
    }

    /** The event a state change is worth on the event channel, or null. */
    public static @Nullable String event(@Nullable DeviceState previous, DeviceState current) {
        if (previous == null) {
            return null;
        }
        boolean wasContinuous = previous.mode() == DeviceMode.CONTINUOUS;
        boolean isContinuous = current.mode() == DeviceMode.CONTINUOUS;
        if (wasContinuous != isContinuous) {
            return isContinuous ? EVENT_CONTINUOUS_MODE_ON : EVENT_CONTINUOUS_MODE_OFF;
        }
        OpenerState before = previous.openerState();
        OpenerState now = current.openerState();
        if (before == now) {
            return null;
        }
        return switch (now) {
            case RTO_ACTIVE -> EVENT_RING_TO_OPEN_ON;
            case ONLINE -> before == OpenerState.RTO_ACTIVE ? EVENT_RING_TO_OPEN_OFF : null;
            case OPEN -> EVENT_OPENED;
            default -> null;
        };
    }
}
