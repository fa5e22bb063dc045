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
package org.openhab.binding.nuki.standins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.OpenClosedType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.UnDefType;

/**
 * The framework behaviour the binding's tests rely on, checked on the compile-only openHAB Core stand-ins: these
 * must behave as openHAB Core 5.2.1 does.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("null")
class StandInBehaviourTest {

    /** A handler exposing BaseThingHandler's protected helpers. */
    private static class ProbeHandler extends BaseThingHandler {
        ProbeHandler(Thing thing) {
            super(thing);
        }

        @Override
        public void initialize() {
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }

        void state(String channel, org.openhab.core.types.State state) {
            updateState(channel, state);
        }

        void status(ThingStatus status, ThingStatusDetail detail, String description) {
            updateStatus(status, detail, description);
        }

        void trigger(String channel, String event) {
            triggerChannel(channel, event);
        }

        void property(String name, String value) {
            updateProperty(name, value);
        }

        void configuration(Configuration configuration) {
            updateConfiguration(configuration);
        }

        <T> T config(Class<T> type) {
            return getConfigAs(type);
        }
    }

    /** A configuration class in openHAB's style. */
    public static class ProbeConfiguration {
        public String ip = "";
        public int port = 8080;
        public boolean manageCallbacks = true;
    }

    private final ThingUID thingUID = new ThingUID("nuki:bridge:home");
    private final Thing thing = mock(Thing.class);
    private final Configuration configuration = new Configuration();
    private final Map<String, String> properties = new HashMap<>();

    private ProbeHandler handler() {
        when(thing.getUID()).thenReturn(thingUID);
        when(thing.getConfiguration()).thenReturn(configuration);
        when(thing.getProperties()).thenAnswer(invocation -> Map.copyOf(properties));
        when(thing.setProperty(anyString(), any())).thenAnswer(invocation -> properties
                .put(invocation.getArgument(0, String.class), invocation.getArgument(1, String.class)));
        return new ProbeHandler(thing);
    }

    @Test
    void testTheSharedSchedulerRunsTasksAndDelayedTasks() throws Exception {
        // what the pool's class is differs between openHAB releases: no test may rely on it, only on what it runs
        java.util.concurrent.ScheduledExecutorService pool = org.openhab.core.common.ThreadPoolManager
                .getScheduledPool("stand-in-check");
        assertThat(pool.submit(() -> 42).get(5, java.util.concurrent.TimeUnit.SECONDS), is(42));
        long start = System.nanoTime();
        assertThat(pool.schedule(() -> 7, 50, java.util.concurrent.TimeUnit.MILLISECONDS).get(5,
                java.util.concurrent.TimeUnit.SECONDS), is(7));
        assertThat(System.nanoTime() - start, greaterThanOrEqualTo(50_000_000L));
    }

    @Test
    void testAConfigurationSavedThroughTheHandlerIsReadOnReinitialization() {
        // openHAB saves a configuration through handleConfigurationUpdate: dispose, store, initialize
        handler(); // the thing's stubs
        configuration.put("port", 8080);
        when(thing.getStatus()).thenReturn(ThingStatus.ONLINE);
        java.util.List<Integer> portsAtInitialize = new java.util.ArrayList<>();
        ProbeHandler handler = new ProbeHandler(thing) {
            @Override
            public void initialize() {
                portsAtInitialize.add(config(ProbeConfiguration.class).port);
            }
        };
        handler.setCallback(mock(ThingHandlerCallback.class));
        handler.initialize();

        handler.handleConfigurationUpdate(Map.of("port", 8081));

        assertThat(portsAtInitialize, is(java.util.List.of(8080, 8081)));
        assertThat(configuration.get("port"), is(new BigDecimal(8081)));
    }

    @Test
    void testAConfigurationChangedBehindTheHandlersBackIsNotSeen() {
        // openHAB 5.2 resolves a thing's configuration once and again only when it is saved through the handler
        // (updateConfiguration, handleConfigurationUpdate) or the thing is replaced (thingUpdated)
        ProbeHandler handler = handler();
        configuration.put("port", 8080);
        assertThat(handler.config(ProbeConfiguration.class).port, is(8080));
        configuration.put("port", 8081);
        assertThat(handler.config(ProbeConfiguration.class).port, is(8080));
    }

    @Test
    void testHandlerForwardsUpdatesToTheCallback() {
        ProbeHandler handler = handler();
        ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        handler.setCallback(callback);

        handler.state("lock", OnOffType.ON);
        handler.status(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "unreachable");
        handler.trigger("event", "LOCKED");
        handler.property("firmwareVersion", "2.17.0");
        handler.property("firmwareVersion", "2.17.0");
        Configuration update = new Configuration();
        update.put("port", 8081);
        handler.configuration(update);

        verify(callback).stateUpdated(new ChannelUID(thingUID, "lock"), OnOffType.ON);
        verify(callback).statusUpdated(thing,
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "unreachable"));
        verify(callback).channelTriggered(thing, new ChannelUID("nuki:bridge:home:event"), "LOCKED");
        // the unchanged second property update is not forwarded; the configuration update is
        verify(callback, times(2)).thingUpdated(thing);
        assertThat(properties.get("firmwareVersion"), is("2.17.0"));
        assertThat(configuration.get("port"), is(new BigDecimal(8081)));
    }

    @Test
    void testHandlerDropsUpdatesWithoutCallback() {
        ProbeHandler handler = handler();
        ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        handler.setCallback(callback);
        handler.setCallback(null);

        handler.state("lock", OnOffType.OFF);
        handler.status(ThingStatus.ONLINE, ThingStatusDetail.NONE, "");
        handler.trigger("event", "x");

        verifyNoInteractions(callback);
    }

    @Test
    void testDefaultChannelLinkedSendsRefresh() {
        Thing someThing = mock(Thing.class);
        BaseThingHandler handler = spy(new ProbeHandler(someThing));
        ChannelUID channel = new ChannelUID("nuki:smartlock:home:front:lock");
        handler.channelLinked(channel);
        verify(handler).handleCommand(channel, RefreshType.REFRESH);
    }

    @Test
    void testConfigurationFillsPublicFieldsAndKeepsDefaults() {
        ProbeHandler handler = handler();
        configuration.put("ip", "192.168.1.20");
        configuration.put("manageCallbacks", false);

        ProbeConfiguration read = handler.config(ProbeConfiguration.class);

        assertThat(read.ip, is("192.168.1.20"));
        assertThat(read.port, is(8080));
        assertThat(read.manageCallbacks, is(false));
    }

    @Test
    void testUidsParseAndCompareLikeOpenhab() {
        ThingTypeUID type = new ThingTypeUID("nuki:smartlock");
        ThingUID bridge = new ThingUID(new ThingTypeUID("nuki", "bridge"), "home");
        ThingUID lock = new ThingUID(type, bridge, "front");
        ChannelUID channel = new ChannelUID(lock, "lock-state");

        assertThat(type, is(new ThingTypeUID("nuki", "smartlock")));
        assertThat(type.getBindingId(), is("nuki"));
        assertThat(type.getId(), is("smartlock"));
        assertThat(lock.getAsString(), is("nuki:smartlock:home:front"));
        assertThat(lock, is(new ThingUID("nuki:smartlock:home:front")));
        assertThat(lock.getId(), is("front"));
        assertThat(lock.getBridgeIds(), is(java.util.List.of("home")));
        assertThat(channel.toString(), is("nuki:smartlock:home:front:lock-state"));
        assertThat(channel.getId(), is("lock-state"));
        assertThat(channel.getThingUID(), is(lock));
        assertThat(new ChannelUID(lock, "group", "battery").getIdWithoutGroup(), is("battery"));
        assertThat(lock, is(not(new ThingUID("nuki:smartlock:home:back"))));
        assertThrows(IllegalArgumentException.class, () -> new ThingUID("nuki:smart lock:x"));
        assertThrows(IllegalArgumentException.class, () -> new ThingTypeUID("nuki"));
    }

    @Test
    void testLibraryTypesPrintAndCompareLikeOpenhab() {
        assertThat(OnOffType.ON.toString(), is("ON"));
        assertThat(OnOffType.from(false), is(OnOffType.OFF));
        assertThat(OpenClosedType.CLOSED.toString(), is("CLOSED"));
        assertThat(UnDefType.UNDEF.toString(), is("UNDEF"));
        assertThat(UnDefType.NULL.toString(), is("NULL"));
        assertThat(RefreshType.REFRESH.toString(), is("REFRESH"));
        assertThat(new DecimalType(3).toString(), is("3"));
        assertThat(new DecimalType(new BigDecimal("3.0")), is(new DecimalType(3)));
        assertThat(new StringType("locked").toString(), is("locked"));
        assertThat(new StringType("locked"), is(new StringType("locked")));
        assertThat(new QuantityType<>(71, Units.PERCENT).toString(), is("71 %"));
        assertThat(new QuantityType<>(71, Units.PERCENT),
                is(new QuantityType<>(new BigDecimal("71.0"), Units.PERCENT)));
        Instant instant = Instant.parse("2025-01-05T10:20:00Z");
        assertThat(new DateTimeType(instant).getInstant(), is(instant));
        assertThat(new DateTimeType(instant), is(new DateTimeType("2025-01-05T11:20:00+01:00")));
    }
}
