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
package org.openhab.core.net;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.framework.BundleContext;

/**
 * Stand-in: the port openHAB's HTTP service listens on, from the framework property, or -1.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public class HttpServiceUtil {

    private HttpServiceUtil() {
    }

    public static int getHttpServicePort(BundleContext bundleContext) {
        return port(bundleContext, "org.osgi.service.http.port");
    }

    public static int getHttpServicePortSecure(BundleContext bundleContext) {
        return port(bundleContext, "org.osgi.service.http.port.secure");
    }

    private static int port(BundleContext bundleContext, String property) {
        String value = bundleContext.getProperty(property);
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
