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
package org.openhab.binding.nuki.internal.account;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodes;
import org.openhab.binding.nuki.internal.api.model.NukiId;
import org.openhab.binding.nuki.internal.api.web.AuthorizationNames;
import org.openhab.binding.nuki.internal.api.web.LogAttribution;
import org.openhab.binding.nuki.internal.api.web.WebApiClient;
import org.openhab.binding.nuki.internal.api.web.WebApiException;
import org.openhab.binding.nuki.internal.api.web.WebApiFailure;
import org.openhab.binding.nuki.internal.api.web.WebKeypadCodes;
import org.openhab.binding.nuki.internal.api.web.WebLogEntryDto;
import org.openhab.binding.nuki.internal.api.web.WebSmartlockDto;
import org.openhab.binding.nuki.internal.handler.FailureStatus;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code nuki:account}: the owner's Nuki Web account, for what no local API has: the names behind authorizations,
 * keypad codes and the activity log. It reads the account's devices once at start (and again when a thing asks for a
 * device it does not list, or after a failure), then asks the cloud only when a device thing needs it. While the
 * cloud throttles, nothing is sent until the time it asked for. It has no path to a lock action: the door moves only
 * through a thing's local transport.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class NukiAccountHandler extends BaseThingHandler {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /** How long nothing is sent after a server error that named no time. */
    private static final Duration SERVER_ERROR_PAUSE = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(15);
    /** How often a device a thing asks for and the account does not list makes it read its devices again. */
    private static final Duration MISSING_REFRESH = Duration.ofMinutes(10);

    private final Logger logger = LoggerFactory.getLogger(NukiAccountHandler.class);
    private final HttpClient httpClient;
    private final NukiAccounts accounts;
    private final LocalTransports transports;
    private final Clock clock;
    private final List<Duration> keypadConfirmAfter;

    private NukiAccountConfiguration config = new NukiAccountConfiguration();
    private @Nullable WebApiClient client;
    private @Nullable AuthorizationNames names;
    private @Nullable LogAttribution attribution;
    private final Map<Long, WebKeypadCodes> keypads = new ConcurrentHashMap<>();
    private volatile List<WebSmartlockDto> devices = List.of();
    private final Set<Long> missing = ConcurrentHashMap.newKeySet();
    private volatile boolean devicesRead;
    /** Nuki Web refused the token itself (not a scope) since the last request it answered. */
    private volatile boolean tokenRefused;
    /** A check whether a 401 meant the token or a scope is under way. */
    private final AtomicBoolean tokenCheck = new AtomicBoolean();
    private volatile Instant throttledUntil = Instant.MIN;
    private volatile Instant lastDevicesRead = Instant.MIN;
    private Duration retry = FIRST_RETRY;
    private @Nullable ScheduledFuture<?> readJob;
    private volatile @Nullable Consumer<List<WebSmartlockDto>> devicesListener;

    public NukiAccountHandler(Thing thing, HttpClient httpClient, NukiAccounts accounts, LocalTransports transports,
            Clock clock, List<Duration> keypadConfirmAfter) {
        super(thing);
        this.httpClient = httpClient;
        this.accounts = accounts;
        this.transports = transports;
        this.clock = clock;
        this.keypadConfirmAfter = List.copyOf(keypadConfirmAfter);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void initialize() {
        config = getConfigAs(NukiAccountConfiguration.class);
        String token = config.apiToken.trim();
        if (token.isEmpty()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.account.no-token"));
            return;
        }
        URI base;
        try {
            base = URI.create(config.webApiUrl.trim());
            if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    FailureStatus.text("offline.account.bad-url", config.webApiUrl));
            return;
        }
        WebApiClient created = new WebApiClient(httpClient, base, token, TIMEOUT);
        client = created;
        names = new AuthorizationNames(clock,
                smartlockId -> guarded("smartlock.auth", () -> created.authorizations(smartlockId)));
        attribution = new LogAttribution(
                (smartlockId, limit) -> guarded("smartlock.log", () -> created.log(smartlockId, limit)));
        keypads.clear();
        devices = List.of();
        devicesRead = false;
        missing.clear();
        throttledUntil = Instant.MIN;
        tokenRefused = false;
        retry = FIRST_RETRY;
        updateStatus(ThingStatus.UNKNOWN);
        accounts.add(this);
        scheduleDevicesRead(Duration.ZERO);
    }

    @Override
    public void dispose() {
        accounts.remove(this);
        ScheduledFuture<?> job = readJob;
        if (job != null) {
            job.cancel(false);
        }
        readJob = null;
        client = null;
        names = null;
        attribution = null;
        keypads.clear();
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the account has no channels
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NukiAccountDiscoveryService.class);
    }

    // ------------------------------------------------------------------ the account's devices

    private synchronized void scheduleDevicesRead(Duration delay) {
        ScheduledFuture<?> job = readJob;
        if (job != null && !job.isDone()) {
            job.cancel(false);
        }
        readJob = scheduler.schedule(this::readDevices, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the account's devices again (the console's {@code nuki account refresh}, discovery). */
    public void readDevices() {
        WebApiClient current = client;
        if (current == null) {
            return;
        }
        lastDevicesRead = clock.instant();
        guarded(null, current::smartlocks).whenComplete((listed, error) -> {
            if (error != null) {
                WebApiException failure = WebApiException.unwrap(error);
                if (failure == null || failure.failure() != WebApiFailure.TOKEN_REFUSED) {
                    Duration wait = retry;
                    retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                    Instant throttled = throttledUntil;
                    Duration untilAllowed = Duration.between(clock.instant(), throttled);
                    scheduleDevicesRead(untilAllowed.compareTo(wait) > 0 ? untilAllowed : wait);
                }
                return;
            }
            retry = FIRST_RETRY;
            devices = List.copyOf(listed);
            devicesRead = true;
            missing.removeIf(id -> listed.stream().anyMatch(device -> device.nukiId() == id));
            for (Long served : accounts.servedIds()) {
                if (listed.stream().noneMatch(device -> device.nukiId() == served)) {
                    missing.add(served);
                }
            }
            logger.debug("Nuki Web account {} lists {} device(s)", thing.getUID(), listed.size());
            showOnline();
            Consumer<List<WebSmartlockDto>> listener = devicesListener;
            if (listener != null) {
                listener.accept(devices);
            }
        });
    }

    /** The account's devices as last read. */
    public List<WebSmartlockDto> devices() {
        return devices;
    }

    /** The Nuki ids some smart lock or opener thing serves (discovery does not offer them). */
    Set<Long> servedIds() {
        return accounts.servedIds();
    }

    /** The local thing that has seen a device, or null. */
    @Nullable
    ThingUID carrierOf(long nukiId) {
        return transports.carrierOf(nukiId);
    }

    /** Tells discovery each time the devices were read. */
    void setDevicesListener(@Nullable Consumer<List<WebSmartlockDto>> listener) {
        devicesListener = listener;
    }

    /** The device with this Nuki id (an opener only for an opener thing), or null when the account does not list it. */
    public @Nullable AccountDevice device(long nukiId, boolean opener) {
        if (client == null) {
            return null;
        }
        for (WebSmartlockDto device : devices) {
            if (device.nukiId() == nukiId && (device.type == WebSmartlockDto.TYPE_OPENER) == opener) {
                String name = device.name;
                return new AccountDevice(this, device.smartlockId, name == null ? NukiId.hex(nukiId) : name);
            }
        }
        return null;
    }

    /** A thing asked for a device the account does not list: the status says how to fix it. */
    void notListed(long nukiId) {
        if (client == null || !devicesRead) {
            return;
        }
        if (missing.add(nukiId)) {
            showOnline();
        }
        if (Duration.between(lastDevicesRead, clock.instant()).compareTo(MISSING_REFRESH) > 0) {
            // it may have been switched on for Nuki Web since
            scheduleDevicesRead(Duration.ZERO);
        }
    }

    private void showOnline() {
        if (!devicesRead) {
            return;
        }
        List<String> notes = new ArrayList<>();
        for (Long id : missing) {
            notes.add(NukiId.hex(id));
        }
        // the device that needs the most from the user first: an invalid authorization, unregistered, then offline
        List<String> authInvalid = new ArrayList<>();
        List<String> unregistered = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (WebSmartlockDto device : devices) {
            String name = device.name;
            String label = name == null ? NukiId.hex(device.nukiId()) : name;
            switch (device.serverState) {
                case WebSmartlockDto.SERVER_STATE_OK -> {
                }
                case WebSmartlockDto.SERVER_STATE_UNREGISTERED -> unregistered.add(label);
                case WebSmartlockDto.SERVER_STATE_AUTH_UUID_INVALID, WebSmartlockDto.SERVER_STATE_AUTH_INVALID ->
                    authInvalid.add(label);
                default -> unreachable.add(label);
            }
        }
        if (!notes.isEmpty()) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    FailureStatus.text("online.account.not-in-nuki-web", String.join(", ", notes)));
        } else if (!authInvalid.isEmpty()) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    FailureStatus.text("online.account.device-auth-invalid", String.join(", ", authInvalid)));
        } else if (!unregistered.isEmpty()) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    FailureStatus.text("online.account.device-unregistered", String.join(", ", unregistered)));
        } else if (!unreachable.isEmpty()) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    FailureStatus.text("online.account.unreachable-device", String.join(", ", unreachable)));
        } else {
            updateStatus(ThingStatus.ONLINE);
        }
    }

    // ------------------------------------------------------------------ what device things ask

    CompletableFuture<Optional<String>> nameForEvent(long smartlockId, int authId, int codeId) {
        AuthorizationNames current = names;
        return current == null ? CompletableFuture.completedFuture(Optional.empty())
                : current.nameFor(smartlockId, authId, codeId);
    }

    CompletableFuture<Optional<String>> nameFromLog(long smartlockId, Set<Integer> actions, Instant changedAt) {
        LogAttribution current = attribution;
        if (current == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<String>> name = new CompletableFuture<>();
        scheduler.schedule(() -> current.nameFor(smartlockId, actions, changedAt).whenComplete((found, error) -> {
            name.complete(error != null ? Optional.empty() : found);
        }), Math.max(0, config.logDelay), TimeUnit.SECONDS);
        return name;
    }

    KeypadCodes keypadCodes(long smartlockId) {
        WebApiClient current = client;
        if (current == null) {
            throw new IllegalStateException("account disposed");
        }
        WebKeypadCodes codes = keypads.get(smartlockId);
        if (codes == null) {
            // through the one guard: nothing leaves while the cloud asked to wait, and failures reach the status
            codes = new WebKeypadCodes(current, smartlockId, scheduler, keypadConfirmAfter, this::guarded);
            keypads.put(smartlockId, codes);
        }
        return codes;
    }

    CompletableFuture<List<WebLogEntryDto>> log(long smartlockId, int limit) {
        WebApiClient current = client;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("account disposed"));
        }
        return guarded("smartlock.log", () -> current.log(smartlockId, limit));
    }

    // ------------------------------------------------------------------ every request

    /**
     * Sends a request unless the cloud asked to wait (then fails at once, with nothing sent), and turns its outcome
     * into the thing's status.
     *
     * @param scope the token scope the request needs beyond reading devices, or null for the device list
     */
    private <T> CompletableFuture<T> guarded(@Nullable String scope, Supplier<CompletableFuture<T>> request) {
        Instant until = throttledUntil;
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            Duration left = Duration.between(now, until);
            return CompletableFuture.failedFuture(new WebApiException(WebApiFailure.THROTTLED, 429,
                    "Nuki Web asked openHAB to wait; nothing is sent for another " + Math.max(1, left.toSeconds())
                            + " s",
                    left));
        }
        return request.get().whenComplete((result, error) -> {
            if (error == null) {
                tokenRefused = false;
                if (getThing().getStatus() != ThingStatus.ONLINE) {
                    showOnline();
                }
                return;
            }
            WebApiException failure = WebApiException.unwrap(error);
            if (failure != null) {
                failed(failure, scope);
            } else {
                logger.debug("Nuki Web request of {} failed: {}", thing.getUID(), error.getClass().getSimpleName());
            }
        });
    }

    private void failed(WebApiException failure, @Nullable String scope) {
        logger.debug("Nuki Web request of {} failed: {}", thing.getUID(), failure.getMessage());
        switch (failure.failure()) {
            case TOKEN_REFUSED -> {
                if (scope == null || !devicesRead) {
                    tokenRefused = true;
                    updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                            FailureStatus.text("offline.account.token-refused"));
                } else if (!tokenRefused) {
                    // the status already says so when the token itself was refused
                    tokenOrScope(scope);
                }
            }
            case THROTTLED -> {
                Duration wait = failure.retryAfter();
                boolean serverError = failure.status() >= 500;
                // a server error without Retry-After is likely brief: a short pause spares the cloud all the same
                Duration pause = wait != null && !wait.isNegative() ? wait
                        : serverError ? SERVER_ERROR_PAUSE : FIRST_RETRY;
                throttledUntil = clock.instant().plus(pause);
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        serverError
                                ? FailureStatus.text("offline.account.server-error", String.valueOf(failure.status()),
                                        String.valueOf(pause.toSeconds()))
                                : FailureStatus.text("offline.account.throttled", String.valueOf(pause.toSeconds())));
                // back online once the cloud answers again
                scheduleDevicesRead(pause);
            }
            case UNREACHABLE, BAD_RESPONSE -> {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        FailureStatus.text("offline.account.unreachable", config.webApiUrl));
                if (scope != null) {
                    scheduleDevicesRead(FIRST_RETRY);
                }
            }
            case FORBIDDEN -> updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    FailureStatus.text("online.account.forbidden"));
            default -> {
                // a refused write or an unknown entry concerns one request, not the account
            }
        }
    }

    /**
     * A 401 to a request that needs a scope: the token lacks the scope, or it was deleted since (a password change
     * deletes every token). Reading the devices, which every token may, tells which.
     */
    private void tokenOrScope(String scope) {
        WebApiClient current = client;
        if (current == null || !tokenCheck.compareAndSet(false, true)) {
            return;
        }
        // a 401 here makes the status "token refused" on its own (no scope)
        guarded(null, current::smartlocks).whenComplete((listed, error) -> {
            tokenCheck.set(false);
            if (error == null) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        FailureStatus.text("offline.account.scope-missing", scope));
            }
        });
    }

    @Override
    public String toString() {
        return "Nuki Web account " + thing.getUID();
    }
}
