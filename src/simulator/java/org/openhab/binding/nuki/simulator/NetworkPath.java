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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The network between a simulated device and its broker: a TCP relay on a loopback port that the device connects to
 * instead of the broker. It can be cut (the connection breaks: the broker sees it closed at once and publishes the
 * device's last will) or go silent (nothing passes and nothing closes: the broker notices only when the device's
 * keep-alive runs out). While it is down, connections are refused.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
final class NetworkPath implements AutoCloseable {

    /** One relayed connection: the device's side and the broker's side. */
    private record Link(Socket device, Socket broker) {
    }

    private final String brokerHost;
    private final int brokerPort;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    /** Sockets left open without traffic (a silent loss); closed when the path is closed. */
    private final List<Socket> stranded = new CopyOnWriteArrayList<>();
    private volatile boolean up = true;
    private volatile boolean closed;

    NetworkPath(String brokerHost, int brokerPort) throws IOException {
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "network-path-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The loopback host the device connects to. */
    String host() {
        return listener.getInetAddress().getHostAddress();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket device = listener.accept();
                if (!up) {
                    device.close();
                    continue;
                }
                Socket broker = new Socket();
                try {
                    broker.connect(new InetSocketAddress(brokerHost, brokerPort), 5000);
                } catch (IOException e) {
                    device.close();
                    broker.close();
                    continue;
                }
                Link link = new Link(device, broker);
                links.add(link);
                pump(link, device, broker, "up");
                pump(link, broker, device, "down");
            } catch (IOException e) {
                // closed, or one connection failed: the next one is accepted
            }
        }
    }

    private void pump(Link link, Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // the link ended
            }
            end(link);
        }, "network-path-" + listener.getLocalPort() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** A link that ended on one side ends on the other too, unless it was stranded (a silent loss). */
    private void end(Link link) {
        if (links.remove(link)) {
            closeQuietly(link.device());
            closeQuietly(link.broker());
        }
    }

    /** The connection breaks: both sides see it closed; new connections are refused until {@link #restore()}. */
    void cut() {
        up = false;
        for (Link link : links) {
            end(link);
        }
    }

    /**
     * The network goes silent: nothing passes any more and nothing closes towards the broker, which notices only by
     * the device's keep-alive; new connections are refused until {@link #restore()}.
     */
    void silence() {
        up = false;
        for (Link link : links) {
            if (links.remove(link)) {
                // the device's side breaks (it stops waiting in the end); the broker's side stays open and mute
                stranded.add(link.broker());
                closeQuietly(link.device());
            }
        }
    }

    /** The network is back: connections pass again. */
    void restore() {
        up = true;
    }

    boolean isUp() {
        return up;
    }

    @Override
    public void close() {
        closed = true;
        up = false;
        closeQuietly(listener);
        for (Link link : links) {
            end(link);
        }
        stranded.forEach(NetworkPath::closeQuietly);
        stranded.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
