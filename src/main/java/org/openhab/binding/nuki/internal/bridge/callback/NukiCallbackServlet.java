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
package org.openhab.binding.nuki.internal.bridge.callback;

import java.io.IOException;
import java.io.InputStream;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The HTTP endpoint the Nuki bridges post their callbacks to, registered with the OSGi HTTP whiteboard. It only
 * reads the request (at most {@link NukiCallbackRegistry#MAX_BODY_BYTES} of body) and answers with the status the
 * {@link NukiCallbackRegistry} decides; the work happens off this thread. The only class that knows javax.servlet.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName(NukiCallbackRegistry.PATH)
@HttpWhiteboardServletPattern(NukiCallbackRegistry.PATH + "/*")
public class NukiCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final NukiCallbackRegistry registry;

    @Activate
    public NukiCallbackServlet(@Reference NukiCallbackRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void service(@NonNullByDefault({}) HttpServletRequest request,
            @NonNullByDefault({}) HttpServletResponse response) throws IOException {
        byte @Nullable [] body = new byte[0];
        if ("POST".equals(request.getMethod())) {
            try (InputStream in = request.getInputStream()) {
                byte[] read = in.readNBytes(NukiCallbackRegistry.MAX_BODY_BYTES + 1);
                body = read.length > NukiCallbackRegistry.MAX_BODY_BYTES ? null : read;
            }
        }
        int status = registry.dispatch(request.getMethod(), request.getPathInfo(), request.getRemoteAddr(), body);
        response.setStatus(status);
        response.setContentLength(0);
    }
}
