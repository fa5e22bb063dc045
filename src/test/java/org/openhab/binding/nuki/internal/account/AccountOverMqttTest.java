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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.simulator.AdjustableClock;
import org.openhab.binding.nuki.simulator.EmbeddedBroker;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.simulator.SimulatedMqttLock;
import org.openhab.binding.nuki.test.AccountFixture;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.MqttHarness;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.UnDefType;

/**
 * A Nuki Web account beside a bridge-less lock on Nuki's MQTT API (a real broker, the simulated lock): the names
 * behind {@code lockActionEvent}'s ids from the account's authorization list, fetched once and kept, and
 * {@code openHAB} for the binding's own actions.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class AccountOverMqttTest {

    private static final long LOCK = NukiWebSimulator.DEMO_LOCK;
    private static final String AUTHORIZATIONS = "/smartlock/{id}/auth";

    private @NonNullByDefault({}) MqttHarness harness;
    private @NonNullByDefault({}) SimulatedMqttLock lock;
    private final HttpClient httpClient = new HttpClient();
    private @NonNullByDefault({}) AccountFixture account;
    private final AdjustableClock clock = AdjustableClock.system();

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same lock, which stop() closes
    void start() throws Exception {
        harness = new MqttHarness();
        lock = new SimulatedMqttLock(LOCK, "Front door", harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withRetainedQos(EmbeddedBroker.RETAINED_QOS);
        lock.connect().get();
        httpClient.start();
        account = new AccountFixture(httpClient, harness.accounts, clock);
        account.transports.add(MqttHarness.BRIDGE_UID, harness.bridgeHandler);
    }

    @AfterEach
    void stop() throws Exception {
        account.close();
        lock.close();
        harness.close();
        httpClient.stop();
    }

    private Device onlineLock() {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Device device = harness.addSmartLock("front", Map.of("nukiId", "1A2B3C4D"));
        harness.initialize(device);
        Await.until("lock online with its state", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        return device;
    }

    private static boolean says(Device device, String name) {
        return new StringType(name).equals(device.state(CHANNEL_LAST_ACTION_USER));
    }

    @Test
    void testAKeypadCodeAFingerprintAnAppUserAndOpenhabAreNamed() {
        Device device = onlineLock();
        account.online();
        // the account matched the MQTT lock by its Nuki id
        assertThat(account.handler.device(LOCK, false), is(notNullValue()));

        lock.keypad(1, NukiWebSimulator.DEMO_KEYPAD_AUTH_ID, NukiWebSimulator.DEMO_CLEANER_CODE_ID, false);
        Await.until("keypad code named", () -> says(device, "Cleaner"));
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));

        lock.keypad(2, NukiWebSimulator.DEMO_KEYPAD_AUTH_ID, NukiWebSimulator.DEMO_ANNA_CODE_ID, true);
        Await.until("fingerprint named", () -> says(device, "Anna"));
        Await.until("locked", () -> new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));

        lock.app(1, NukiWebSimulator.DEMO_APP_AUTH_ID);
        Await.until("app user named", () -> says(device, "Tom's phone"));
        Await.until("unlocked again", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));

        device.handler.handleCommand(device.channel(CHANNEL_LOCK), OnOffType.ON);
        Await.until("openHAB named",
                () -> says(device, USER_OPENHAB) && new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        Await.holds("openHAB stays named", () -> says(device, USER_OPENHAB), Duration.ofMillis(300));

        // one authorization list served every name; the MQTT path never reads the log
        assertThat(account.cloud.requestCount(AUTHORIZATIONS), is(1));
        assertThat(account.cloud.requestCount("/smartlock/{id}/log"), is(0));
    }

    @Test
    void testAnUnknownIdNamesNobodyAndRefetchesOnlyOnce() {
        Device device = onlineLock();
        account.online();
        lock.keypad(1, NukiWebSimulator.DEMO_KEYPAD_AUTH_ID, NukiWebSimulator.DEMO_CLEANER_CODE_ID, false);
        Await.until("keypad code named", () -> says(device, "Cleaner"));
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(account.cloud.requestCount(AUTHORIZATIONS), is(1));

        // a code added since: the list is read again for it (not within 30 s of the last read)
        clock.advance(Duration.ofSeconds(31));
        lock.keypad(2, NukiWebSimulator.DEMO_KEYPAD_AUTH_ID, 9999, false);
        Await.until("asked again", () -> account.cloud.requestCount(AUTHORIZATIONS) == 2);
        Await.until("locked", () -> new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        assertThat(device.state(CHANNEL_LAST_ACTION_USER), is(UnDefType.UNDEF));
        // another unknown id right after: no storm
        lock.keypad(1, NukiWebSimulator.DEMO_KEYPAD_AUTH_ID, 9998, false);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        Await.holds("not asked a third time", () -> account.cloud.requestCount(AUTHORIZATIONS) == 2
                && device.state(CHANNEL_LAST_ACTION_USER) == UnDefType.UNDEF, Duration.ofMillis(300));
    }

    @Test
    void testDiscoveryOffersTheLockUnderTheBrokerThatCarriesIt() {
        harness.initializeBridge();
        Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        Await.until("the lock seen on the broker", () -> harness.bridgeHandler.knowsDevice(LOCK));
        account.online();
        org.openhab.binding.nuki.test.RecordingInbox inbox = new org.openhab.binding.nuki.test.RecordingInbox();
        NukiAccountDiscoveryService discovery = new NukiAccountDiscoveryService();
        discovery.setThingHandler(account.handler);
        discovery.addDiscoveryListener(inbox);
        discovery.initialize();
        // the same UID the broker's own discovery gives, so the inbox shows the lock once
        org.openhab.core.thing.ThingUID uid = new org.openhab.core.thing.ThingUID("nuki:smartlock:broker:" + LOCK);
        Await.until("offered under the broker", () -> inbox.results.stream()
                .anyMatch(r -> r.getThingUID().equals(uid) && MqttHarness.BRIDGE_UID.equals(r.getBridgeUID())));
        discovery.dispose();
    }

    @Test
    void testWithoutAnAccountTheNameStaysUndef() {
        Device device = onlineLock();
        lock.keypad(1, NukiWebSimulator.DEMO_KEYPAD_AUTH_ID, NukiWebSimulator.DEMO_CLEANER_CODE_ID, false);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        Await.until("trigger shown",
                () -> new StringType("KEYPAD_CODE").equals(device.state(CHANNEL_LAST_ACTION_TRIGGER)));
        assertThat(device.state(CHANNEL_LAST_ACTION_USER), is(UnDefType.UNDEF));
        assertThat(account.cloud.totalRequests(), is(0));
    }
}
