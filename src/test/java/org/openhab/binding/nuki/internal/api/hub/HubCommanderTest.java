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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.nuki.internal.api.model.LockAction;
import org.openhab.binding.nuki.internal.api.mqtt.MqttActionException;
import org.openhab.binding.nuki.internal.api.mqtt.NukiMqttConnection;
import org.openhab.binding.nuki.test.Await;

/**
 * The hub commander's bookkeeping: an action is done once the device accepted it and its state reached the target,
 * attempts the hub retries are no failure, only {@code retry failed} or a failing completion is; around Nuki Hub's
 * reconnect window, on a connection that records what it is asked
 * to publish (the network path runs against the simulated hub in {@code NukiHubThingTest}): held back while the hub
 * ignores actions, sent again once when a rebooted hub dropped it, never again when the hub acknowledged it
 * meanwhile, when it only reconnected (it may have performed it), or when its "online" may be an old retained one.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class HubCommanderTest {

    private static final Duration WINDOW = Duration.ofMillis(300);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final NukiMqttConnection connection = new NukiMqttConnection() {
        @Override
        public CompletableFuture<Boolean> subscribe(String topicFilter, Listener listener) {
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletableFuture<Boolean> publish(String topic, String payload, int qos, boolean retain) {
            published.add(topic + "=" + payload + " qos" + qos + (retain ? " retained" : ""));
            return CompletableFuture.completedFuture(true);
        }
    };
    private final HubCommander commander = new HubCommander(connection, scheduler, "nukihub/lock/action",
            Duration.ofSeconds(5), WINDOW);

    @AfterEach
    void stop() {
        commander.close("test over");
        scheduler.shutdownNow();
    }

    @Test
    void testAnActionIsDoneWhenTheAcceptedCommandReachesItsTargetState() throws Exception {
        commander.onState(1);
        CompletableFuture<Boolean> done = commander.send(LockAction.UNLOCK);
        assertThat(published, contains("nukihub/lock/action=unlock qos1"));
        commander.onResult("success"); // before the ack: a retained result of an earlier action
        commander.onReply("ack");
        commander.onResult("working");
        commander.onResult("success"); // accepted: the lock still reads locked
        assertThat(done.isDone(), is(false));
        commander.onState(2);
        assertThat(done.isDone(), is(false));
        commander.onState(3);
        assertThat(done.get(1, TimeUnit.SECONDS), is(true));
        assertThat(published, hasSize(1));
    }

    @Test
    void testAnAttemptTheHubRetriesIsNoFailure() throws Exception {
        commander.onState(1);
        CompletableFuture<Boolean> done = commander.send(LockAction.UNLATCH);
        commander.onReply("ack");
        commander.onResult("timeOut");
        commander.onRetry("1");
        commander.onResult("timeOut");
        commander.onRetry("2");
        assertThat(done.isDone(), is(false));
        commander.onResult("success");
        commander.onRetry("--");
        commander.onState(7);
        assertThat(done.get(1, TimeUnit.SECONDS), is(true));
        assertThat(published, hasSize(1));
    }

    @Test
    void testEveryAttemptFailedFailsTheAction() {
        CompletableFuture<Boolean> done = commander.send(LockAction.UNLOCK);
        commander.onReply("ack");
        commander.onRetry("failed"); // retained, before the ack: ignored above; now it counts
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> done.get(1, TimeUnit.SECONDS));
        assertThat(failure.getCause().getMessage(), containsString("Bluetooth"));
    }

    @Test
    void testAnActionAlreadyAtItsTargetIsDoneOnSuccessAndAFailingCompletionFailsIt() throws Exception {
        commander.onState(1);
        CompletableFuture<Boolean> lock = commander.send(LockAction.LOCK);
        commander.onReply("ack");
        commander.onResult("success");
        assertThat(lock.get(1, TimeUnit.SECONDS), is(true));
        CompletableFuture<Boolean> unlock = commander.send(LockAction.UNLOCK);
        commander.onReply("ack");
        commander.onResult("success");
        commander.onCompletion("motorBlocked");
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> unlock.get(1, TimeUnit.SECONDS));
        assertThat(failure.getCause().getMessage(), containsString("motorBlocked"));
    }

    @Test
    void testDeniedFailsWithTheSettingToChange() {
        CompletableFuture<Boolean> done = commander.send(LockAction.UNLATCH);
        commander.onReply("denied");
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> done.get(1, TimeUnit.SECONDS));
        assertThat(failure.getCause(), instanceOf(MqttActionException.class));
        assertThat(String.valueOf(failure.getCause()), containsString("access level"));
    }

    @Test
    void testAnActionInsideTheWindowWaitsForItsEnd() {
        commander.hubOnline(false);
        commander.send(LockAction.LOCK);
        assertThat(published, is(empty()));
        Await.until("published after the window", () -> published.size() == 1);
        Await.holds("once", () -> published.size() == 1, WINDOW.plusMillis(200));
    }

    @Test
    void testAnActionTheRestartedHubIgnoredIsSentOnceMore() {
        commander.send(LockAction.LOCK);
        // a boot: the reset value on the action topic, then online
        commander.onReply(HubActions.RESET);
        commander.hubOnline(true);
        Await.until("sent again after the window", () -> published.size() == 2);
        commander.onReply("ack");
        Await.holds("not a third time", () -> published.size() == 2, WINDOW.plusMillis(200));
    }

    @Test
    void testAnActionIsNotSentAgainWhenTheHubOnlyReconnected() {
        // no boot (its network broke, or it went silent): it may have performed the action and lost its answer
        commander.send(LockAction.UNLATCH);
        commander.hubOnline(true);
        Await.holds("sent once", () -> published.size() == 1, WINDOW.plusMillis(300));
    }

    @Test
    void testAnActionTheHubAcknowledgedInsideTheWindowIsNotSentAgain() {
        commander.send(LockAction.LOCK);
        commander.hubOnline(true);
        commander.onReply("ack");
        Await.holds("sent once", () -> published.size() == 1, WINDOW.plusMillis(300));
    }

    @Test
    void testAfterOpenhabsOwnReconnectNothingIsSentAgain() {
        commander.send(LockAction.LOCK);
        commander.hubOnline(false);
        Await.holds("sent once", () -> published.size() == 1, WINDOW.plusMillis(300));
    }

    @Test
    void testActionsWaitTheirTurn() throws Exception {
        CompletableFuture<Boolean> first = commander.send(LockAction.UNLOCK);
        CompletableFuture<Boolean> second = commander.send(LockAction.LOCK);
        assertThat(published, contains("nukihub/lock/action=unlock qos1"));
        commander.onReply("ack");
        commander.onResult("success");
        commander.onState(3);
        assertThat(first.get(1, TimeUnit.SECONDS), is(true));
        assertThat(published, contains("nukihub/lock/action=unlock qos1", "nukihub/lock/action=lock qos1"));
        commander.onReply("denied");
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> second.get(1, TimeUnit.SECONDS));
    }
}
