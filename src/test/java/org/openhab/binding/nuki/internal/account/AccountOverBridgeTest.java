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

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.nuki.internal.action.NukiSmartLockActions;
import org.openhab.binding.nuki.simulator.AdjustableClock;
import org.openhab.binding.nuki.simulator.NukiBridgeSimulator;
import org.openhab.binding.nuki.simulator.NukiWebSimulator;
import org.openhab.binding.nuki.simulator.SimulatedDevice;
import org.openhab.binding.nuki.test.AccountFixture;
import org.openhab.binding.nuki.test.Await;
import org.openhab.binding.nuki.test.HandlerHarness;
import org.openhab.binding.nuki.test.HandlerHarness.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.UnDefType;

/**
 * A Nuki Web account beside a Nuki Bridge, both simulated: the account matches the bridge's devices by Nuki id, names
 * who moved a lock the bridge reports without a trigger (one log read per change openHAB did not cause), says
 * {@code openHAB} for the binding's own actions, manages keypad codes end to end, and tells what is wrong in words.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class AccountOverBridgeTest {

    private static final long LOCK = NukiWebSimulator.DEMO_LOCK;
    private static final long OPENER = NukiWebSimulator.DEMO_OPENER;
    private static final long NOT_IN_NUKI_WEB = 0x0C0FFEEL;
    private static final String LOG = "/smartlock/{id}/log";

    private @TempDir @NonNullByDefault({}) Path folder;
    private @NonNullByDefault({}) NukiBridgeSimulator simulator;
    private @NonNullByDefault({}) HandlerHarness harness;
    private @NonNullByDefault({}) AccountFixture account;

    @BeforeEach
    void start() throws Exception {
        simulator = new NukiBridgeSimulator("bridge-token", AdjustableClock.system(), InetAddress.getLoopbackAddress());
        simulator.addDevice(SimulatedDevice.smartLock(LOCK, 4, "Front door").withDoorSensor().withKeypad());
        simulator.addDevice(SimulatedDevice.opener(OPENER, "Intercom"));
        simulator.setActionStepDelay(Duration.ofMillis(30));
        harness = new HandlerHarness(simulator, Clock.systemUTC(), folder.resolve("unlatch-allowed.properties"));
        account = new AccountFixture(harness.httpClient, harness.accounts, Clock.systemUTC());
        account.transports.add(HandlerHarness.BRIDGE_UID, harness.bridgeHandler);
    }

    @AfterEach
    void stop() {
        account.close();
        harness.close();
    }

    private Device online(boolean opener, long nukiId, String id) {
        if (harness.bridgeStatusValue() != ThingStatus.ONLINE) {
            harness.initializeBridge();
            Await.until("bridge online", () -> harness.bridgeStatusValue() == ThingStatus.ONLINE);
            // pushes reach openHAB from here on
            Await.until("callback registered", () -> !simulator.callbackUrls().isEmpty());
        }
        Map<String, Object> config = Map.of("nukiId", String.valueOf(nukiId));
        Device device = opener ? harness.addOpener(id, config) : harness.addSmartLock(id, config);
        harness.initialize(device);
        Await.until(id + " online", () -> device.statusValue() == ThingStatus.ONLINE);
        return device;
    }

    private static NukiSmartLockActions actions(Device device) {
        NukiSmartLockActions actions = new NukiSmartLockActions();
        actions.setThingHandler(device.handler);
        return actions;
    }

    /** A listing's entries, as a script rule reads them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> codes(Map<String, Object> listing) {
        return (List<Map<String, Object>>) Objects.requireNonNull(listing.get("codes"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> listing) {
        return (List<Map<String, Object>>) Objects.requireNonNull(listing.get("entries"));
    }

    private static boolean says(Device device, String name) {
        return new StringType(name).equals(device.state(CHANNEL_LAST_ACTION_USER));
    }

    // ------------------------------------------------------------------ the account and its devices

    @Test
    void testTheAccountGoesOnlineAndFindsTheBridgesDevicesById() {
        Device lock = online(false, LOCK, "front");
        Device opener = online(true, OPENER, "intercom");
        account.online();
        assertThat(account.description(), is(""));
        assertThat(account.handler.devices(), hasSize(2));
        // the smartlockId <-> Nuki id rule: the type digit before the Nuki id
        assertThat(account.handler.devices().stream().map(d -> d.smartlockId).toList(),
                containsInAnyOrder(0x41A2B3C4DL, 0x22B3C4D5EL));
        assertThat(account.handler.device(LOCK, false), is(notNullValue()));
        assertThat(account.handler.device(OPENER, true), is(notNullValue()));
        // a lock id is no opener and the other way round
        assertThat(account.handler.device(LOCK, true), is(nullValue()));
        assertThat(lock.state(CHANNEL_LAST_ACTION_USER), is(UnDefType.UNDEF));
        assertThat(opener.state(CHANNEL_LAST_ACTION_USER), is(UnDefType.UNDEF));
    }

    @Test
    void testADeviceWithoutNukiWebIsNamedInTheStatus() {
        simulator.addDevice(SimulatedDevice.smartLock(NOT_IN_NUKI_WEB, 4, "Cellar"));
        online(false, NOT_IN_NUKI_WEB, "cellar");
        account.online();
        Await.until("note", () -> account.description().contains("online.account.not-in-nuki-web"));
        assertThat(account.description(), containsString("00C0FFEE"));
        assertThat(account.status.get().getStatus(), is(ThingStatus.ONLINE));
    }

    @Test
    void testARefusedTokenSaysSoAndAsksNoMore() {
        account.cloud.setTokenRefused(true);
        account.handler.initialize();
        Await.until("offline", () -> account.statusValue() == ThingStatus.OFFLINE);
        assertThat(account.status.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
        assertThat(account.description(), is("@text/offline.account.token-refused"));
        assertThat(account.description(), not(containsString(AccountFixture.TOKEN)));
        int asked = account.cloud.totalRequests();
        Await.holds("no retry of a refused token", () -> account.cloud.totalRequests() == asked,
                Duration.ofMillis(500));
    }

    @Test
    void testThrottlingSaysHowLongAndSendsNothingMeanwhile() {
        account.cloud.throttleNext(1, 120);
        account.handler.initialize();
        Await.until("throttled", () -> account.description().startsWith("@text/offline.account.throttled"));
        assertThat(account.description(), containsString("120"));
        assertThat(account.status.get().getStatusDetail(), is(ThingStatusDetail.COMMUNICATION_ERROR));
        Device lock = online(false, LOCK, "front");
        int asked = account.cloud.totalRequests();
        // a keypad listing while throttled fails at once, without a request, and says why
        Map<String, Object> listing = actions(lock).listKeypadCodes();
        assertThat(codes(listing), is(empty()));
        assertThat(listing.get("count"), is(0));
        assertThat(String.valueOf(listing.get("text")), startsWith("Cannot list keypad codes"));
        assertThat(account.cloud.totalRequests(), is(asked));
    }

    @Test
    void testAnUnreachableCloudSaysWhere() {
        account.cloud.close();
        account.handler.initialize();
        Await.until("unreachable", () -> account.description().startsWith("@text/offline.account.unreachable"));
        assertThat(account.description(), containsString("127.0.0.1"));
    }

    @Test
    void testAMissingScopeIsNamed() {
        account.cloud.setMissingScope("smartlock.log");
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.logNow(LOCK, "Cleaner", 1, 255, 1);
        simulator.changeState(LOCK, 3);
        Await.until("scope named", () -> account.description().contains("offline.account.scope-missing"));
        assertThat(account.description(), containsString("smartlock.log"));
        // no name rather than a wrong one
        assertThat(lock.state(CHANNEL_LAST_ACTION_USER), is(UnDefType.UNDEF));
    }

    // ------------------------------------------------------------------ who did it

    @Test
    void testAKeypadCodeAFingerprintAndAnAppUserAreNamedFromTheLogOncePerChange() {
        Device lock = online(false, LOCK, "front");
        account.online();

        account.cloud.logNow(LOCK, "Cleaner", 1, 255, 1);
        simulator.changeState(LOCK, 3);
        Await.until("keypad code named", () -> says(lock, "Cleaner"));
        assertThat(account.cloud.requestCount(LOG), is(1));

        account.cloud.logNow(LOCK, "Anna", 2, 255, 2);
        simulator.changeState(LOCK, 1);
        Await.until("fingerprint named", () -> says(lock, "Anna"));
        assertThat(account.cloud.requestCount(LOG), is(2));

        account.cloud.logNow(LOCK, "Tom's phone", 1, 5, 0);
        simulator.changeState(LOCK, 3);
        Await.until("app user named", () -> says(lock, "Tom's phone"));
        assertThat(account.cloud.requestCount(LOG), is(3));

        // a change that is no move (the door sensor) asks nothing
        simulator.changeDoorSensor(LOCK, 3);
        Await.until("door open", () -> OnOffType.ON.equals(lock.state(CHANNEL_DOOR_SENSOR))
                || "OPEN".equals(String.valueOf(lock.state(CHANNEL_DOOR_SENSOR))));
        assertThat(account.cloud.requestCount(LOG), is(3));
    }

    @Test
    void testWhoSwitchedAnOpenerIsNamedFromTheLog() {
        Device opener = online(true, OPENER, "intercom");
        account.online();
        // Tom switches ring to open on in his app: the opener's log calls it action 1
        account.cloud.logNow(OPENER, "Tom's phone", 1, 5, 0);
        simulator.changeState(OPENER, 3);
        Await.until("Tom named", () -> says(opener, "Tom's phone"));
        assertThat(account.cloud.requestCount(LOG), is(1));
        // openHAB switches it off again
        opener.handler.handleCommand(opener.channel(CHANNEL_LOCK), OnOffType.ON);
        Await.until("openHAB named", () -> says(opener, USER_OPENHAB));
        assertThat(account.cloud.requestCount(LOG), is(1));
    }

    @Test
    void testAChangeOpenhabCausedSaysOpenhabWithoutAskingTheLog() {
        Device lock = online(false, LOCK, "front");
        account.online();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("openHAB named",
                () -> says(lock, USER_OPENHAB) && new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        Await.holds("the pushes handled, no log read",
                () -> account.cloud.requestCount(LOG) == 0 && says(lock, USER_OPENHAB), Duration.ofMillis(500));
        // the door moved through the bridge, never through the cloud
        assertThat(simulator.stats().lockActions(), hasSize(1));
        assertThat(account.cloud.requestCount("/smartlock/{id}/action"), is(0));
        assertThat(account.cloud.requestCount("/smartlock/{id}/action/{id}"), is(0));
    }

    @Test
    void testChangesRightAfterOpenhabsActionAreSomeoneElses() {
        Device lock = online(false, LOCK, "front");
        account.online();
        lock.handler.handleCommand(lock.channel(CHANNEL_UNLOCK), OnOffType.ON);
        Await.until("openHAB named",
                () -> says(lock, USER_OPENHAB) && new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        // every push of openHAB's action handled (pushes arrive in order: a marker after them shows they were)
        Await.until("the action's pushes sent", () -> simulator.pendingCallbacks() == 0);
        simulator.changeDoorSensor(LOCK, 3);
        Await.until("marker handled",
                () -> org.openhab.core.library.types.OpenClosedType.OPEN.equals(lock.state(CHANNEL_DOOR_SENSOR)));
        // seconds later, well within the time an action of openHAB's may take, the cleaner locks and Anna unlocks
        account.cloud.logNow(LOCK, "Cleaner", 2, 255, 1);
        simulator.changeState(LOCK, 1);
        try {
            Await.until("the cleaner named", () -> says(lock, "Cleaner"));
        } catch (AssertionError e) {
            throw new AssertionError(lock.stateLog + " log reads " + account.cloud.requestCount(LOG), e);
        }
        account.cloud.logNow(LOCK, "Anna", 1, 255, 2);
        simulator.changeState(LOCK, 3);
        Await.until("Anna named, not openHAB", () -> says(lock, "Anna"));
        assertThat(account.cloud.requestCount(LOG), is(2));
    }

    @Test
    void testANameFoundLateForAnOlderChangeIsNotShownForOpenhabsNewerOne() {
        Device lock = online(false, LOCK, "front");
        account.online();
        // Anna unlocks; the bridge's push of it is held up on the way
        simulator.holdPushes();
        account.cloud.logNow(LOCK, "Anna", 1, 255, 2);
        simulator.changeState(LOCK, 3);
        // openHAB locks right after: its answer comes before Anna's push
        lock.handler.handleCommand(lock.channel(CHANNEL_LOCK), OnOffType.ON);
        Await.until("the lock answered", () -> lock.handler.actionCounters().succeeded() == 1);
        Await.until("openHAB named", () -> says(lock, USER_OPENHAB));
        simulator.releasePushes();
        Await.until("the pushes sent", () -> simulator.pendingCallbacks() == 0);
        simulator.changeDoorSensor(LOCK, 3);
        Await.until("marker handled",
                () -> org.openhab.core.library.types.OpenClosedType.OPEN.equals(lock.state(CHANNEL_DOOR_SENSOR)));
        // a name asked for meanwhile would come from the log now: it must not name the newer change
        Await.holds("openHAB moved it last", () -> says(lock, USER_OPENHAB), Duration.ofMillis(500));
        assertThat(lock.state(CHANNEL_LOCK_STATE), is(new StringType("LOCKED")));
    }

    @Test
    void testAChangeTheLogDoesNotExplainLeavesNoName() {
        Device lock = online(false, LOCK, "front");
        account.online();
        // an entry older than the change may not be taken for it
        account.cloud.logAction(account.cloud.device(LOCK), "6775e353c52a77633bf92c4c", 1, 255, 1,
                "2020-01-01T00:00:00.000Z");
        simulator.changeState(LOCK, 3);
        Await.until("log read", () -> account.cloud.requestCount(LOG) == 1);
        Await.holds("no name", () -> lock.state(CHANNEL_LAST_ACTION_USER) == UnDefType.UNDEF, Duration.ofMillis(300));
    }

    @Test
    void testWithoutAnAccountTheChannelStaysUndefAndNothingIsAsked() {
        Device lock = online(false, LOCK, "front");
        simulator.changeState(LOCK, 3);
        Await.until("unlocked", () -> new StringType("UNLOCKED").equals(lock.state(CHANNEL_LOCK_STATE)));
        assertThat(lock.state(CHANNEL_LAST_ACTION_USER), is(UnDefType.UNDEF));
        assertThat(account.cloud.totalRequests(), is(0));
        assertThat(actions(lock).addKeypadCode("Guest", "234567", null, null).get("message"),
                is(org.openhab.binding.nuki.internal.handler.DeviceKeypad.NO_SOURCE));
    }

    // ------------------------------------------------------------------ keypad codes and the log

    @Test
    void testAKeypadCodeIsAddedSwitchedAndRemovedEndToEnd() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.setWriteDelay(Duration.ofMillis(200));
        NukiSmartLockActions actions = actions(lock);
        ZonedDateTime checkIn = ZonedDateTime.parse("2026-12-24T15:00:00+01:00");

        Map<String, Object> added = actions.addKeypadCode("Guest", "234567", checkIn, checkIn.plusDays(3));
        assertThat(added.get("accepted"), is(true));
        assertThat(String.valueOf(added.get("message")), not(containsString("234567")));
        Await.until("on the lock", () -> lock.events.contains("keypad-event:ADDED:Guest"));
        List<Map<String, Object>> codes = codes(actions.listKeypadCodes());
        Map<String, Object> guest = codes.stream().filter(c -> "Guest".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(guest.get("validFrom"), is(checkIn.toInstant().atZone(java.time.ZoneId.systemDefault())));
        assertThat(guest.get("enabled"), is(true));
        for (Map<String, Object> code : codes) {
            assertThat(code.keySet(), not(hasItem("code")));
            assertThat(code.values(), not(hasItems((Object) "234567", (Object) 234567, (Object) 345678)));
        }

        assertThat(actions.setKeypadCodeEnabled("Guest", false).get("accepted"), is(true));
        Await.until("switched off", () -> lock.events.contains("keypad-event:DISABLED:Guest"));
        assertThat(codes(actions.listKeypadCodes()).stream().filter(c -> "Guest".equals(c.get("name")))
                .map(c -> c.get("enabled")).toList(), contains(false));
        // switching it off kept its validity
        assertThat(account.cloud.device(LOCK).authorizations().stream().filter(a -> "Guest".equals(a.get("name")))
                .map(a -> a.get("allowedFromDate")).toList(), contains(checkIn.toInstant().toString()));

        assertThat(actions.removeKeypadCode("Guest").get("accepted"), is(true));
        Await.until("removed", () -> lock.events.contains("keypad-event:REMOVED:Guest"));
        assertThat(codes(actions.listKeypadCodes()).stream().map(c -> c.get("name")).toList(), not(hasItem("Guest")));
    }

    @Test
    void testAKeypadCodeOnWeekdaysWithADailyWindow() {
        Device lock = online(false, LOCK, "front");
        account.online();
        Map<String, Object> added = actions(lock).addKeypadCodeOnDays("Gardener", "345789", null, null, "MON,WED,FRI",
                "08:00", "12:30");
        assertThat(added.get("accepted"), is(true));
        Await.until("on the lock", () -> lock.events.contains("keypad-event:ADDED:Gardener"));
        Map<String, Object> listed = codes(actions(lock).listKeypadCodes()).stream()
                .filter(c -> "Gardener".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(listed.get("weekdays"), is("MON,WED,FRI"));
        assertThat(listed.get("dailyFrom"), is("08:00"));
        assertThat(listed.get("dailyUntil"), is("12:30"));
    }

    @Test
    void testEveryInvalidCodeIsRefusedWithItsReasonBeforeAnythingIsSent() {
        Device lock = online(false, LOCK, "front");
        account.online();
        NukiSmartLockActions actions = actions(lock);
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("23456", "exactly 6 digits");
        refusals.put("23456a", "exactly 6 digits");
        refusals.put("234506", "1 to 9");
        refusals.put("123456", "must not start with 12");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Map<String, Object> answer = actions.addKeypadCode("Guest", refusal.getKey(), null, null);
            assertThat(refusal.getKey(), answer.get("accepted"), is(false));
            assertThat(String.valueOf(answer.get("message")), containsString(refusal.getValue()));
            assertThat(String.valueOf(answer.get("message")), not(containsString(refusal.getKey())));
        }
        assertThat(String.valueOf(actions.addKeypadCode("A name far too long!!", "234567", null, null).get("message")),
                containsString("at most 20"));
        assertThat(String.valueOf(actions.addKeypadCode(" ", "234567", null, null).get("message")),
                containsString("needs a name"));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        assertThat(String.valueOf(actions.addKeypadCode("Guest", "234567", now, now.minusHours(1)).get("message")),
                containsString("end after it starts"));
        assertThat(String.valueOf(
                actions.addKeypadCodeOnDays("Guest", "234567", null, null, "MON,XYZ", null, null).get("message")),
                containsString("no weekday"));
        assertThat(String.valueOf(
                actions.addKeypadCodeOnDays("Guest", "234567", null, null, null, "18:00", "08:00").get("message")),
                containsString("daily time window must end"));
        assertThat(
                String.valueOf(
                        actions.addKeypadCodeOnDays("Guest", "234567", null, null, null, "18:00", null).get("message")),
                containsString("start and an end"));
        assertThat(account.cloud.requestCount("PUT /smartlock/{id}/auth"), is(0));
        // the same code as the cleaner's, and the cleaner's name: known only on the lock, refused without a write
        assertThat(String.valueOf(actions.addKeypadCode("Guest", "345678", null, null).get("message")),
                containsString("same"));
        assertThat(String.valueOf(actions.addKeypadCode("cleaner", "234567", null, null).get("message")),
                containsString("has this name"));
        assertThat(account.cloud.requestCount("PUT /smartlock/{id}/auth"), is(0));
        // a code that is not there
        assertThat(actions.removeKeypadCode("Nobody").get("accepted"), is(false));
    }

    @Test
    void testTheActivityLogNamesWhoDidWhat() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.logNow(LOCK, "Cleaner", 1, 255, 1);
        account.cloud.logNow(LOCK, "Tom's phone", 2, 5, 0);
        List<Map<String, Object>> log = entries(actions(lock).getLog(5));
        assertThat(log, hasSize(2));
        assertThat(log.get(0).get("action"), is("LOCK"));
        assertThat(log.get(0).get("trigger"), is("APP"));
        assertThat(log.get(0).get("name"), is("Tom's phone"));
        assertThat(log.get(0).get("date"), is(instanceOf(ZonedDateTime.class)));
        assertThat(log.get(1).get("trigger"), is("KEYPAD_CODE"));
        assertThat(log.get(1).get("name"), is("Cleaner"));
    }

    // ------------------------------------------------------------------ issue 24: Nuki Web as its API behaves

    @Test
    void testKeypadCallsWaitOutTheAccountsWaitAndTheirFailuresReachItsStatus() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.setWriteDelay(Duration.ofMillis(200));
        NukiSmartLockActions actions = actions(lock);
        // the add's own read of the list passes; the follow-up's first re-read gets a 429: the account waits, and so
        // does the follow-up
        account.cloud.throttleOne("GET /smartlock/{id}/auth", 1, 1);
        assertThat(actions.addKeypadCode("Guest", "234567", null, null).get("accepted"), is(true));
        Await.until("throttled", () -> account.description().startsWith("@text/offline.account.throttled"));
        // a rule's listing during the wait: nothing is sent, and the answer says why
        int auths = account.cloud.requestCount("GET /smartlock/{id}/auth");
        Map<String, Object> listing = actions.listKeypadCodes();
        assertThat(String.valueOf(listing.get("text")), containsString("wait"));
        Map<String, Object> refused = actions.setKeypadCodeEnabled("Cleaner", false);
        assertThat(refused.get("accepted"), is(false));
        assertThat(String.valueOf(refused.get("message")), containsString("nothing is sent"));
        assertThat(account.cloud.requestCount("GET /smartlock/{id}/auth"), is(auths));
        // the change is still confirmed, by a re-read after the wait
        Await.until("on the lock", () -> lock.events.contains("keypad-event:ADDED:Guest"));
        assertThat(lock.events, not(hasItem("keypad-event:NOT_CONFIRMED:Guest")));
        List<NukiWebSimulator.Seen> seen = account.cloud.seen();
        NukiWebSimulator.Seen throttled = seen.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        for (NukiWebSimulator.Seen request : seen) {
            assertThat(request + " was sent during the wait",
                    request.at().isAfter(throttled.at()) && request.at().isBefore(throttled.at().plusMillis(950)),
                    is(false));
        }
        Await.until("online again", () -> account.statusValue() == ThingStatus.ONLINE);
    }

    @Test
    void testATokenDeletedAfterStartIsToldAsRefusedNotAsAMissingScope() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.setTokenRefused(true);
        Map<String, Object> listing = actions(lock).listKeypadCodes();
        assertThat(listing.get("count"), is(0));
        Await.until("refused", () -> account.description().equals("@text/offline.account.token-refused"));
        assertThat(account.status.get().getStatusDetail(), is(ThingStatusDetail.CONFIGURATION_ERROR));
    }

    @Test
    void testAMissingScopeOfAKeypadCallIsNamed() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.setMissingScope("smartlock.auth");
        actions(lock).listKeypadCodes();
        Await.until("scope", () -> account.description().startsWith("@text/offline.account.scope-missing"));
        assertThat(account.description(), containsString("smartlock.auth"));
    }

    @Test
    void testEachServerStateIsToldInItsOwnWords() {
        online(false, LOCK, "front");
        account.cloud.setServerState(LOCK, 1);
        account.online();
        Await.until("unregistered", () -> account.description().contains("online.account.device-unregistered"));
        assertThat(account.description(), containsString("Front door"));
        account.cloud.setServerState(LOCK, 3);
        account.handler.readDevices();
        Await.until("auth invalid", () -> account.description().contains("online.account.device-auth-invalid"));
        account.cloud.setServerState(LOCK, 4);
        account.handler.readDevices();
        Await.until("offline", () -> account.description().contains("online.account.unreachable-device"));
        account.cloud.setServerState(LOCK, 0);
        account.handler.readDevices();
        Await.until("fine", () -> account.description().isEmpty());
    }

    @Test
    void testASwitchOffAndOnAtOnceWaitsForTheFirstChangeAndEndsOn() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.setWriteDelay(Duration.ofMillis(500));
        NukiSmartLockActions actions = actions(lock);
        assertThat(actions.setKeypadCodeEnabled("Cleaner", false).get("accepted"), is(true));
        // the list still says "on" while the change is on its way: that is no reason to answer "already on"
        Map<String, Object> on = actions.setKeypadCodeEnabled("Cleaner", true);
        assertThat(on.get("accepted"), is(true));
        assertThat(String.valueOf(on.get("message")), not(containsString("already")));
        Await.until("both on the lock", () -> lock.events.contains("keypad-event:ENABLED:Cleaner"));
        assertThat(lock.events.stream().filter(e -> e.contains(":Cleaner")).toList(),
                contains("keypad-event:DISABLED:Cleaner", "keypad-event:ENABLED:Cleaner"));
        Await.until("ends on",
                () -> account.cloud.device(LOCK).authorizations().stream().anyMatch(a -> "Cleaner".equals(a.get("name"))
                        && Boolean.TRUE.equals(a.get("enabled")) && !a.containsKey("operationId")));
        // the simulator never had to refuse a change of a pending entry
        assertThat(account.cloud.seen().stream().map(NukiWebSimulator.Seen::status).toList(), not(hasItem(423)));
    }

    @Test
    void testAChangeOfAnEntryWhoseEarlierChangeDoesNotArriveIsRefusedInWords() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.setWriteDelay(Duration.ofSeconds(20));
        NukiSmartLockActions actions = actions(lock);
        assertThat(actions.setKeypadCodeEnabled("Cleaner", false).get("accepted"), is(true));
        Map<String, Object> removed = actions.removeKeypadCode("Cleaner");
        assertThat(removed.get("accepted"), is(false));
        assertThat(String.valueOf(removed.get("message")), containsString("still on its way"));
        assertThat(account.cloud.requestCount("DELETE /smartlock/{id}/auth/{id}"), is(0));
        // never reported done while it is not
        Await.until("given up", () -> lock.events.contains("keypad-event:NOT_CONFIRMED:Cleaner"));
        assertThat(lock.events, not(hasItem("keypad-event:DISABLED:Cleaner")));
    }

    @Test
    void testAUiRuleGetsTheCodesAndTheLogAsTextAndCount() {
        Device lock = online(false, LOCK, "front");
        account.online();
        account.cloud.logNow(LOCK, "Cleaner", 1, 255, 1, 224);
        account.cloud.logNow(LOCK, "Tom's phone", 1, 5, 0, 1);
        NukiSmartLockActions actions = actions(lock);

        Map<String, Object> codes = actions.listKeypadCodes();
        assertThat(codes.keySet(), containsInAnyOrder("text", "count", "codes"));
        assertThat(codes.get("count"), is(2));
        assertThat(String.valueOf(codes.get("text")).split("\\n"),
                arrayContainingInAnyOrder("Cleaner: on", "Anna: on"));
        assertThat(String.valueOf(codes.get("text")), not(anyOf(containsString("345678"), containsString("456789"))));

        Map<String, Object> log = actions.getLog(5);
        assertThat(log.keySet(), containsInAnyOrder("text", "count", "entries"));
        assertThat(log.get("count"), is(2));
        String[] lines = String.valueOf(log.get("text")).split("\\n");
        assertThat(lines[0],
                matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UNLOCK by Tom's phone \\(APP\\): MOTOR_BLOCKED"));
        assertThat(lines[1],
                matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UNLOCK by Cleaner \\(KEYPAD_CODE\\): INVALID_CODE"));
        assertThat(entries(log).get(1).get("outcome"), is("INVALID_CODE"));
    }
}
