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
package org.openhab.binding.nuki.internal.action;

import java.time.ZonedDateTime;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.nuki.internal.handler.DeviceKeypad;
import org.openhab.binding.nuki.internal.handler.NukiOpenerHandler;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Rule actions of an opener: {@code lock()} (ring to open and continuous mode off), {@code unlock()} (ring to open
 * on), {@code unlatch()} (buzz the door open; refused while {@code unlatch-allowed} is OFF) and
 * {@code continuousMode(on)}. Each returns whether the bridge performed it.
 *
 * @author Nuki binding team - Initial contribution
 */
@Component(scope = ServiceScope.PROTOTYPE, service = NukiOpenerActions.class)
@ThingActionsScope(name = "nuki")
@NonNullByDefault
public class NukiOpenerActions implements ThingActions {

    private @Nullable NukiOpenerHandler handler;

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (handler instanceof NukiOpenerHandler opener) {
            this.handler = opener;
        }
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    @RuleAction(label = "@text/action.opener-lock.label", description = "@text/action.opener-lock.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean lock() {
        NukiOpenerHandler current = handler;
        return current != null && ActionResults.await(current.lock("rule action lock"));
    }

    @RuleAction(label = "@text/action.opener-unlock.label", description = "@text/action.opener-unlock.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean unlock() {
        NukiOpenerHandler current = handler;
        return current != null && ActionResults.await(current.unlock("rule action unlock"));
    }

    @RuleAction(label = "@text/action.opener-unlatch.label", description = "@text/action.opener-unlatch.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean unlatch() {
        NukiOpenerHandler current = handler;
        return current != null && ActionResults.await(current.unlatch("rule action unlatch"));
    }

    @RuleAction(label = "@text/action.continuous-mode.label", description = "@text/action.continuous-mode.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean continuousMode(
            @ActionInput(name = "on", label = "@text/action.continuous-mode.on.label") boolean on) {
        NukiOpenerHandler current = handler;
        return current != null && ActionResults.await(current.continuousMode(on, "rule action continuousMode"));
    }

    @RuleAction(label = "@text/action.add-keypad-code.label", description = "@text/action.add-keypad-code.description")
    @ActionOutput(name = KeypadActions.ACCEPTED, type = "java.lang.Boolean", label = "@text/action.keypad-accepted.label")
    @ActionOutput(name = KeypadActions.MESSAGE, type = "java.lang.String", label = "@text/action.keypad-message.label")
    public Map<String, Object> addKeypadCode(
            @ActionInput(name = "name", label = "@text/action.keypad-name.label", required = true) @Nullable String name,
            @ActionInput(name = "code", label = "@text/action.keypad-code.label", required = true) @Nullable String code,
            @ActionInput(name = "validFrom", type = "java.time.ZonedDateTime", label = "@text/action.keypad-valid-from.label") @Nullable ZonedDateTime validFrom,
            @ActionInput(name = "validUntil", type = "java.time.ZonedDateTime", label = "@text/action.keypad-valid-until.label") @Nullable ZonedDateTime validUntil) {
        return KeypadActions.add(keypad(), name, code, validFrom, validUntil, null, null, null);
    }

    @RuleAction(label = "@text/action.add-keypad-code-on-days.label", description = "@text/action.add-keypad-code-on-days.description")
    @ActionOutput(name = KeypadActions.ACCEPTED, type = "java.lang.Boolean", label = "@text/action.keypad-accepted.label")
    @ActionOutput(name = KeypadActions.MESSAGE, type = "java.lang.String", label = "@text/action.keypad-message.label")
    public Map<String, Object> addKeypadCodeOnDays(
            @ActionInput(name = "name", label = "@text/action.keypad-name.label", required = true) @Nullable String name,
            @ActionInput(name = "code", label = "@text/action.keypad-code.label", required = true) @Nullable String code,
            @ActionInput(name = "validFrom", type = "java.time.ZonedDateTime", label = "@text/action.keypad-valid-from.label") @Nullable ZonedDateTime validFrom,
            @ActionInput(name = "validUntil", type = "java.time.ZonedDateTime", label = "@text/action.keypad-valid-until.label") @Nullable ZonedDateTime validUntil,
            @ActionInput(name = "weekdays", label = "@text/action.keypad-weekdays.label", description = "@text/action.keypad-weekdays.description") @Nullable String weekdays,
            @ActionInput(name = "dailyFrom", label = "@text/action.keypad-daily-from.label", description = "@text/action.keypad-daily-from.description") @Nullable String dailyFrom,
            @ActionInput(name = "dailyUntil", label = "@text/action.keypad-daily-until.label", description = "@text/action.keypad-daily-until.description") @Nullable String dailyUntil) {
        return KeypadActions.add(keypad(), name, code, validFrom, validUntil, weekdays, dailyFrom, dailyUntil);
    }

