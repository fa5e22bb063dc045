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
package org.openhab.core.automation.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in: describes the result of a rule action. As openHAB's, it annotates the method (not its return type) and
 * repeats into {@link ActionOutputs}; openHAB reads a single one with {@code method.getAnnotation(ActionOutput.class)}.
 *
 * @author Nuki binding team - Initial contribution
 */
@Repeatable(ActionOutputs.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActionOutput {

    /**
     * openHAB's default output name ({@code result}); a single output is expected to keep it, otherwise openHAB warns
     * at start-up.
     */
    String name() default "result";

    String type();

    String label() default "";

    String description() default "";

    String[] tags() default {};

    String reference() default "";

    String defaultValue() default "";
}
