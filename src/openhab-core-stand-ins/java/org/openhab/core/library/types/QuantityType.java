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
package org.openhab.core.library.types;

import java.math.BigDecimal;

import javax.measure.Quantity;
import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Stand-in: a number with a unit, printed as openHAB prints it ("71 %").
 *
 * @param <T> the quantity
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class QuantityType<T extends Quantity<T>> extends Number
        implements PrimitiveType, State, Command, Comparable<QuantityType<T>> {

    private static final long serialVersionUID = 1L;

    private final BigDecimal value;
    private final Unit<T> unit;

    public QuantityType(Number value, Unit<T> unit) {
        this.value = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        this.unit = unit;
    }

    public static <T extends Quantity<T>> QuantityType<T> valueOf(double value, Unit<T> unit) {
        return new QuantityType<>(BigDecimal.valueOf(value), unit);
    }

    public Unit<T> getUnit() {
        return unit;
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return Units.ONE.equals(unit) ? value.toPlainString() : value.toPlainString() + " " + unit;
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern.replace("%unit%", unit.toString()), value);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof QuantityType<?> other && unit.equals(other.unit) && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value.doubleValue()) + unit.hashCode();
    }

    @Override
    public int compareTo(QuantityType<T> other) {
        return value.compareTo(other.value);
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }
}
