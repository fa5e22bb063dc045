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
package org.openhab.binding.nuki.test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.nuki.internal.NukiBindingConstants;
import org.openhab.binding.nuki.internal.account.LocalTransports;
import org.openhab.binding.nuki.internal.account.NukiAccountHandler;
import org.openhab.binding.nuki.internal.account.NukiAccounts;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;

/**
 * A Nuki Web account thing with a mocked framework, against the Web API simulator's demo account (the same Nuki ids
 * as the bridge and MQTT simulators), in the same registry as a harness's device things.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class AccountFixture implements AutoCloseable {

    public static final String TOKEN = "web-api-token-0123456789abcdef";
    public static final ThingUID ACCOUNT_UID = new ThingUID(NukiBindingConstants.THING_TYPE_ACCOUNT, "cloud");
    /** Re-reads of a keypad change short enough for tests. */
    public static final List<Duration> FAST_CONFIRM = List.of(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofSeconds(1));

    public final NukiWebSimulator cloud;
    public final Thing thing = mock(Thing.class, withSettings().stubOnly());
    public final ThingHandlerCallback callback = mock(ThingHandlerCallback.class, withSettings().stubOnly());
    public final AtomicReference<ThingStatusInfo> status = new AtomicReference<>(
            new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
    public final Configuration configuration;
    public final LocalTransports transports = new LocalTransports();
    public final NukiAccountHandler handler;

    public AccountFixture(HttpClient httpClient, NukiAccounts accounts, Clock clock) throws IOException {
        cloud = NukiWebSimulator.demoAccount(TOKEN).start();
        Map<String, Object> settings = new HashMap<>();
        settings.put("apiToken", TOKEN);
        settings.put("webApiUrl", cloud.baseUri().toString());
        settings.put("logDelay", 0);
        configuration = new Configuration(settings);
        when(thing.getUID()).thenReturn(ACCOUNT_UID);
        when(thing.getThingTypeUID()).thenReturn(NukiBindingConstants.THING_TYPE_ACCOUNT);
        when(thing.getConfiguration()).thenReturn(configuration);
        AtomicReference<ThingStatusInfo> current = status;
        when(thing.getStatus()).thenAnswer(i -> current.get().getStatus());
        when(thing.getStatusInfo()).thenAnswer(i -> current.get());
        doAnswer(i -> {
            current.set(i.getArgument(1));
            return null;
        }).when(callback).statusUpdated(any(), any());
        handler = new NukiAccountHandler(thing, httpClient, accounts, transports, clock, FAST_CONFIRM);
        handler.setCallback(callback);
    }

    /** Initializes the account and waits until it is online. */
    public AccountFixture online() {
        handler.initialize();
        Await.until("account online", () -> status.get().getStatus() == ThingStatus.ONLINE);
        return this;
    }

    public ThingStatus statusValue() {
        return status.get().getStatus();
    }

    public String description() {
        String text = status.get().getDescription();
        return text == null ? "" : text;
    }

    @Override
    public void close() {
        handler.dispose();
        cloud.close();
    }
}
