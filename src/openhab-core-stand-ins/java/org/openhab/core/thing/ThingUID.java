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
package org.openhab.core.thing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in: identifies a thing as {@code bindingId:thingTypeId[:bridgeId...]:id}.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class ThingUID extends UID {

    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), bridgeUID, id));
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id, String... bridgeIds) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), List.of(bridgeIds), id));
    }

    public ThingUID(String bindingId, String id) {
        super(bindingId, id);
    }

    public ThingUID(String bindingId, ThingUID bridgeUID, String id) {
        super(segments(bindingId, null, bridgeUID, id));
    }

    public ThingUID(String bindingId, String thingTypeId, String id) {
        super(bindingId, thingTypeId, id);
    }

    public ThingUID(String thingUID) {
        super(thingUID);
    }

    public ThingUID(String... segments) {
        super(segments);
    }

    private static List<String> segments(String bindingId, @org.eclipse.jdt.annotation.Nullable String thingTypeId,
            ThingUID bridgeUID, String id) {
        List<String> bridgeIds = new ArrayList<>(bridgeUID.getBridgeIds());
        bridgeIds.add(bridgeUID.getId());
        return segments(bindingId, thingTypeId, bridgeIds, id);
    }

    private static List<String> segments(String bindingId, @org.eclipse.jdt.annotation.Nullable String thingTypeId,
            List<String> bridgeIds, String id) {
        List<String> segments = new ArrayList<>();
        segments.add(bindingId);
        if (thingTypeId != null) {
            segments.add(thingTypeId);
        }
        segments.addAll(bridgeIds);
        segments.add(id);
        return segments;
    }

    public List<String> getBridgeIds() {
        List<String> all = getAllSegments();
        return all.size() > 3 ? all.subList(2, all.size() - 1) : List.of();
    }

    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 2;
    }
}
