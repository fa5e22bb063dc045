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
package org.openhab.core.thing.binding;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in: the base class of thing handlers. As in openHAB, every update goes to the callback under the handler's
 * lock and is dropped (with a warning) once the callback is gone; the status of the thing itself is left to the
 * framework.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class BaseThingHandler implements ThingHandler {

    private static final String THING_HANDLER_THREADPOOL_NAME = "thingHandler";

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandler.class);

    protected final ScheduledExecutorService scheduler = ThreadPoolManager
            .getScheduledPool(THING_HANDLER_THREADPOOL_NAME);

    protected Thing thing;

    private @Nullable ThingHandlerCallback callback;

    /**
     * The thing's configuration as {@link #getConfig()} last read it: openHAB 5.2 resolves it once (for its
     * {@code ${ENV:...}} variables) and reads it anew only after {@link #updateConfiguration} or
     * {@link #thingUpdated}, so a change made behind the handler's back is not seen.
     */
    private volatile @Nullable Configuration resolvedConfig;

    public BaseThingHandler(Thing thing) {
        this.thing = thing;
    }

    @Override
    public void handleRemoval() {
        updateStatus(ThingStatus.REMOVED);
    }

    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        if (!isModifyingCurrentConfig(configurationParameters)) {
            return;
        }
        validateConfigurationParameters(configurationParameters);
        Configuration configuration = editConfiguration();
        configurationParameters.forEach(configuration::put);
        if (isInitialized()) {
            dispose();
            updateConfiguration(configuration);
            initialize();
        } else {
            updateConfiguration(configuration);
        }
    }

    protected boolean isModifyingCurrentConfig(Map<String, Object> configurationParameters) {
        Configuration current = getConfig();
        for (Map.Entry<String, Object> entry : configurationParameters.entrySet()) {
            if (!Objects.equals(current.get(entry.getKey()), entry.getValue())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void dispose() {
    }

    @Override
    public Thing getThing() {
        return thing;
    }

    @Override
    public void thingUpdated(Thing thing) {
        dispose();
        this.thing = thing;
        resolvedConfig = null;
        initialize();
    }

    @Override
    public void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback) {
        synchronized (this) {
            this.callback = thingHandlerCallback;
        }
    }

    protected @Nullable ThingHandlerCallback getCallback() {
        return callback;
    }

    @Override
    public void channelLinked(ChannelUID channelUID) {
        handleCommand(channelUID, RefreshType.REFRESH);
    }

    @Override
    public void channelUnlinked(ChannelUID channelUID) {
    }

    protected void validateConfigurationParameters(Map<String, Object> configurationParameters) {
        ThingHandlerCallback current = callback;
        if (current != null) {
            current.validateConfigurationParameters(getThing(), configurationParameters);
        }
    }

    protected Configuration getConfig() {
        Configuration resolved = resolvedConfig;
        if (resolved == null) {
            synchronized (this) {
                resolved = resolvedConfig;
                if (resolved == null) {
                    resolved = new Configuration(getThing().getConfiguration());
                    resolvedConfig = resolved;
                }
            }
        }
        return resolved;
    }

    protected <T> T getConfigAs(Class<T> configurationClass) {
        return getConfig().as(configurationClass);
    }

    protected void updateState(ChannelUID channelUID, State state) {
        synchronized (this) {
            ThingHandlerCallback current = callback;
            if (current != null) {
                current.stateUpdated(channelUID, state);
            } else {
                warnDisposed("update state of " + channelUID);
            }
        }
    }

    protected void updateState(String channelID, State state) {
        updateState(new ChannelUID(getThing().getUID(), channelID), state);
    }

    protected void triggerChannel(ChannelUID channelUID, String event) {
        synchronized (this) {
            ThingHandlerCallback current = callback;
            if (current != null) {
                current.channelTriggered(getThing(), channelUID, event);
            } else {
                warnDisposed("trigger " + channelUID);
            }
        }
    }

    protected void triggerChannel(String channelID, String event) {
        triggerChannel(new ChannelUID(getThing().getUID(), channelID), event);
    }

    protected void triggerChannel(String channelID) {
        triggerChannel(channelID, "");
    }

    protected void triggerChannel(ChannelUID channelUID) {
        triggerChannel(channelUID, "");
    }

    protected void postCommand(String channelID, Command command) {
        postCommand(new ChannelUID(getThing().getUID(), channelID), command);
    }

    protected void postCommand(ChannelUID channelUID, Command command) {
        synchronized (this) {
            ThingHandlerCallback current = callback;
            if (current != null) {
                current.postCommand(channelUID, command);
            } else {
                warnDisposed("post a command to " + channelUID);
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        synchronized (this) {
            ThingHandlerCallback current = callback;
            if (current != null) {
                ThingStatusInfo statusInfo = ThingStatusInfoBuilder.create(status, statusDetail)
                        .withDescription(description).build();
                current.statusUpdated(thing, statusInfo);
            } else {
                warnDisposed("update the status");
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail) {
        updateStatus(status, statusDetail, null);
    }

    protected void updateStatus(ThingStatus status) {
        updateStatus(status, ThingStatusDetail.NONE, null);
    }

    protected Configuration editConfiguration() {
        return new Configuration(thing.getConfiguration().getProperties());
    }

    protected void updateConfiguration(Configuration configuration) {
        Map<String, Object> old = thing.getConfiguration().getProperties();
        try {
            thing.getConfiguration().setProperties(configuration.getProperties());
            resolvedConfig = null;
            synchronized (this) {
                ThingHandlerCallback current = callback;
                if (current != null) {
                    current.thingUpdated(thing);
                } else {
                    warnDisposed("update the configuration");
                }
            }
        } catch (RuntimeException e) {
            thing.getConfiguration().setProperties(old);
            resolvedConfig = null;
            throw e;
        }
    }

    protected Map<String, String> editProperties() {
        return new HashMap<>(thing.getProperties());
    }

    protected void updateProperties(@Nullable Map<String, String> properties) {
        if (properties != null) {
            setProperties(new HashMap<String, @Nullable String>(properties));
        }
    }

    private void setProperties(Map<String, @Nullable String> properties) {
        boolean changed = false;
        synchronized (this) {
            for (Map.Entry<String, @Nullable String> entry : properties.entrySet()) {
                String old = thing.setProperty(entry.getKey(), entry.getValue());
                changed |= !Objects.equals(old, entry.getValue());
            }
            ThingHandlerCallback current = callback;
            if (changed) {
                if (current != null) {
                    current.thingUpdated(thing);
                } else {
                    warnDisposed("update properties");
                }
            }
        }
    }

    protected void updateProperty(String name, @Nullable String value) {
        Map<String, String> properties = editProperties();
        if (!Objects.equals(properties.get(name), value)) {
            // a null value removes the property, as in Core
            Map<String, @Nullable String> update = new HashMap<>();
            update.put(name, value);
            setProperties(update);
        }
    }

    protected @Nullable Bridge getBridge() {
        ThingUID bridgeUID = thing.getBridgeUID();
        synchronized (this) {
            ThingHandlerCallback current = callback;
            if (bridgeUID != null && current != null) {
                return current.getBridge(bridgeUID);
            }
            return null;
        }
    }

    protected boolean isLinked(String channelId) {
        return isLinked(new ChannelUID(getThing().getUID(), channelId));
    }

    protected boolean isLinked(ChannelUID channelUID) {
        ThingHandlerCallback current = callback;
        return current != null && current.isChannelLinked(channelUID);
    }

    protected boolean isInitialized() {
        ThingStatus status = getThing().getStatus();
        return status == ThingStatus.ONLINE || status == ThingStatus.OFFLINE || status == ThingStatus.UNKNOWN;
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE
                && getThing().getStatusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE);
        } else if (bridgeStatusInfo.getStatus() == ThingStatus.OFFLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    private void warnDisposed(String what) {
        logger.warn("Handler {} of thing {} tried to {}, but it was already disposed", getClass().getSimpleName(),
                thing.getUID(), what);
    }
}
