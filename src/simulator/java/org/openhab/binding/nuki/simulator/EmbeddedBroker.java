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
package org.openhab.binding.nuki.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * A real MQTT broker (Moquette) in this JVM, for the simulated bridge-less lock, the tests and the benchmarks. It
 * keeps retained messages in memory only: a restart loses them, as a broker without persistence does. It drops
 * retained messages sent at QoS 0 (MQTT 3.1.1 allows that), so locks simulated on it publish their retained topics at
 * QoS 1 ({@link #RETAINED_QOS}).
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class EmbeddedBroker implements AutoCloseable {

    /** The QoS a simulated lock publishes its retained topics with on this broker. */
    public static final int RETAINED_QOS = 1;

    private final String host;
    private int port;
    private @Nullable Server server;
    private @Nullable Path passwordFile;

    /** @param port the port to listen on; 0 picks a free one (kept across restarts) */
    public EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Accepts this user only (no anonymous clients); call before {@link #start()}. */
    public synchronized EmbeddedBroker withUser(String user, String password) throws IOException {
        Path file = Files.createTempFile("nuki-broker", ".passwd");
        file.toFile().deleteOnExit();
        String hash = HexFormat.of().formatHex(sha256(password));
        Files.writeString(file, user + ":" + hash + "\n", StandardCharsets.UTF_8);
        passwordFile = file;
        return this;
    }

    private static byte[] sha256(String text) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    public synchronized EmbeddedBroker start() throws IOException {
        if (server != null) {
            return this;
        }
        if (port == 0) {
            // Moquette reports the configured port, not the one it bound: pick a free one first
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                port = probe.getLocalPort();
            }
        }
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, host);
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, String.valueOf(port));
        Path users = passwordFile;
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, users == null ? "true" : "false");
        if (users != null) {
            properties.setProperty(IConfig.PASSWORD_FILE_PROPERTY_NAME, users.toString());
        }
        // MQTT 3.1.1 lets a client with a clean session send no client id (mosquitto_sub, MQTT Explorer do)
        properties.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        Server started = new Server();
        started.startServer(new MemoryConfig(properties));
        server = started;
        return this;
    }

    /** Stops: every client loses its connection, retained messages are gone. */
    public synchronized void stop() {
        Server current = server;
        server = null;
        if (current != null) {
            current.stopServer();
        }
    }

    /** The client ids connected now. */
    public synchronized java.util.List<String> connectedClients() {
        Server current = server;
        return current == null ? java.util.List.of()
                : current.listConnectedClients().stream().map(client -> client.getClientID()).toList();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String host() {
        return host;
    }

    public synchronized int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
