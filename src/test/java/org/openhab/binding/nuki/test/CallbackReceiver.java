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
package org.openhab.binding.nuki.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP endpoint on loopback that records the callbacks a (simulated) bridge posts to it, or refuses them.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class CallbackReceiver implements AutoCloseable {

    /** One received request. */
    public record Received(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** {@code http://127.0.0.1:port/path} */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answer every request with this status from now on. */
    public void answer(int status) {
        this.status = status;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> bodies() {
        return received.stream().map(Received::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
