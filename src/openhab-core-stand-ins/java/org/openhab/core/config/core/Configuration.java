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
package org.openhab.core.config.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in: a thing's configuration. Numbers are stored as BigDecimal, as openHAB normalises them, and
 * {@link #as(Class)} fills the public fields of a configuration class from same-named keys.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class Configuration {

    private final Map<String, Object> properties = new HashMap<>();

    public Configuration() {
    }

    public Configuration(@Nullable Configuration configuration) {
        if (configuration != null) {
            setProperties(configuration.getProperties());
        }
    }

    public Configuration(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            setProperties(properties);
        }
    }

    public <T> T as(Class<T> configurationClass) {
        synchronized (this) {
            try {
                T instance = configurationClass.getDeclaredConstructor().newInstance();
                for (Class<?> type = configurationClass; type != null
                        && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        Object value = properties.get(field.getName());
                        if (value == null || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                            continue;
                        }
                        field.setAccessible(true);
                        field.set(instance, convert(value, field.getType()));
                    }
                }
                return instance;
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read configuration into " + configurationClass.getName(), e);
            }
        }
    }

    private static @Nullable Object convert(Object value, Class<?> type) {
        if (type == String.class) {
            return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
        }
        BigDecimal number = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
        if (type == int.class || type == Integer.class) {
            return number.intValueExact();
        } else if (type == long.class || type == Long.class) {
            return number.longValueExact();
        } else if (type == double.class || type == Double.class) {
            return number.doubleValue();
        } else if (type == float.class || type == Float.class) {
            return number.floatValue();
        } else if (type == BigDecimal.class) {
            return number;
        }
        throw new IllegalArgumentException("Unsupported configuration field type " + type.getName());
    }

    public boolean containsKey(String key) {
        synchronized (this) {
            return properties.containsKey(key);
        }
    }

    public @Nullable Object get(String key) {
        synchronized (this) {
            return properties.get(key);
        }
    }

    public @Nullable Object put(String key, @Nullable Object value) {
        synchronized (this) {
            Object normalized = normalize(value);
            return normalized == null ? properties.remove(key) : properties.put(key, normalized);
        }
    }

    private static @Nullable Object normalize(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return value;
    }

    public @Nullable Object remove(String key) {
        synchronized (this) {
            return properties.remove(key);
        }
    }

    public Set<String> keySet() {
        synchronized (this) {
            return Set.copyOf(properties.keySet());
        }
    }

    public Collection<Object> values() {
        synchronized (this) {
            return java.util.List.copyOf(properties.values());
        }
    }

    public Map<String, Object> getProperties() {
        synchronized (this) {
            return Map.copyOf(properties);
        }
    }

    public void setProperties(Map<String, Object> properties) {
        synchronized (this) {
            this.properties.clear();
            properties.forEach((key, value) -> {
                Object normalized = normalize(value);
                if (normalized != null) {
                    this.properties.put(key, normalized);
                }
            });
        }
    }

    @Override
    public int hashCode() {
        return getProperties().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof Configuration other && getProperties().equals(other.getProperties());
    }

    @Override
    public String toString() {
        return "Configuration[" + getProperties() + "]";
    }
}