    @RuleAction(label = "@text/action.set-keypad-code-enabled.label", description = "@text/action.set-keypad-code-enabled.description")
    @ActionOutput(name = KeypadActions.ACCEPTED, type = "java.lang.Boolean", label = "@text/action.keypad-accepted.label")
    @ActionOutput(name = KeypadActions.MESSAGE, type = "java.lang.String", label = "@text/action.keypad-message.label")
    public Map<String, Object> setKeypadCodeEnabled(
            @ActionInput(name = "name", label = "@text/action.keypad-name.label", required = true) @Nullable String name,
            @ActionInput(name = "enabled", label = "@text/action.keypad-enabled.label", required = true) boolean enabled) {
        return KeypadActions.setEnabled(keypad(), name, enabled);
    }

    @RuleAction(label = "@text/action.remove-keypad-code.label", description = "@text/action.remove-keypad-code.description")
    @ActionOutput(name = KeypadActions.ACCEPTED, type = "java.lang.Boolean", label = "@text/action.keypad-accepted.label")
    @ActionOutput(name = KeypadActions.MESSAGE, type = "java.lang.String", label = "@text/action.keypad-message.label")
    public Map<String, Object> removeKeypadCode(
            @ActionInput(name = "name", label = "@text/action.keypad-name.label", required = true) @Nullable String name) {
        return KeypadActions.remove(keypad(), name);
    }

    @RuleAction(label = "@text/action.list-keypad-codes.label", description = "@text/action.list-keypad-codes.description")
    @ActionOutput(name = KeypadActions.TEXT, type = "java.lang.String", label = "@text/action.keypad-codes-text.label")
    @ActionOutput(name = KeypadActions.COUNT, type = "java.lang.Integer", label = "@text/action.keypad-codes-count.label")
    @ActionOutput(name = KeypadActions.CODES, type = "java.util.List", label = "@text/action.keypad-codes.label")
    public Map<String, Object> listKeypadCodes() {
        return KeypadActions.list(keypad());
    }

    @RuleAction(label = "@text/action.get-log.label", description = "@text/action.get-log.description")
    @ActionOutput(name = KeypadActions.TEXT, type = "java.lang.String", label = "@text/action.log-text.label")
    @ActionOutput(name = KeypadActions.COUNT, type = "java.lang.Integer", label = "@text/action.log-count.label")
    @ActionOutput(name = KeypadActions.ENTRIES, type = "java.util.List", label = "@text/action.log-entries.label")
    public Map<String, Object> getLog(
            @ActionInput(name = "limit", label = "@text/action.log-limit.label", defaultValue = "20") int limit) {
        return KeypadActions.log(keypad(), limit);
    }

    private @Nullable DeviceKeypad keypad() {
        NukiOpenerHandler current = handler;
        return current == null ? null : current.keypad();
    }

    public static boolean lock(ThingActions actions) {
        return ((NukiOpenerActions) actions).lock();
    }

    public static boolean unlock(ThingActions actions) {
        return ((NukiOpenerActions) actions).unlock();
    }

    public static boolean unlatch(ThingActions actions) {
        return ((NukiOpenerActions) actions).unlatch();
    }

    public static boolean continuousMode(ThingActions actions, boolean on) {
        return ((NukiOpenerActions) actions).continuousMode(on);
    }

    public static Map<String, Object> addKeypadCode(ThingActions actions, @Nullable String name,
            @Nullable String code) {
        return ((NukiOpenerActions) actions).addKeypadCode(name, code, null, null);
    }

    public static Map<String, Object> addKeypadCode(ThingActions actions, @Nullable String name, @Nullable String code,
            @Nullable ZonedDateTime validFrom, @Nullable ZonedDateTime validUntil) {
        return ((NukiOpenerActions) actions).addKeypadCode(name, code, validFrom, validUntil);
    }

    public static Map<String, Object> addKeypadCodeOnDays(ThingActions actions, @Nullable String name,
            @Nullable String code, @Nullable ZonedDateTime validFrom, @Nullable ZonedDateTime validUntil,
            @Nullable String weekdays, @Nullable String dailyFrom, @Nullable String dailyUntil) {
        return ((NukiOpenerActions) actions).addKeypadCodeOnDays(name, code, validFrom, validUntil, weekdays, dailyFrom,
                dailyUntil);
    }

    public static Map<String, Object> setKeypadCodeEnabled(ThingActions actions, @Nullable String name,
            boolean enabled) {
        return ((NukiOpenerActions) actions).setKeypadCodeEnabled(name, enabled);
    }

    public static Map<String, Object> removeKeypadCode(ThingActions actions, @Nullable String name) {
        return ((NukiOpenerActions) actions).removeKeypadCode(name);
    }

    public static Map<String, Object> listKeypadCodes(ThingActions actions) {
        return ((NukiOpenerActions) actions).listKeypadCodes();
    }

    public static Map<String, Object> getLog(ThingActions actions, int limit) {
        return ((NukiOpenerActions) actions).getLog(limit);
    }
}
