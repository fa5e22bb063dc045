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
import org.openhab.binding.nuki.internal.handler.NukiSmartLockHandler;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Rule actions of a smart lock: {@code lock()}, {@code unlock()}, {@code unlatch()}, {@code lockNGo(unlatch)} and
 * {@code fullLock()} (locks on MQTT only).
 * Each returns whether the bridge performed it; {@code unlatch()} and {@code lockNGo(true)} return false without
 * contacting the bridge while {@code unlatch-allowed} is OFF.
 *
 * @author Nuki binding team - Initial contribution
 */
@Component(scope = ServiceScope.PROTOTYPE, service = NukiSmartLockActions.class)
@ThingActionsScope(name = "nuki")
@NonNullByDefault
public class NukiSmartLockActions implements ThingActions {

    private @Nullable NukiSmartLockHandler handler;

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (handler instanceof NukiSmartLockHandler smartLock) {
            this.handler = smartLock;
        }
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    @RuleAction(label = "@text/action.lock.label", description = "@text/action.lock.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean lock() {
        NukiSmartLockHandler current = handler;
        return current != null && ActionResults.await(current.lock("rule action lock"));
    }

    @RuleAction(label = "@text/action.unlock.label", description = "@text/action.unlock.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean unlock() {
        NukiSmartLockHandler current = handler;
        return current != null && ActionResults.await(current.unlock("rule action unlock"));
    }

    @RuleAction(label = "@text/action.unlatch.label", description = "@text/action.unlatch.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean unlatch() {
        NukiSmartLockHandler current = handler;
        return current != null && ActionResults.await(current.unlatch("rule action unlatch"));
    }

    @RuleAction(label = "@text/action.lock-n-go.label", description = "@text/action.lock-n-go.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean lockNGo(
            @ActionInput(name = "unlatch", label = "@text/action.lock-n-go.unlatch.label") boolean unlatch) {
        NukiSmartLockHandler current = handler;
        return current != null && ActionResults.await(current.lockNGo(unlatch, "rule action lockNGo"));
    }

    @RuleAction(label = "@text/action.full-lock.label", description = "@text/action.full-lock.description")
    public @ActionOutput(type = "java.lang.Boolean", label = "@text/action.performed.label") boolean fullLock() {
        NukiSmartLockHandler current = handler;
        return current != null && ActionResults.await(current.fullLock("rule action fullLock"));
    }

    public static boolean fullLock(ThingActions actions) {
        return ((NukiSmartLockActions) actions).fullLock();
    }

    public static boolean lock(ThingActions actions) {
        return ((NukiSmartLockActions) actions).lock();
    }

    public static boolean unlock(ThingActions actions) {
        return ((NukiSmartLockActions) actions).unlock();
    }

    public static boolean unlatch(ThingActions actions) {
        return ((NukiSmartLockActions) actions).unlatch();
    }

    public static boolean lockNGo(ThingActions actions, boolean unlatch) {
        return ((NukiSmartLockActions) actions).lockNGo(unlatch);
    }
}
