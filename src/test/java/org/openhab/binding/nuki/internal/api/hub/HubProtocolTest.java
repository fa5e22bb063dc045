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
package org.openhab.binding.nuki.internal.api.hub;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCode;
import org.openhab.binding.nuki.internal.api.keypad.KeypadCodeRequest;
import org.openhab.binding.nuki.internal.api.model.LockAction;

/**
 * Nuki Hub's topics, state words, action payloads and replies, and keypad JSON, with the fact sheet's values.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
class HubProtocolTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void testTopicsLiveUnderTheBaseWithoutANukiId() {
        HubTopics topics = new HubTopics("home/nukihub/");
        assertThat(topics.lock("action"), is("home/nukihub/lock/action"));
        assertThat(topics.opener("state"), is("home/nukihub/opener/state"));
        assertThat(topics.device(true, "action"), is("home/nukihub/opener/action"));
        assertThat(topics.connectionState(), is("home/nukihub/maintenance/mqttConnectionState"));
        assertThat(topics.all(), is("home/nukihub/#"));
        assertThat(new HubTopics(HubTopics.DEFAULT_BASE).lock("state"), is("nukihub/lock/state"));
        assertThrows(IllegalArgumentException.class, () -> new HubTopics(" / "));
        assertThrows(IllegalArgumentException.class, () -> new HubTopics("nuki/#"));
    }

    @Test
    void testStateWordsAreTheBindingsCodes() {
        assertThat(HubStates.lockState("locked"), is(1));
        assertThat(HubStates.lockState("unlocking"), is(2));
        assertThat(HubStates.lockState("unlocked"), is(3));
        assertThat(HubStates.lockState("unlatched"), is(5));
        assertThat(HubStates.lockState("unlockedLnga"), is(6));
        assertThat(HubStates.lockState("unlatching"), is(7));
        assertThat(HubStates.lockState("motorBlocked"), is(254));
        assertThat(HubStates.lockState("bootRun"), is(253));
        assertThat(HubStates.lockState("jammed"), is(HubStates.UNKNOWN));
        // the opener's "locked" is ring to open off
        assertThat(HubStates.openerState("locked"), is(1));
        assertThat(HubStates.openerState("RTOactive"), is(3));
        assertThat(HubStates.openerState("opening"), is(7));
        assertThat(HubStates.openerState("open"), is(5));
        assertThat(HubStates.doorSensorState("doorClosed"), is(2));
        assertThat(HubStates.doorSensorState("doorOpened"), is(3));
        assertThat(HubStates.doorSensorState("tampered"), is(240));
        assertThat(HubStates.flag("1"), is(true));
        assertThat(HubStates.flag("0"), is(false));
    }

    @Test
    void testPressesWithoutActionAndIdsAsTheHubShowsThem() {
        assertThat(HubStates.actionName("FobNoAction"), is("FOB"));
        assertThat(HubStates.actionName("ButtonNoAction"), is("BUTTON"));
        assertThat(HubStates.actionName("Unknown"), is(nullValue()));
        // Nuki Hub shows ids as unpadded hexadecimal: all digits too
        assertThat(HubIds.parse("12345678"), is(0x12345678L));
        assertThat(HubIds.parse("2a3b4c5d"), is(0x2A3B4C5DL));
        assertThat(HubIds.parse("0x2A3B4C5D"), is(0x2A3B4C5DL));
        // more than 8 digits: the decimal id a bridge reports
        assertThat(HubIds.parse("708529245"), is(708529245L));
        assertThat(HubIds.configured(708529245L), is("708529245"));
        assertThat(HubIds.configured(0x00ABCDEFL), is("00ABCDEF"));
        assertThrows(IllegalArgumentException.class, () -> HubIds.parse("12345G"));
    }

    @Test
    void testActionPayloadsAndReplies() {
        assertThat(HubActions.payload(LockAction.UNLOCK), is("unlock"));
        assertThat(HubActions.payload(LockAction.UNLATCH), is("unlatch"));
        assertThat(HubActions.payload(LockAction.LOCK_N_GO), is("lockNgo"));
        assertThat(HubActions.payload(LockAction.LOCK_N_GO_WITH_UNLATCH), is("lockNgoUnlatch"));
        assertThat(HubActions.payload(LockAction.FULL_LOCK), is("fullLock"));
        assertThat(HubActions.payload(LockAction.ACTIVATE_RING_TO_OPEN), is("activateRTO"));
        assertThat(HubActions.payload(LockAction.ELECTRIC_STRIKE_ACTUATION), is("electricStrikeActuation"));
        assertThat(HubActions.payload(LockAction.DEACTIVATE_CONTINUOUS_MODE), is("deactivateCM"));
        assertThat(HubActions.payload(LockAction.UNKNOWN), is(nullValue()));
        assertThat(HubActions.Reply.of("ack"), is(HubActions.Reply.ACK));
        assertThat(HubActions.Reply.of("denied"), is(HubActions.Reply.DENIED));
        // the command itself and the reset value on the same topic are no reply
        assertThat(HubActions.Reply.of("unlock"), is(nullValue()));
        assertThat(HubActions.Reply.of("--"), is(nullValue()));
        assertThat(HubActions.refusal(HubActions.Reply.DENIED, LockAction.UNLATCH),
                allOf(containsString("unlatch"), containsString("access level")));
        assertThat(HubActions.refusal(HubActions.Reply.ACK, LockAction.LOCK), is(nullValue()));
    }

    @Test
    void testKeypadEntriesAreReadWithoutTheirCodes() {
        String published = "[{\"codeId\":3,\"enabled\":1,\"name\":\"Cleaner\",\"code\":345678,"
                + "\"dateCreated\":\"2026-01-10 09:00:00\",\"lockCount\":12,\"dateLastActive\":\"2026-02-28 08:15:00\","
                + "\"timeLimited\":1,\"allowedFrom\":\"2026-01-10 00:00:00\",\"allowedUntil\":\"2026-12-31 23:59:00\","
                + "\"allowedWeekdays\":[\"mon\",\"wed\",\"fri\"],\"allowedFromTime\":\"08:00\","
                + "\"allowedUntilTime\":\"12:00\"}]";
        List<HubKeypad.Entry> entries = HubKeypad.entries(published);
        assertThat(entries, hasSize(1));
        KeypadCode cleaner = HubKeypad.listed(entries.get(0), BERLIN);
        assertThat(cleaner.name(), is("Cleaner"));
        assertThat(cleaner.enabled(), is(true));
        assertThat(cleaner.validFrom(), is(Instant.parse("2026-01-09T23:00:00Z")));
        assertThat(cleaner.weekdays(), is(64 | 16 | 4));
        assertThat(cleaner.dailyFrom(), is(LocalTime.of(8, 0)));
        assertThat(cleaner.lastUsed(), is(Instant.parse("2026-02-28T07:15:00Z")));
        assertThat(cleaner.toString(), not(containsString("345678")));
        assertThat(HubKeypad.entries("--"), is(empty()));
        assertThat(HubKeypad.entries("[{broken"), is(empty()));
    }

    @Test
    void testKeypadCommandsAndResults() {
        KeypadCodeRequest guest = new KeypadCodeRequest("Guest", "234567", Instant.parse("2026-12-24T14:00:00Z"),
                Instant.parse("2026-12-27T10:00:00Z"), 64 | 1, LocalTime.of(8, 0), LocalTime.of(20, 30));
        HubKeypad.Command add = HubKeypad.add(guest, BERLIN);
        assertThat(add.json(), is("{\"action\":\"add\",\"code\":234567,\"name\":\"Guest\",\"timeLimited\":1,"
                + "\"allowedFrom\":\"2026-12-24 15:00:00\",\"allowedUntil\":\"2026-12-27 11:00:00\","
                + "\"allowedWeekdays\":[\"mon\",\"sun\"],\"allowedFromTime\":\"08:00\",\"allowedUntilTime\":\"20:30\"}"));
        assertThat(add.toString(), allOf(containsString("Guest"), not(containsString("234567"))));
        assertThat(HubKeypad.add(KeypadCodeRequest.always("Tom", "345679"), BERLIN).json(),
                is("{\"action\":\"add\",\"code\":345679,\"name\":\"Tom\",\"timeLimited\":0}"));
        HubKeypad.Entry cleaner = HubKeypad.entries("[{\"codeId\":3,\"enabled\":1,\"name\":\"Cleaner\"}]").get(0);
        assertThat(HubKeypad.setEnabled(cleaner, false).json(),
                is("{\"action\":\"update\",\"codeId\":3,\"enabled\":0}"));
        assertThat(HubKeypad.delete(cleaner).json(), is("{\"action\":\"delete\",\"codeId\":3}"));

        // the result topic's format is not documented: a word, a JSON string or an object all read
        assertThat(HubKeypad.result("success"), is("success"));
        assertThat(HubKeypad.result("\"keypadControlDisabled\""), is("keypadControlDisabled"));
        assertThat(HubKeypad.result("{\"general\":\"noValidPinSet\"}"), is("noValidPinSet"));
        assertThat(HubKeypad.result(""), is(""));
        assertThat(HubKeypad.succeeded("success"), is(true));
        assertThat(HubKeypad.explain("keypadControlDisabled"), containsString("access level settings"));
        assertThat(HubKeypad.explain("noValidPinSet"), containsString("security PIN"));
        assertThat(HubKeypad.explain("somethingNew"), containsString("somethingNew"));
    }
}
