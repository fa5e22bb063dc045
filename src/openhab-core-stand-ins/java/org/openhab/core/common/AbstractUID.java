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
package org.openhab.core.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in: a colon-separated identifier whose segments are validated and compared like openHAB's.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractUID {

    public static final String SEPARATOR = ":";
    private static final Pattern SEGMENT_PATTERN = Pattern.compile("[\\w-]*");

    private final List<String> segments;
    private String uid = "";

    protected AbstractUID() {
        segments = List.of();
    }

    protected AbstractUID(String uid) {
        this(splitToSegments(uid));
        this.uid = uid;
    }

    protected AbstractUID(String... segments) {
        this(Arrays.asList(segments));
    }

    protected AbstractUID(List<String> segments) {
        int minimal = getMinimalNumberOfSegments();
        if (segments.size() < minimal) {
            throw new IllegalArgumentException("UID must have at least " + minimal + " segments: " + segments);
        }
        for (int i = 0; i < segments.size(); i++) {
            validateSegment(segments.get(i), i, segments.size());
        }
        this.segments = List.copyOf(segments);
    }

    private static List<String> splitToSegments(String uid) {
        return Arrays.asList(uid.split(SEPARATOR));
    }

    protected abstract int getMinimalNumberOfSegments();

    protected List<String> getAllSegments() {
        return segments;
    }

    protected String getSegment(int segment) {
        return segments.get(segment);
    }

    public static boolean isValid(@Nullable String segment) {
        return segment != null && SEGMENT_PATTERN.matcher(segment).matches();
    }

    protected void validateSegment(String segment, int index, int length) {
        if (!isValid(segment)) {
            throw new IllegalArgumentException("ID segment '" + segment
                    + "' contains invalid characters. Each segment of the ID must match the pattern [\\w-]*.");
        }
    }

    @Override
    public String toString() {
        return getAsString();
    }

    public String getAsString() {
        if (uid.isEmpty()) {
            uid = String.join(SEPARATOR, segments);
        }
        return uid;
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return segments.equals(((AbstractUID) obj).segments);
    }
}
