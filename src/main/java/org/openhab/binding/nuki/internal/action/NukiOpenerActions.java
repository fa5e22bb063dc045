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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
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
}
