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
package org.openhab.binding.nuki.internal.api.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.nuki.internal.api.auth.AuthenticationMode;
import org.openhab.binding.nuki.internal.api.dto.AuthDto;
import org.openhab.binding.nuki.internal.api.dto.BridgeInfoDto;
import org.openhab.binding.nuki.internal.api.dto.CallbackListDto;
import org.openhab.binding.nuki.internal.api.dto.ListEntryDto;
import org.openhab.binding.nuki.internal.api.model.DeviceState;
import org.openhab.binding.nuki.internal.api.model.DeviceType;
import org.openhab.binding.nuki.internal.api.model.DoorSensorState;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.model.SmartLockState;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.simulator.SimulatorStats;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.ClientFixture;

/**
 * Every call of the client, every authentication mode and every failure type, against the simulator.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class NukiBridgeClientTest {

    private static final String TOKEN = "secret-token-42";
    private static final long LOCK = 0x1A2B3C4DL;
    private static final long OPENER = 0x2B3C4D5EL;

    private @NonNullByDefault({}) ClientFixture fixture;
    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) NukiBridgeClient client;

    @BeforeEach
    void start() throws IOException {
        simulator = new NukiBridgeSimulator(TOKEN);
        simulator.addDevice(
                SimulatedDevice.smartLock(LOCK, 4, "Front").withDoorSensor().withKeypad().withBatteryCharge());
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Street"));
        fixture = new ClientFixture(simulator);
        client = fixture.client(AuthenticationMode.ENCRYPTED, TOKEN);
    }

    @AfterEach
    void stop() {
        client.close();
        fixture.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static NukiApiException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        NukiApiException nuki = NukiApiException.unwrap(e);
        assertNotNull(nuki, "a NukiApiException, not " + e.getCause());
        assertThat(nuki.getMessage(), not(containsString(TOKEN)));
        return nuki;
    }

    @ParameterizedTest
    @EnumSource(AuthenticationMode.class)
    void testEachAuthenticationModeWorks(AuthenticationMode mode) throws Exception {
        NukiBridgeClient other = fixture.client(mode, TOKEN);
        try {
            assertThat(await(other.info()).bridgeType, is(1));
            assertThat(await(other.list()).size(), is(2));
        } finally {
            other.close();
        }
    }

    @Test
    void testInfo() throws Exception {
        BridgeInfoDto info = await(client.info());
        assertThat(info.ids.serverId, is(simulator.serverId()));
        assertThat(info.versions.firmwareVersion, is("2.17.0"));
        assertThat(DeviceState.parseTime(info.currentTime), is(notNullValue()));
        assertThat(info.scanResults.size(), is(2));
    }

    @Test
    void testListAndStateModel() throws Exception {
        List<ListEntryDto> list = await(client.list());
        ListEntryDto lock = list.get(0);
        assertThat(lock.nukiId, is(LOCK));
        DeviceState state = DeviceState.of(lock.nukiId, lock.deviceType, lock.lastKnownState);
        assertNotNull(state);
        assertThat(state.deviceType(), is(DeviceType.SMARTLOCK3));
        assertThat(state.smartLockState(), is(SmartLockState.LOCKED));
        assertThat(state.doorSensor(), is(DoorSensorState.DOOR_CLOSED));
        assertThat(state.batteryChargeState(), is(80));
        assertThat(state.timestamp(), is(notNullValue()));
        assertThat(DeviceType.of(list.get(1).deviceType), is(DeviceType.OPENER));
    }

    @Test
    void testLockStateReadsTheLiveState() throws Exception {
        DeviceState state = await(client.lockState(LOCK, 4));
        assertThat(state.smartLockState(), is(SmartLockState.LOCKED));
        assertThat(simulator.stats().requestCount("/lockState"), is(1));
    }

    @Test
    void testLockActionWaitingAndNowait() throws Exception {
        assertThat(await(client.lockAction(LOCK, 4, LockAction.UNLOCK, false)).success, is(true));
        assertThat(simulator.device(LOCK).state(), is(3));
        simulator.setActionStepDelay(Duration.ofMillis(200));
        assertThat(await(client.lockAction(LOCK, 4, LockAction.LOCK, true)).success, is(true));
        assertThat(simulator.device(LOCK).state(), is(4));
        Await.until("locked", () -> simulator.device(LOCK).state() == 1);
        List<SimulatorStats.LockActionRecord> actions = simulator.stats().lockActions();
        assertThat(actions.get(0).action(), is(1));
        assertThat(actions.get(1).action(), is(2));
        assertThat(actions.get(1).nowait(), is(true));
    }

    @Test
    void testOpenerActionsUseTheOpenerType() throws Exception {
        await(client.lockAction(OPENER, 2, LockAction.ACTIVATE_CONTINUOUS_MODE, false));
        assertThat(simulator.device(OPENER).mode(), is(3));
        await(client.lockAction(OPENER, 2, LockAction.DEACTIVATE_CONTINUOUS_MODE, false));
        assertThat(simulator.device(OPENER).mode(), is(2));
    }

    @Test
    void testSimpleLockAndUnlock() throws Exception {
        await(client.unlock(LOCK, 4));
        assertThat(simulator.device(LOCK).state(), is(3));
        await(client.lock(LOCK, 4));
        assertThat(simulator.device(LOCK).state(), is(1));
        assertThat(simulator.stats().lockActions().stream().map(SimulatorStats.LockActionRecord::endpoint).toList(),
                contains("/unlock", "/lock"));
    }

    @Test
    void testCallbackAddListRemove() throws Exception {
        assertThat(await(client.callbackAdd("http://192.168.1.10:8080/nuki/callback/a?x=1&y=2")).success, is(true));
        List<CallbackListDto.Entry> callbacks = await(client.callbackList());
        assertThat(callbacks.size(), is(1));
        assertThat(callbacks.get(0).url, is("http://192.168.1.10:8080/nuki/callback/a?x=1&y=2"));
        await(client.callbackAdd("http://192.168.1.10:8080/b"));
        await(client.callbackAdd("http://192.168.1.10:8080/c"));
        assertThat(await(client.callbackAdd("http://192.168.1.10:8080/d")).message,
                is("too many callbacks registered"));
        assertThat(await(client.callbackRemove(0)).success, is(true));
        assertThat(await(client.callbackList()).size(), is(2));
    }

    @Test
    void testAuthWithButtonPressAndWithout() throws Exception {
        NukiBridgeClient tokenless = fixture.client(AuthenticationMode.ENCRYPTED, null);
        try {
            CompletableFuture<AuthDto> auth = tokenless.auth();
            Await.until("/auth waiting", simulator::isWaitingForButton);
            simulator.pressButton();
            AuthDto answer = await(auth);
            assertThat(answer.success, is(true));
            assertThat(answer.token, is(TOKEN));

            simulator.setButtonWindow(Duration.ofMillis(100));
            assertThat(await(tokenless.auth()).success, is(false));
            assertThat(failure(tokenless.list()).failure(), is(NukiFailure.UNAUTHORIZED));
        } finally {
            tokenless.close();
        }
    }

    @Test
    void testMaintenanceCalls() throws Exception {
        await(client.fwUpdate());
        List<Map<String, Object>> log = await(client.log(0, 5));
        assertThat(log.get(0).get("type"), is("FW-UpdateRequested"));
        simulator.registerCallback("http://10.1.1.1/x");
        await(client.reboot());
        Await.until("callbacks forgotten", () -> simulator.callbackUrls().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(AuthenticationMode.class)
    void testWrongTokenIsUnauthorized(AuthenticationMode mode) {
        NukiBridgeClient wrong = fixture.client(mode, "not-the-token");
        try {
            NukiApiException e = failure(wrong.list());
            assertThat(e.failure(), is(NukiFailure.UNAUTHORIZED));
            assertThat(e.getMessage(), containsString("refused the API token"));
        } finally {
            wrong.close();
        }
    }

    @Test
    void testSkewedBridgeClockIsReportedWithItsOffset() {
        simulator.setClockSkew(Duration.ofSeconds(-300));
        NukiApiException e = failure(client.list());
        assertThat(e.failure(), is(NukiFailure.CLOCK_SKEW));
        Long skew = e.clockSkewSeconds();
        assertNotNull(skew);
        assertThat((double) skew, is(closeTo(-300, 2)));
        assertThat(e.getMessage(), containsString("behind"));
    }

    @Test
    void testBridgeWithoutTheChosenModeIsReported() {
        simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
        NukiApiException e = failure(client.list());
        assertThat(e.failure(), is(NukiFailure.AUTHENTICATION_MODE_UNSUPPORTED));
    }

    @Test
    void testUnreachableBridge() {
        simulator.down();
        NukiApiException e = failure(client.info());
        assertThat(e.failure(), is(NukiFailure.UNREACHABLE));
        assertThat(e.getMessage(), containsString("127.0.0.1:" + simulator.port()));
    }

    @Test
    void testSlowBridgeTimesOut() {
        simulator.setLatency("/info", Duration.ofMillis(1500));
        NukiBridgeClient impatient = fixture.client(AuthenticationMode.PLAIN, TOKEN,
                ClientFixture.FAST.capped(Duration.ofMillis(300), Duration.ofSeconds(3)));
        try {
            assertThat(failure(impatient.info()).failure(), is(NukiFailure.TIMEOUT));
        } finally {
            impatient.close();
        }
    }

    @Test
    void testBusyBeyondTheDeadline() {
        simulator.setBusyProbability(1.0, 3);
        NukiApiException e = failure(client.list());
        assertThat(e.failure(), is(NukiFailure.BUSY));
        assertThat(simulator.stats().busyRejections(), greaterThan(3));
    }

    @Test
    void testDeviceFailures() {
        assertThat(failure(client.lockAction(999, 0, LockAction.LOCK, false)).failure(),
                is(NukiFailure.DEVICE_NOT_FOUND));
        // an opener addressed as a smart lock is unknown to the bridge
        assertThat(failure(client.lockAction(OPENER, 0, LockAction.LOCK, false)).failure(),
                is(NukiFailure.DEVICE_NOT_FOUND));
        simulator.setDeviceUnreachable(LOCK, true);
        assertThat(failure(client.lockAction(LOCK, 4, LockAction.LOCK, false)).failure(),
                is(NukiFailure.DEVICE_OFFLINE));
        assertThat(failure(client.lockState(LOCK, 4)).failure(), is(NukiFailure.DEVICE_OFFLINE));
        simulator.setDeviceUnreachable(LOCK, false);
        simulator.setDeviceLongOffline(LOCK, true);
        assertThat(failure(client.lockAction(LOCK, 4, LockAction.LOCK, false)).failure(),
                is(NukiFailure.DEVICE_OFFLINE));
    }

    @Test
    void testBadRequestNotSupportedAndAuthDisabled() throws Exception {
        assertThat(failure(client.callbackAdd("https://192.168.1.10/x")).failure(), is(NukiFailure.BAD_REQUEST));
        assertThat(failure(client.lockAction(LOCK, 4, LockAction.UNKNOWN, false)).failure(),
                is(NukiFailure.BAD_REQUEST));
        simulator.setAuthEnabled(false);
        NukiBridgeClient tokenless = fixture.client(AuthenticationMode.PLAIN, null);
        try {
            assertThat(failure(tokenless.auth()).failure(), is(NukiFailure.AUTH_DISABLED));
            simulator.setBridgeType(NukiBridgeSimulator.BridgeType.SOFTWARE);
            assertThat(failure(tokenless.auth()).failure(), is(NukiFailure.NOT_SUPPORTED));
        } finally {
            tokenless.close();
        }
    }

    @Test
    void testGarbledAnswerIsABadResponse() {
        simulator.garbleNextResponses(1);
        NukiApiException e = failure(client.list());
        assertThat(e.failure(), is(NukiFailure.BAD_RESPONSE));
        assertThat(e.getMessage(), containsString("/list"));
    }

    @Test
    void testClosedClientCancelsWaitingRequests() throws Exception {
        simulator.setLatency("/info", Duration.ofMillis(300));
        CompletableFuture<BridgeInfoDto> inFlight = client.info();
        Await.until("info in flight", () -> simulator.stats().requestCount("/info") == 1);
        CompletableFuture<List<ListEntryDto>> waiting = client.list();
        client.close();
        assertThat(failure(waiting).failure(), is(NukiFailure.CANCELLED));
        assertThat(await(inFlight).bridgeType, is(1));
        assertThat(failure(client.list()).failure(), is(NukiFailure.CANCELLED));
    }

    @Test
    void testRedactorHidesEverySecret() {
        String url = "http://1.2.3.4:8080/list?token=abc&ts=2025-01-01T00:00:00Z&rnr=7&hash=ff&ctoken=aa&nonce=bb&x=1";
        String redacted = SecretRedactor.redact(url);
        assertThat(redacted, is("http://1.2.3.4:8080/list?token=***&ts=***&rnr=***&hash=***&ctoken=***&nonce=***&x=1"));
    }
}
