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
package org.openhab.binding.nuki.internal.hub;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.openhab.binding.nuki.internal.NukiBindingConstants.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.action.NukiOpenerActions;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.internal.api.hub.HubDeviceState;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.keypad.KeypadWrite;
import org.openhab.binding.nuki.simulator.SimulatedNukiHub;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.binding.nuki.test.HubHarness;
import org.openhab.binding.nuki.test.RecordingInbox;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * A smart lock and an opener under a {@code nuki:hub} thing, over a real broker (embedded) through openHAB's MQTT
 * transport, with a simulated Nuki Hub on the other side: states, every command as Nuki Hub's word exactly once, the
 * door-safety gate, names, keypad codes through the hub, the last will, the reconnect window and the hub's refusals.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class NukiHubThingTest {

    private static final long LOCK = 0x2A3B4C5DL;
    private static final long OPENER = 0x3B4C5D6EL;
    /** The reconnect window of the simulated hub, and what the hub thing expects (shorter than Nuki Hub's 6 s). */
    private static final Duration WINDOW = Duration.ofMillis(800);
    /** How long after a keypad change the simulated hub publishes the new list (Nuki Hub: about 5 s). */
    private static final Duration KEYPAD_DELAY = Duration.ofSeconds(2);

    private @NonNullByDefault({}) HubHarness harness;
    private @NonNullByDefault({}) SimulatedNukiHub hub;

    @BeforeEach
    @SuppressWarnings("resource") // start() and the with-methods return the same hub, which stop() closes
    void start() throws Exception {
        harness = new HubHarness(WINDOW);
        harness.bridgeHandler.setPatience(Duration.ofSeconds(2));
        hub = new SimulatedNukiHub("nukihub", LOCK, OPENER, harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withReconnectWindow(WINDOW).withKeypadDelay(KEYPAD_DELAY);
        hub.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        hub.close();
        harness.close();
    }

    private void onlineHub() {
        harness.initializeBridge();
        Await.until("hub thing online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
        // the hub connected just now: its reconnect window must not swallow the first command
    }

    private Device onlineLock(Map<String, Object> extra) {
        onlineHub();
        Map<String, Object> config = new HashMap<>(extra);
        config.putIfAbsent("nukiId", Long.toHexString(LOCK).toUpperCase(Locale.ROOT));
        Device device = harness.addSmartLock("front", config);
        harness.initialize(device);
        Await.until("lock online with its state", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("LOCKED").equals(device.state(CHANNEL_LOCK_STATE)));
        return device;
    }

    private Device onlineLock() {
        return onlineLock(Map.of());
    }

    private Device onlineOpener() {
        Device device = harness.addOpener("intercom", Map.of("nukiId", Long.toHexString(OPENER)));
        harness.initialize(device);
        Await.until("opener online", () -> device.statusValue() == ThingStatus.ONLINE
                && new StringType("ONLINE").equals(device.state(CHANNEL_OPENER_STATE)));
        return device;
    }

    private static void command(Device device, String channel, OnOffType command) {
        device.handler.handleCommand(device.channel(channel), command);
    }

    private static long events(Device device, String event) {
        return device.events.stream().filter(("event:" + event)::equals).count();
    }

    @Test
    void testTheHubsLockAndOpenerGoOnlineWithTheirStates() {
        Device lock = onlineLock();
        Device opener = onlineOpener();
        Await.until("details", () -> "Front door".equals(lock.properties.get("name"))
                && "Intercom".equals(opener.properties.get("name")));
        assertThat(lock.state(CHANNEL_LOCK), is(OnOffType.ON));
        assertThat(lock.state(CHANNEL_DOOR_SENSOR), is(OpenClosedType.CLOSED));
        assertThat(lock.state(CHANNEL_BATTERY_LEVEL), is(new QuantityType<>(86, Units.PERCENT)));
        assertThat(lock.properties.get("firmwareVersion"), is("3.9.1"));
        assertThat(opener.state(CHANNEL_CONTINUOUS_MODE), is(OnOffType.OFF));
        assertThat(opener.properties.get("firmwareVersion"), is("1.10.3"));
        Await.until("the hub's version",
                () -> SimulatedNukiHub.VERSION.equals(harness.bridgeProperties.get(Thing.PROPERTY_FIRMWARE_VERSION)));
    }

    @Test
    void testEveryCommandReachesTheHubAsItsWordExactlyOnce() {
        Device lock = onlineLock();
        Device opener = onlineOpener();
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        Await.until("unlock done", () -> lock.handler.actionCounters().succeeded() == 1);
        command(lock, CHANNEL_LOCK, OnOffType.ON);
        Await.until("lock done", () -> lock.handler.actionCounters().succeeded() == 2);
        command(lock, CHANNEL_UNLATCH, OnOffType.ON);
        Await.until("unlatch done", () -> lock.handler.actionCounters().succeeded() == 3);
        command(lock, CHANNEL_LOCK_N_GO, OnOffType.ON);
        Await.until("lock 'n' go done", () -> lock.handler.actionCounters().succeeded() == 4);
        command(lock, CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.ON);
        Await.until("lock 'n' go with unlatch done", () -> lock.handler.actionCounters().succeeded() == 5);
        command(lock, CHANNEL_FULL_LOCK, OnOffType.ON);
        Await.until("full lock done", () -> lock.handler.actionCounters().succeeded() == 6);
        command(opener, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("ring to open on", () -> opener.handler.actionCounters().succeeded() == 1);
        command(opener, CHANNEL_UNLATCH, OnOffType.ON);
        Await.until("buzzed", () -> opener.handler.actionCounters().succeeded() == 2);
        command(opener, CHANNEL_CONTINUOUS_MODE, OnOffType.ON);
        Await.until("continuous mode on", () -> OnOffType.ON.equals(opener.state(CHANNEL_CONTINUOUS_MODE)));
        command(opener, CHANNEL_LOCK, OnOffType.ON);
        Await.until("continuous mode off", () -> opener.handler.actionCounters().succeeded() == 4);
        assertThat(hub.actionsReceived(),
                contains("lock:unlock", "lock:lock", "lock:unlatch", "lock:lockNgo", "lock:lockNgoUnlatch",
                        "lock:fullLock", "opener:activateRTO", "opener:electricStrikeActuation", "opener:activateCM",
                        "opener:deactivateCM"));
        assertThat(lock.handler.actionCounters().failed(), is(0L));
        assertThat(opener.handler.actionCounters().failed(), is(0L));
    }

    @Test
    void testARingFiresTheRingChannelOnceAndSetsTheLastRing() {
        onlineHub();
        Device opener = onlineOpener();
        hub.ring();
        Await.until("rang", () -> opener.events.contains(CHANNEL_RING + ":" + EVENT_RINGING)
                && opener.state(CHANNEL_LAST_RING) instanceof DateTimeType);
        // the hub returns to standby after 2 s: no second ring
        Await.holds("one ring",
                () -> opener.events.stream().filter((CHANNEL_RING + ":" + EVENT_RINGING)::equals).count() == 1,
                Duration.ofMillis(2500));
    }

    @Test
    void testAHubWithoutDevicesIsOnlineAndSaysSo() throws Exception {
        Mqtt3AsyncClient empty = MqttClient.builder().useMqttVersion3().identifier("empty-hub")
                .serverHost(harness.broker.host()).serverPort(harness.broker.port()).buildAsync();
        empty.connect().get(10, TimeUnit.SECONDS);
        empty.publishWith().topic("emptyhub/maintenance/mqttConnectionState")
                .payload("online".getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).retain(true).send()
                .get(10, TimeUnit.SECONDS);
        harness.bridgeConfiguration.put("baseTopic", "emptyhub");
        harness.initializeBridge();
        Await.until("online, saying nothing is paired", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE
                && "@text/online.hub.nothing-paired [\"emptyhub\"]".equals(harness.bridgeStatusDescription()));
        Device lock = harness.addSmartLock("front", Map.of("nukiId", Long.toHexString(LOCK)));
        harness.initialize(lock);
        Await.until("the lock thing says the hub has no lock", () -> lock.statusValue() == ThingStatus.OFFLINE
                && "@text/offline.hub.no-lock".equals(lock.status.get().getDescription()));
        empty.disconnect().get(10, TimeUnit.SECONDS);
    }

    @Test
    void testDuplicateDeliveriesChangeNothing() {
        Device lock = onlineLock();
        hub.setDuplicates(true);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked", () -> lock.handler.actionCounters().succeeded() == 1
                && new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        command(lock, CHANNEL_LOCK, OnOffType.ON);
        Await.until("locked", () -> lock.handler.actionCounters().succeeded() == 2
                && new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        assertThat(hub.actionsReceived(), contains("lock:unlock", "lock:lock"));
        assertThat(lock.handler.actionCounters().failed(), is(0L));
        assertThat(events(lock, EVENT_UNLOCKED), is(1L));
    }

    @Test
    void testUnlatchAllowedOffGatesEveryOpeningPath() {
        Device lock = onlineLock(Map.of("secondUnlockUnlatches", 10));
        Device opener = onlineOpener();
        lock.handler.setUnlatchAllowed(false);
        opener.handler.setUnlatchAllowed(false);
        command(lock, CHANNEL_UNLATCH, OnOffType.ON);
        command(lock, CHANNEL_LOCK_N_GO_UNLATCH, OnOffType.ON);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked", () -> lock.handler.actionCounters().succeeded() == 1
                && new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        // the second unlock within the window would unlatch: refused as well
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        command(opener, CHANNEL_UNLATCH, OnOffType.ON);
        Await.until("every opening refused",
                () -> events(lock, EVENT_UNLATCH_REFUSED) == 3 && events(opener, EVENT_UNLATCH_REFUSED) == 1);
        Await.holds("nothing opening reaches the hub", () -> hub.actionsReceived().equals(List.of("lock:unlock")),
                Duration.ofMillis(500));
    }

    @Test
    void testDeniedFailsTheActionAndSaysWhy() {
        Device lock = onlineLock();
        hub.refuseActionsWith("denied");
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("failed", () -> events(lock, EVENT_ACTION_FAILED) == 1);
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(lock.handler.actionCounters().failed(), is(1L));
        hub.refuseActionsWith(null);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("performed", () -> lock.handler.actionCounters().succeeded() == 1);
        assertThat(hub.actionsReceived(), contains("lock:unlock", "lock:unlock"));
    }

    @Test
    void testABluetoothAttemptTheHubRetriesAwayIsAPerformedAction() {
        Device lock = onlineLock();
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.HICCUP);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked", () -> lock.handler.actionCounters().succeeded() == 1
                && new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        assertThat(events(lock, EVENT_ACTION_FAILED), is(0L));
        assertThat(lock.handler.actionCounters().failed(), is(0L));
        assertThat(hub.actionsReceived(), contains("lock:unlock"));
    }

    @Test
    void testARetriedOpeningReturnsTrueToARuleAndIsSentOnce() {
        Device lock = onlineLock(Map.of("unlatchAllowed", true));
        Device opener = onlineOpener();
        opener.handler.setUnlatchAllowed(true);
        lock.handler.setUnlatchAllowed(true);
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.HICCUP);
        NukiSmartLockActions lockActions = new NukiSmartLockActions();
        lockActions.setThingHandler(lock.handler);
        assertThat(lockActions.unlatch(), is(true));
        NukiOpenerActions openerActions = new NukiOpenerActions();
        openerActions.setThingHandler(opener.handler);
        assertThat(openerActions.unlatch(), is(true));
        Await.holds("each opening reached the hub once",
                () -> hub.actionsReceived().equals(List.of("lock:unlatch", "opener:electricStrikeActuation")),
                Duration.ofSeconds(1));
        assertThat(events(lock, EVENT_ACTION_FAILED) + events(opener, EVENT_ACTION_FAILED), is(0L));
    }

    @Test
    void testEveryAttemptFailingFailsTheActionNamingBluetooth() {
        Device lock = onlineLock();
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.FAILING);
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(lock.handler);
        assertThat(actions.unlock(), is(false));
        Await.until("ACTION_FAILED", () -> events(lock, EVENT_ACTION_FAILED) == 1);
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
        assertThat(hub.actionsReceived(), contains("lock:unlock"));
    }

    @Test
    void testABluetoothLossTakesTheDeviceOfflineAndTheNextReadBringsItBack() {
        Device lock = onlineLock();
        Device opener = onlineOpener();
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.LOST);
        Await.until("both offline",
                () -> lock.statusValue() == ThingStatus.OFFLINE && opener.statusValue() == ThingStatus.OFFLINE);
        assertThat(lock.status.get().getStatusDetail(), is(ThingStatusDetail.COMMUNICATION_ERROR));
        assertThat(lock.status.get().getDescription(), is("@text/offline.hub.lock-unreachable"));
        assertThat(opener.status.get().getDescription(), is("@text/offline.hub.opener-unreachable"));
        assertThat(harness.bridgeStatusValue(), is(ThingStatus.ONLINE));
        hub.setBluetooth(SimulatedNukiHub.Bluetooth.OK);
        Await.until("both back",
                () -> lock.statusValue() == ThingStatus.ONLINE && opener.statusValue() == ThingStatus.ONLINE);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("performed", () -> lock.handler.actionCounters().succeeded() == 1);
    }

    @Test
    @SuppressWarnings("resource") // the with-methods return the same hub, which stop() closes
    void testALockIdTheHubShowsInDigitsOnlyIsItsHexId() throws Exception {
        hub.close();
        long digits = 0x12345678L;
        hub = new SimulatedNukiHub("nukihub", digits, OPENER, harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withReconnectWindow(WINDOW);
        hub.connect().get(10, TimeUnit.SECONDS);
        onlineHub();
        // Nuki Hub shows the id as 12345678 (hexadecimal, as every id it shows)
        Device device = harness.addSmartLock("front", Map.of("nukiId", "12345678"));
        harness.initialize(device);
        Await.until("lock online", () -> device.statusValue() == ThingStatus.ONLINE);
        assertThat(device.handler.nukiId(), is(digits));
    }

    @Test
    void testAFobOrButtonPressWithoutActionIsNamed() {
        Device lock = onlineLock();
        hub.pressWithoutAction("FobNoAction", "button");
        Await.until("fob", () -> new StringType("FOB").equals(lock.state(CHANNEL_LAST_ACTION)));
        hub.pressWithoutAction("ButtonNoAction", "button");
        Await.until("button", () -> new StringType("BUTTON").equals(lock.state(CHANNEL_LAST_ACTION)));
        assertThat(lock.state(CHANNEL_LAST_ACTION_TRIGGER), is(new StringType("BUTTON")));
    }

    @Test
    void testTheNameNukiHubReportsReachesLastActionUser() {
        Device lock = onlineLock();
        hub.operateLock("Anna", "unlock");
        Await.until("Anna named", () -> new StringType("Anna").equals(lock.state(CHANNEL_LAST_ACTION_USER)));
        assertThat(lock.state(CHANNEL_LAST_ACTION), is(new StringType("UNLOCK")));
        assertThat(lock.state(CHANNEL_LAST_ACTION_TRIGGER), is(new StringType("SYSTEM")));
        command(lock, CHANNEL_LOCK, OnOffType.ON);
        Await.until("the hub's own authorization named, in one word",
                () -> new StringType(SimulatedNukiHub.HUB_AUTHORIZATION).equals(lock.state(CHANNEL_LAST_ACTION_USER)));
        assertThat(lock.state(CHANNEL_LAST_ACTION), is(new StringType("LOCK")));
    }

    @Test
    void testANameTheHubRetainedBeforeTheThingAttachedIsShown() {
        onlineHub();
        hub.operateLock("Anna", "unlock");
        // the hub thing has Anna's name before any lock thing is there to take it
        Await.until("the hub thing has the name", () -> "Anna".equals(hubLock().actor()));
        Device lock = harness.addSmartLock("front", Map.of("nukiId", Long.toHexString(LOCK)));
        harness.initialize(lock);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        Await.until("Anna named", () -> new StringType("Anna").equals(lock.state(CHANNEL_LAST_ACTION_USER)));
        assertThat(lock.state(CHANNEL_LAST_ACTION), is(new StringType("UNLOCK")));
    }

    private HubDeviceState hubLock() {
        AtomicReference<@Nullable HubDeviceState> found = new AtomicReference<>();
        harness.bridgeHandler.forEachDevice((isOpener, state) -> {
            if (!isOpener) {
                found.set(state);
            }
        });
        HubDeviceState state = found.get();
        if (state == null) {
            throw new AssertionError("the hub thing serves no lock");
        }
        return state;
    }

    @Test
    void testKeypadCodesAreAddedDisabledAndRemovedThroughTheHub() throws Exception {
        Device lock = onlineLock();
        Await.until("codes listed", () -> names(lock).contains("Cleaner"));
        KeypadWrite added = lock.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567")).get(10,
                TimeUnit.SECONDS);
        assertThat(added.message(), added.accepted(), is(true));
        assertThat(added.message(), not(containsString("234567")));
        Await.until("listed", () -> names(lock).contains("Guest"));
        KeypadWrite disabled = lock.handler.keypad().setEnabled("Guest", false).get(10, TimeUnit.SECONDS);
        assertThat(disabled.message(), disabled.accepted(), is(true));
        Await.until("disabled",
                () -> codes(lock).stream().anyMatch(code -> "Guest".equals(code.name()) && !code.enabled()));
        KeypadWrite removed = lock.handler.keypad().remove("Guest").get(10, TimeUnit.SECONDS);
        assertThat(removed.message(), removed.accepted(), is(true));
        Await.until("gone", () -> !names(lock).contains("Guest"));
        Await.until("three keypad events",
                () -> lock.events.stream().filter(e -> e.startsWith("keypad-event:")).toList().equals(List
                        .of("keypad-event:ADDED:Guest", "keypad-event:DISABLED:Guest", "keypad-event:REMOVED:Guest")));
    }

    @Test
    void testAKeypadChangeTheHubDoesNotAllowNamesTheSetting() throws Exception {
        Device lock = onlineLock();
        Await.until("codes listed", () -> names(lock).contains("Cleaner"));
        hub.setKeypadControl(SimulatedNukiHub.KeypadControl.DISABLED);
        KeypadWrite refused = lock.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567")).get(10,
                TimeUnit.SECONDS);
        assertThat(refused.accepted(), is(false));
        assertThat(refused.message(), containsStringIgnoringCase("keypad control"));
        assertThat(refused.message(), not(containsString("234567")));
    }

    @Test
    void testKeypadControlOffIsNamedAndNotBlamedOnBluetooth() throws Exception {
        harness.bridgeConfiguration.put("commandTimeout", 5);
        Device lock = onlineLock();
        Await.until("codes listed", () -> names(lock).contains("Cleaner"));
        // Nuki Hub's first-start default: not subscribed, nothing answers
        hub.setKeypadControl(SimulatedNukiHub.KeypadControl.OFF);
        KeypadWrite refused = lock.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567")).get(30,
                TimeUnit.SECONDS);
        assertThat(refused.accepted(), is(false));
        assertThat(refused.message(), containsStringIgnoringCase("keypad control"));
        assertThat(refused.message(), not(containsStringIgnoringCase("bluetooth")));
    }

    @Test
    @SuppressWarnings("resource") // the with-methods return the same hub, which stop() closes
    void testAHubThatDoesNotPublishTheKeypadSaysWhichSettingToSwitchOn() throws Exception {
        // a hub with "Publish keypad" off from its start, under a base topic no list was ever published to
        hub.close();
        hub = new SimulatedNukiHub("quiethub", LOCK, OPENER, harness.broker.host(), harness.broker.port())
                .withStepDelay(Duration.ofMillis(60)).withReconnectWindow(WINDOW);
        hub.setPublishKeypad(false);
        hub.connect().get(10, TimeUnit.SECONDS);
        harness.bridgeConfiguration.put("baseTopic", "quiethub");
        Device lock = onlineLock();
        java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> lock.handler.keypad().list().get(10, TimeUnit.SECONDS));
        assertThat(failure.getCause().getMessage(), containsStringIgnoringCase("publish keypad"));
    }

    @Test
    void testAKeypadChangeCountsOnceTheHubsLaggingListShowsIt() throws Exception {
        Device lock = onlineLock();
        Await.until("codes listed", () -> names(lock).contains("Cleaner"));
        KeypadWrite added = lock.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567")).get(30,
                TimeUnit.SECONDS);
        assertThat(added.message(), added.accepted(), is(true));
        // the same name again, at once: the hub's list may not show the first yet, the rule holds all the same
        KeypadWrite twice = lock.handler.keypad().add(KeypadCodeRequest.always("Guest", "345679")).get(30,
                TimeUnit.SECONDS);
        assertThat(twice.accepted(), is(false));
        assertThat(twice.message(), containsString("name"));
        KeypadWrite disabled = lock.handler.keypad().setEnabled("Guest", false).get(30, TimeUnit.SECONDS);
        assertThat(disabled.message(), disabled.accepted(), is(true));
        KeypadWrite removed = lock.handler.keypad().remove("Guest").get(30, TimeUnit.SECONDS);
        assertThat(removed.message(), removed.accepted(), is(true));
        Await.until("gone", () -> names(lock).equals(List.of("Cleaner")));
    }

    @Test
    void testTheOpenersKeypadCodesGoThroughTheHub() throws Exception {
        onlineHub();
        Device opener = onlineOpener();
        Await.until("the opener's codes listed", () -> names(opener).contains("Postman"));
        KeypadWrite added = opener.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567")).get(30,
                TimeUnit.SECONDS);
        assertThat(added.message(), added.accepted(), is(true));
        Await.until("listed", () -> names(opener).containsAll(List.of("Postman", "Guest")));
        KeypadWrite removed = opener.handler.keypad().remove("Guest").get(30, TimeUnit.SECONDS);
        assertThat(removed.message(), removed.accepted(), is(true));
        Await.until("gone", () -> names(opener).equals(List.of("Postman")));
    }

    @Test
    void testTheKeypadSourceWebIgnoresTheHub() throws Exception {
        Device lock = onlineLock(Map.of("keypadSource", "web"));
        KeypadWrite refused = lock.handler.keypad().add(KeypadCodeRequest.always("Guest", "234567")).get(10,
                TimeUnit.SECONDS);
        assertThat(refused.accepted(), is(false));
        assertThat(refused.message(), containsString("nuki:account"));
    }

    /** The lock's codes as listed now; none while the list cannot be read. */
    private static List<KeypadCode> codes(Device lock) {
        try {
            return lock.handler.keypad().list().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<String> names(Device lock) {
        return codes(lock).stream().map(KeypadCode::name).toList();
    }

    @Test
    void testTheLastWillTakesTheThingsOfflineAndTheyComeBack() throws Exception {
        Device lock = onlineLock();
        hub.drop();
        Await.until("hub thing offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        assertThat(harness.bridgeStatusDescription(), is("@text/offline.hub.offline [\"nukihub\"]"));
        Await.until("lock offline", () -> lock.statusValue() == ThingStatus.OFFLINE);
        assertThat(lock.status.get().getStatusDetail(), is(ThingStatusDetail.BRIDGE_OFFLINE));
        hub.back().get(10, TimeUnit.SECONDS);
        Await.until("all back",
                () -> harness.bridgeStatusValue() == ThingStatus.ONLINE && lock.statusValue() == ThingStatus.ONLINE);
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("performed after the window", () -> lock.handler.actionCounters().succeeded() == 1);
        assertThat(hub.actionsReceived(), contains("lock:unlock"));
    }

    @Test
    void testAnActionSentWhileTheHubRestartsIsNeitherLostNorSentTwice() {
        Device lock = onlineLock();
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("unlocked, the first window long over", () -> lock.handler.actionCounters().succeeded() == 1);
        // the hub leaves without its last will: openHAB still sees it online and sends; the broker keeps the action
        // and hands it to the hub right after its connect, inside the window where the hub ignores actions
        hub.restart(Duration.ofMillis(400));
        Await.until("hub away", () -> !hub.isOnline());
        command(lock, CHANNEL_LOCK, OnOffType.ON);
        Await.until("locked in the end", () -> lock.handler.actionCounters().succeeded() == 2
                && new StringType("LOCKED").equals(lock.state(CHANNEL_LOCK_STATE)), Duration.ofSeconds(15));
        Await.holds("performed once", () -> hub.actionsReceived().size() <= 2,
                Duration.ofMillis(WINDOW.toMillis() + 500));
        assertThat(hub.actionsReceived(), contains("lock:unlock", "lock:lock"));
        assertThat(lock.handler.actionCounters().failed(), is(0L));
    }

    @Test
    void testAnActionRightAfterTheHubConnectedWaitsForTheWindow() throws Exception {
        Device lock = onlineLock();
        hub.drop();
        Await.until("hub thing offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        hub.back().get(10, TimeUnit.SECONDS);
        Await.until("lock online", () -> lock.statusValue() == ThingStatus.ONLINE);
        // the hub ignores actions for the window after its connect: the thing holds the action back till then
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("performed", () -> lock.handler.actionCounters().succeeded() == 1);
        assertThat(hub.actionsReceived(), contains("lock:unlock"));
    }

    @Test
    void testTheThingsComeBackAfterABrokerRestart() throws Exception {
        Device lock = onlineLock();
        harness.broker.stop();
        Await.until("hub thing offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        harness.broker.start();
        Await.until("all back",
                () -> harness.bridgeStatusValue() == ThingStatus.ONLINE && lock.statusValue() == ThingStatus.ONLINE,
                Duration.ofSeconds(30));
        command(lock, CHANNEL_UNLOCK, OnOffType.ON);
        Await.until("performed", () -> lock.handler.actionCounters().succeeded() == 1, Duration.ofSeconds(20));
        assertThat(hub.actionsReceived(), contains("lock:unlock"));
    }

    @Test
    void testAnotherBaseTopicFindsNoHubAndSaysSo() {
        harness.bridgeConfiguration.put("baseTopic", "garage-hub");
        harness.initializeBridge();
        Await.until("hub thing offline", () -> harness.bridgeStatusValue() == ThingStatus.OFFLINE);
        assertThat(harness.bridgeStatus.get().getStatusDetail(), is(ThingStatusDetail.COMMUNICATION_ERROR));
        assertThat(harness.bridgeStatusDescription(), startsWith("@text/offline.hub.silent [\"garage-hub\""));
    }

    @Test
    void testALockThingWithAnotherIdSaysWhichLockTheHubHas() {
        onlineHub();
        Device device = harness.addSmartLock("back", Map.of("nukiId", "1122334A"));
        harness.initialize(device);
        Await.until("offline, naming the hub's lock",
                () -> device.statusValue() == ThingStatus.OFFLINE
                        && "@text/offline.hub.other-lock [\"2A3B4C5D\", \"1122334A\"]"
                                .equals(device.status.get().getDescription()));
    }

    @Test
    void testTheInboxOffersTheHubsLockAndOpenerUnderTheHub() {
        onlineHub();
        RecordingInbox inbox = new RecordingInbox();
        NukiHubDiscoveryService discovery = new NukiHubDiscoveryService();
        discovery.setThingHandler(harness.bridgeHandler);
        discovery.addDiscoveryListener(inbox);
        discovery.initialize();
        Await.until("both offered", () -> inbox.results.stream().map(DiscoveryResult::getLabel).toList()
                .containsAll(List.of("Front door", "Intercom")));
        DiscoveryResult lock = inbox.results.stream().filter(r -> "Front door".equals(r.getLabel())).findFirst()
                .orElseThrow();
        assertThat(lock.getThingUID().getAsString(), is("nuki:smartlock:esp:" + LOCK));
        assertThat(lock.getBridgeUID(), is(HubHarness.BRIDGE_UID));
        assertThat(lock.getProperties().get("nukiId"), is(String.valueOf(LOCK)));
        DiscoveryResult opener = inbox.results.stream().filter(r -> "Intercom".equals(r.getLabel())).findFirst()
                .orElseThrow();
        assertThat(opener.getThingUID().getAsString(), is("nuki:opener:esp:" + OPENER));
        discovery.dispose();
    }
}
