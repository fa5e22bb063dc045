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
package org.openhab.binding.nuki.internal.bridge;

import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.auth.RequestAuthenticator;
import org.openhab.binding.nuki.internal.api.callback.CallbackRegistration;
import org.openhab.binding.nuki.internal.api.callback.CallbackSecret;
import org.openhab.binding.nuki.internal.api.client.BridgeTransport;
import org.openhab.binding.nuki.internal.api.client.ListPoller;
import org.openhab.binding.nuki.internal.api.client.ListSnapshot;
import org.openhab.binding.nuki.internal.api.client.NukiApiException;
import org.openhab.binding.nuki.internal.api.client.NukiBridgeClient;
import org.openhab.binding.nuki.internal.api.client.NukiFailure;
import org.openhab.binding.nuki.internal.api.client.RequestTimings;
import org.openhab.binding.nuki.internal.api.dto.BridgeInfoDto;
import org.openhab.binding.nuki.internal.api.dto.DeviceStateDto;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.bridge.callback.CallbackAddress;
import org.openhab.binding.nuki.internal.bridge.callback.CallbackTarget;
import org.openhab.binding.nuki.internal.bridge.callback.NukiCallbackRegistry;
import org.openhab.binding.nuki.internal.handler.AttachedDevices;
import org.openhab.binding.nuki.internal.handler.FailureStatus;
import org.openhab.binding.nuki.internal.handler.NukiDeviceHandler;
import org.openhab.binding.nuki.internal.handler.NukiDeviceTransport;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code nuki:bridge} thing: owns the connection to one Nuki Bridge (its client and request queue), reconciles
 * its devices' states from {@code /list} every {@code refreshInterval} seconds, and hands each device's state to its
 * thing. It is ONLINE only after an authenticated call succeeded; otherwise its status says what to fix.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiBridgeHandler extends BaseBridgeHandler implements CallbackTarget, NukiDeviceTransport {

    /** After this many failed reconciliations in a row a busy or slow bridge counts as offline. */
    private static final int TOLERATED_FAILURES = 3;
    /** Reconciliation interval while no callback can be registered. */
    static final int FALLBACK_REFRESH_INTERVAL = 15;
    /** The bridge takes callback URLs of at most this length. */
    private static final int MAX_CALLBACK_URL_LENGTH = 254;
    /** How long dispose waits for our callback's removal before closing the connection. */
    private static final long REMOVAL_GRACE_SECONDS = 10;

    private final Logger logger = LoggerFactory.getLogger(NukiBridgeHandler.class);
    private final BridgeTransport transport;
    private final Clock clock;
    private final RequestTimings timings;
    private final NukiCallbackRegistry callbackRegistry;
    private final CallbackAddress callbackAddress;

    private final AttachedDevices devices = new AttachedDevices();
    /** The last /list entries by nukiId. */
    private final Map<Long, ListEntryDto> entries = new ConcurrentHashMap<>();
    /** When the poll that produced {@link #entries} was asked for ({@link System#nanoTime()}). */
    private volatile long entriesRequestedAt = System.nanoTime();
    /** Held while {@link #entries} and {@link #entriesRequestedAt} change together. */
    private final Object entriesLock = new Object();

    private NukiBridgeConfiguration config = new NukiBridgeConfiguration();
    private URI base = URI.create("http://0.0.0.0/");
    private AuthenticationMode mode = AuthenticationMode.ENCRYPTED;
    private @Nullable NukiBridgeClient client;
    private @Nullable ListPoller poller;
    private int consecutiveFailures;
    private volatile boolean disposed;

    private @Nullable CallbackRegistration callbackRegistration;
    /** When the callback table was last found in order ({@link System#nanoTime()}). */
    private volatile long callbackCheckedAt = System.nanoTime();
    /**
     * Whether the next reconciliation checks the callback table: after a failure (the bridge may have restarted and
     * forgotten every callback) and after a check that did not get through.
     */
    private volatile boolean callbackCheckDue;
    /** Whether the connection was fully set up (properties, callbacks) after the bridge first answered. */
    private volatile boolean connected;
    private @Nullable ScheduledFuture<?> recoveryJob;
    private int recoveryDelaySeconds;
    /** Why no callback of ours is registered (a status description), or null when one is. */
    private volatile @Nullable String callbackProblem;
    /**
     * Held while the ONLINE status is set with {@link #callbackProblem} as its description, and while that problem
     * changes: going online and learning of a full callback table happen on different threads, and the description
     * must not be lost between them.
     */
    private final Object onlineStatus = new Object();
    private int pollingInterval;

    public NukiBridgeHandler(Bridge bridge, BridgeTransport transport, Clock clock, RequestTimings timings,
            NukiCallbackRegistry callbackRegistry, CallbackAddress callbackAddress) {
        super(bridge);
        this.transport = transport;
        this.clock = clock;
        this.timings = timings;
        this.callbackRegistry = callbackRegistry;
        this.callbackAddress = callbackAddress;
    }

    @Override
    public void initialize() {
        config = getConfigAs(NukiBridgeConfiguration.class);
        String legacyAuthentication = LegacySecureToken.authentication(getConfig());
        if (legacyAuthentication != null) {
            config.authentication = legacyAuthentication;
            migrateSecureToken();
        }
        disposed = false;
        consecutiveFailures = 0;
        if (config.ip.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.bridge.no-ip"));
            return;
        }
        if (config.port < 1 || config.port > 65535) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.bridge.bad-port", String.valueOf(config.port)));
            return;
        }
        AuthenticationMode mode;
        try {
            mode = AuthenticationMode.parse(config.authentication);
        } catch (IllegalArgumentException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.bridge.bad-authentication", config.authentication));
            return;
        }
        URI base;
        try {
            base = URI.create("http://" + config.ip.trim() + ":" + config.port + "/");
        } catch (IllegalArgumentException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.bridge.bad-ip", config.ip));
            return;
        }
        this.base = base;
        this.mode = mode;
        callbackRegistration = null;
        callbackProblem = null;
        pollingInterval = 0;
        connected = false;
        recoveryDelaySeconds = 0;
        if (config.apiToken.isBlank()) {
            // no token yet: ask the bridge for one; the user presses its button
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                    FailureStatus.text("offline.bridge.press-button"));
            scheduler.execute(this::pair);
            return;
        }
        start(config.apiToken.trim());
    }

    /** Connects with a token: /info, then reconciliation and callbacks. */
    private void start(String token) {
        NukiBridgeClient newClient = new NukiBridgeClient(transport, scheduler, base,
                new RequestAuthenticator(mode, token, clock), clock, timings);
        client = newClient;
        poller = new ListPoller(newClient, scheduler, this::onList, this::onPollFailure);
        updateStatus(ThingStatus.UNKNOWN);
        scheduler.execute(this::connect);
    }

    /** The button flow of /auth: the bridge hands out its token when its button is pressed within 30 s. */
    private void pair() {
        NukiBridgeClient pairing = new NukiBridgeClient(transport, scheduler, base, null, clock, timings);
        client = pairing;
        pairing.auth().whenComplete((answer, error) -> {
            pairing.close();
            if (disposed) {
                return;
            }
            client = null;
            if (error != null) {
                NukiApiException failure = NukiApiException.unwrap(error);
                NukiFailure kind = failure == null ? NukiFailure.UNREACHABLE : failure.failure();
                switch (kind) {
                    case NOT_SUPPORTED -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                            FailureStatus.text("offline.bridge.software-needs-token"));
                    case AUTH_DISABLED -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                            FailureStatus.text("offline.bridge.pairing-disabled"));
                    default -> reportFailure(failure != null ? failure
                            : new NukiApiException(NukiFailure.UNREACHABLE, String.valueOf(error.getMessage())));
                }
                return;
            }
            String token = answer.token;
            if (!Boolean.TRUE.equals(answer.success) || token == null || token.isBlank()) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        FailureStatus.text("offline.bridge.button-not-pressed"));
                return;
            }
            logger.info("The Nuki bridge at {} handed over its API token", config.ip);
            storeToken(token);
            config.apiToken = token;
            start(token);
        });
    }

    /**
     * A bridge thing of openHAB's earlier Nuki binding: its {@code secureToken} becomes {@code authentication} in the
     * thing's configuration, so that a later change of the authentication counts. A thing from a .things file keeps its
     * {@code secureToken}, which goes on choosing.
     */
    private void migrateSecureToken() {
        try {
            updateConfiguration(LegacySecureToken.migrated(editConfiguration()));
            logger.info("The Nuki bridge thing {}: secureToken of openHAB's earlier Nuki binding is now authentication "
                    + "'{}'", getThing().getUID(), config.authentication);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            logger.debug("The Nuki bridge thing {} is read-only (a .things file?): its secureToken chooses "
                    + "authentication '{}'", getThing().getUID(), config.authentication);
        }
    }

    /** Keeps the token in the thing's configuration; a thing from a .things file cannot take it. */
    private void storeToken(String token) {
        try {
            org.openhab.core.config.core.Configuration configuration = editConfiguration();
            configuration.put(CONFIG_API_TOKEN, token);
            updateConfiguration(configuration);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            logger.info("The Nuki bridge thing {} is read-only (a .things file?): its token is used until openHAB "
                    + "restarts; enter the token from the Nuki app in its configuration", getThing().getUID());
        }
    }

    /** Asks /info; on success the bridge is ONLINE and reconciliation starts. */
    private void connect() {
        NukiBridgeClient current = client;
        if (current == null) {
            return;
        }
        current.info().whenComplete((info, error) -> {
            if (error != null) {
                NukiApiException failure = NukiApiException.unwrap(error);
                reportFailure(failure != null ? failure
                        : new NukiApiException(NukiFailure.BAD_RESPONSE, String.valueOf(error.getMessage())));
                startPolling();
            } else {
                updateBridgeProperties(info);
                setUpCallbacks(current);
                connected = true;
                goOnline();
                startPolling();
            }
        });
    }

    /** Polls at the configured interval, or faster while no callback of ours is registered. */
    private synchronized void startPolling() {
        ListPoller current = poller;
        int configured = Math.max(NukiBridgeConfiguration.MIN_REFRESH_INTERVAL, config.refreshInterval);
        int interval = callbackProblem == null ? configured : Math.min(configured, FALLBACK_REFRESH_INTERVAL);
        if (current != null && !disposed && interval != pollingInterval) {
            pollingInterval = interval;
            current.start(Duration.ofSeconds(interval));
        }
    }

    // ------------------------------------------------------------------ callbacks

    /** Listens for this bridge's callbacks and, with manageCallbacks, registers ours on the bridge. */
    private void setUpCallbacks(NukiBridgeClient current) {
        String bridgeId = getThing().getUID().getId();
        String secret = CallbackSecret.derive(config.apiToken.trim(), getThing().getUID().getAsString());
        List<InetAddress> sources = null;
        if (config.checkCallbackSource) {
            try {
                sources = List.of(InetAddress.getAllByName(config.ip.trim()));
            } catch (UnknownHostException e) {
                sources = List.of();
            }
        }
        callbackRegistry.register(bridgeId, secret, sources, this, scheduler);
        if (!config.manageCallbacks) {
            return;
        }
        String base = callbackAddress.baseUrl(config.callbackAddress);
        if (base == null) {
            callbackProblem = FailureStatus.text("online.callback-no-address");
            return;
        }
        String prefix = NukiCallbackRegistry.PATH + "/" + bridgeId + "/";
        String url = base + prefix + secret;
        if (url.length() > MAX_CALLBACK_URL_LENGTH) {
            callbackProblem = FailureStatus.text("online.callback-url-too-long", base);
            return;
        }
        callbackRegistration = new CallbackRegistration(current, url, prefix);
        checkCallback();
    }

    /**
     * Checks the callback table when there is reason to: a change the bridge did not push, a failure since the last
     * check, no callback of ours yet (table full, say), or 15 minutes without a check. Otherwise a reconciliation
     * costs the bridge its one /list.
     *
     * @param unpushedChange whether the reconciliation found a change no callback told
     */
    private void checkCallbackIfDue(boolean unpushedChange) {
        boolean periodic = System.nanoTime() - callbackCheckedAt >= timings.callbackCheckPeriod().toNanos();
        if (unpushedChange || callbackCheckDue || callbackProblem != null || periodic) {
            if (unpushedChange) {
                logger.debug("The Nuki bridge at {} did not push a change; checking its callbacks", config.ip);
            }
            checkCallback();
        }
    }

    /** Makes sure our callback is on the bridge (a reboot forgets them all). */
    private void checkCallback() {
        CallbackRegistration registration = callbackRegistration;
        if (registration == null || disposed) {
            return;
        }
        callbackCheckDue = false;
        registration.ensure().whenComplete((outcome, error) -> {
            if (disposed) {
                return;
            }
            if (error != null) {
                callbackCheckDue = true;
                NukiApiException failure = NukiApiException.unwrap(error);
                logger.debug("Cannot check the callbacks on the Nuki bridge at {}: {}", config.ip,
                        failure != null ? failure.getMessage() : error.getMessage());
                return;
            }
            callbackCheckedAt = System.nanoTime();
            String problem = null;
            if (outcome == CallbackRegistration.Outcome.TABLE_FULL) {
                problem = FailureStatus.text("online.callbacks-full");
            } else if (outcome == CallbackRegistration.Outcome.ADDED) {
                logger.debug("Registered the callback on the Nuki bridge at {}", config.ip);
            }
            synchronized (onlineStatus) {
                boolean changed = !Objects.equals(problem, callbackProblem);
                callbackProblem = problem;
                if (changed && getThing().getStatus() == ThingStatus.ONLINE) {
                    updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, problem);
                }
            }
            startPolling();
        });
    }

    /** Our callback URL on this bridge, or null when none is managed. */
    public @Nullable String ownCallbackUrl() {
        CallbackRegistration registration = callbackRegistration;
        return registration == null ? null : registration.url();
    }

    /** Whether a callback URL is one this binding made for this bridge (current or stale). */
    public boolean isOwnCallback(String url) {
        CallbackRegistration registration = callbackRegistration;
        return registration != null && (registration.url().equals(url) || registration.isOurs(url));
    }

    /** Why the bridge cannot call openHAB back (a status description), or null. */
    public @Nullable String callbackProblem() {
        return callbackProblem;
    }

    private void updateBridgeProperties(BridgeInfoDto info) {
        Map<String, String> properties = new HashMap<>();
        Integer type = info.bridgeType;
        properties.put(PROPERTY_BRIDGE_TYPE, type == null ? "unknown" : type == 2 ? "software" : "hardware");
        BridgeInfoDto.Ids ids = info.ids;
        if (ids != null) {
            if (ids.serverId != null) {
                properties.put(PROPERTY_BRIDGE_ID, String.valueOf(ids.serverId));
            }
            if (ids.hardwareId != null) {
                properties.put(PROPERTY_HARDWARE_ID, String.valueOf(ids.hardwareId));
            }
        }
        BridgeInfoDto.Versions versions = info.versions;
        if (versions != null) {
            putIfPresent(properties, Thing.PROPERTY_FIRMWARE_VERSION, versions.firmwareVersion);
            putIfPresent(properties, PROPERTY_WIFI_FIRMWARE_VERSION, versions.wifiFirmwareVersion);
            putIfPresent(properties, PROPERTY_APP_VERSION, versions.appVersion);
        }
        updateProperties(properties);
    }

    private static void putIfPresent(Map<String, String> properties, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    private void goOnline() {
        consecutiveFailures = 0;
        stopRecovery();
        synchronized (onlineStatus) {
            if (!disposed && getThing().getStatus() != ThingStatus.ONLINE) {
                updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, callbackProblem);
            }
        }
    }

    /** A {@code /list} answer (public for the device tests: answers arriving out of order). */
    public void onList(ListSnapshot snapshot) {
        if (disposed) {
            return;
        }
        NukiBridgeClient current = client;
        if (!connected && current != null) {
            // the first /info failed, this reconciliation worked: finish what connect() would have done
            connected = true;
            setUpCallbacks(current);
            current.info().thenAccept(this::updateBridgeProperties);
        }
        goOnline();
        Map<Long, ListEntryDto> fresh = new HashMap<>();
        for (ListEntryDto entry : snapshot.entries()) {
            fresh.put(entry.nukiId, entry);
        }
        synchronized (entriesLock) {
            // two answers can reach here on different scheduler threads; the cache keeps the newer one
            if (snapshot.requestedAtNanos() - entriesRequestedAt >= 0) {
                entries.keySet().retainAll(fresh.keySet());
                entries.putAll(fresh);
                entriesRequestedAt = snapshot.requestedAtNanos();
            }
        }
        // each device handles its entry on its own lane; the callbacks are checked once all of them did
        List<CompletableFuture<Boolean>> handled = new ArrayList<>();
        devices.forEach((nukiId, device) -> {
            ListEntryDto entry = fresh.get(nukiId);
            if (entry == null) {
                device.onMissingFromBridge();
            } else {
                handled.add(device.onBridgeEntry(entry, snapshot.requestedAtNanos()).exceptionally(error -> false));
            }
        });
        CompletableFuture<Boolean> unpushedChange = CompletableFuture.completedFuture(false);
        for (CompletableFuture<Boolean> entry : handled) {
            unpushedChange = unpushedChange.thenCombine(entry, (before, seen) -> before || seen);
        }
        unpushedChange.thenAccept(this::checkCallbackIfDue);
    }

    private void onPollFailure(NukiApiException failure) {
        if (disposed) {
            return;
        }
        consecutiveFailures++;
        boolean passing = failure.failure() == NukiFailure.BUSY || failure.failure() == NukiFailure.TIMEOUT
                || failure.failure() == NukiFailure.BAD_RESPONSE || failure.failure() == NukiFailure.CANCELLED;
        logger.debug("Reconciliation with the Nuki bridge at {}:{} failed: {}", config.ip, config.port,
                failure.getMessage());
        if (!passing || consecutiveFailures >= TOLERATED_FAILURES || getThing().getStatus() != ThingStatus.ONLINE) {
            reportFailure(failure);
        }
    }

    private void reportFailure(NukiApiException failure) {
        if (disposed) {
            return;
        }
        // back from a failure, the bridge may have restarted and forgotten our callback
        callbackCheckDue = true;
        FailureStatus status = FailureStatus.ofBridge(failure, config.ip + ":" + config.port,
                config.authentication.toLowerCase(Locale.ROOT));
        updateStatus(ThingStatus.OFFLINE, status.detail(), status.description());
        scheduleRecovery();
    }

    /** While offline, tries again after 2, 4, 8 ... seconds, up to the refresh interval, not only at the next one. */
    private synchronized void scheduleRecovery() {
        ScheduledFuture<?> pending = recoveryJob;
        if (disposed || poller == null || (pending != null && !pending.isDone())) {
            return;
        }
        int ceiling = Math.max(NukiBridgeConfiguration.MIN_REFRESH_INTERVAL, config.refreshInterval);
        recoveryDelaySeconds = recoveryDelaySeconds == 0 ? 2 : Math.min(recoveryDelaySeconds * 2, ceiling);
        recoveryJob = scheduler.schedule(this::reconcileSoon, recoveryDelaySeconds, TimeUnit.SECONDS);
    }

    private synchronized void stopRecovery() {
        ScheduledFuture<?> pending = recoveryJob;
        if (pending != null) {
            pending.cancel(false);
            recoveryJob = null;
        }
        recoveryDelaySeconds = 0;
    }

    /** A callback from the bridge (through the binding's servlet): the device's new state, right away. */
    @Override
    public void onCallback(DeviceStateDto body) {
        Long nukiId = body.nukiId;
        NukiDeviceHandler device = nukiId == null ? null : devices.get(nukiId);
        if (device == null) {
            logger.debug("Callback for unknown Nuki device {}", nukiId);
            return;
        }
        device.onCallbackState(body);
    }

    /** Reconciles soon, for example after a lock action, when a callback may not come. */
    public void reconcileSoon() {
        ListPoller current = poller;
        if (current != null && !disposed) {
            current.pollNow();
        }
    }

    /** The client, for the device handlers; null while the bridge is not configured. */
    public @Nullable NukiBridgeClient client() {
        return client;
    }

    public NukiBridgeConfiguration configuration() {
        return config;
    }

    @Override
    public void childHandlerInitialized(ThingHandler childHandler, Thing childThing) {
        if (childHandler instanceof NukiDeviceHandler device) {
            attach(device);
        }
    }

    /**
     * Serves a device handler that was (re-)initialized: callbacks and reconciliations reach it under its current id,
     * and it gets its entry from the last /list at once, without asking the bridge.
     */
    @Override
    public boolean attach(NukiDeviceHandler device) {
        return !disposed && devices.attach(device) && replayListedEntry(device);
    }

    @Override
    public CompletableFuture<?> lockAction(long nukiId, int deviceTypeCode, LockAction action) {
        NukiBridgeClient current = client;
        if (current == null) {
            return CompletableFuture
                    .failedFuture(new NukiApiException(NukiFailure.CANCELLED, "The bridge thing is not initialized."));
        }
        if (action == LockAction.FULL_LOCK) {
            return CompletableFuture.failedFuture(new NukiApiException(NukiFailure.NOT_SUPPORTED,
                    "A Nuki Bridge cannot full-lock; only locks on MQTT can."));
        }
        return current.lockAction(nukiId, deviceTypeCode, action, false);
    }

    @Override
    public void actionPerformed() {
        reconcileSoon();
    }

    /** One /list for a device that stays transitional (merged with any poll under way). */
    @Override
    public void refreshState(NukiDeviceHandler device) {
        reconcileSoon();
    }

    @Override
    public void childHandlerDisposed(ThingHandler childHandler, Thing childThing) {
        if (childHandler instanceof NukiDeviceHandler device) {
            devices.detach(device);
        }
    }

    /** Whether a thing serves the device already (then discovery does not offer it). */
    public boolean hasDeviceThing(long nukiId) {
        return devices.contains(nukiId);
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NukiDeviceDiscoveryService.class);
    }

    /** The bridge's devices as it last listed them. */
    public List<ListEntryDto> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * Hands a device its entry from the last /list, stamped as that poll was, so that a state reported since is kept.
     *
     * @return whether the bridge listed the device
     */
    public boolean replayListedEntry(NukiDeviceHandler device) {
        Long nukiId = device.nukiId();
        // the moment first: the entry read after it is at least as new
        long requestedAt = entriesRequestedAt;
        ListEntryDto entry = nukiId == null ? null : entries.get(nukiId);
        if (entry == null) {
            return false;
        }
        device.onBridgeEntry(entry, requestedAt);
        return true;
    }

    @Override
    public boolean knowsDevice(long nukiId) {
        return entries.containsKey(nukiId);
    }

    /** The last /list entry of a device, if the bridge listed it. */
    public @Nullable ListEntryDto entry(long nukiId) {
        return entries.get(nukiId);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge has no channels
    }

    @Override
    public void dispose() {
        synchronized (this) {
            disposed = true;
        }
        stopRecovery();
        callbackRegistry.unregister(getThing().getUID().getId(), this);
        ListPoller currentPoller = poller;
        if (currentPoller != null) {
            currentPoller.stop();
        }
        NukiBridgeClient currentClient = client;
        CallbackRegistration registration = callbackRegistration;
        if (currentClient != null) {
            if (registration != null && config.manageCallbacks) {
                // remove ours from the bridge in the background, then close; dispose itself returns at once
                CompletableFuture<@Nullable Void> removal = registration.remove();
                ScheduledFuture<?> deadline = scheduler.schedule(currentClient::close, REMOVAL_GRACE_SECONDS,
                        TimeUnit.SECONDS);
                removal.whenComplete((done, error) -> {
                    deadline.cancel(false);
                    currentClient.close();
                });
            } else {
                currentClient.close();
            }
        }
        poller = null;
        client = null;
        callbackRegistration = null;
        entries.clear();
    }
}
