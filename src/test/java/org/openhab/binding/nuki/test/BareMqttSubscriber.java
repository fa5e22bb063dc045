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

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * An MQTT 3.1.1 subscriber written out byte by byte, as {@code mosquitto_sub -t 'nuki/#'} connects by default: a
 * clean session and a client id of zero length, which the standard lets a broker assign. It exists to show what a
 * standard tool gets from a broker, without the client library deciding anything for it.
 *
 * @author Nuki binding team - Initial contribution
 */
@NonNullByDefault
public final class BareMqttSubscriber implements AutoCloseable {

    /** The broker refused the connection; {@link #returnCode} says why (2: identifier rejected). */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        public final int returnCode;

        Refused(int returnCode) {
            super("CONNACK return code " + returnCode);
            this.returnCode = returnCode;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects without a client id and subscribes to {@code topicFilter} at QoS 0. */
    public BareMqttSubscriber(String host, int port, String topicFilter) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ByteArrayOutputStream connect = new ByteArrayOutputStream();
        writeString(connect, "MQTT");
        connect.write(4); // protocol level 3.1.1
        connect.write(0x02); // clean session, no will, no credentials
        connect.write(0);
        connect.write(60); // keep alive
        writeString(connect, ""); // no client id
        send(0x10, connect.toByteArray());
        int type = in.readUnsignedByte();
        int length = readRemainingLength();
        byte[] connack = in.readNBytes(length);
        if (type != 0x20 || connack.length != 2) {
            close();
            throw new IOException("no CONNACK but packet type " + type);
        }
        if (connack[1] != 0) {
            close();
            throw new Refused(connack[1]);
        }
        ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
        subscribe.write(0);
        subscribe.write(1); // packet id
        writeString(subscribe, topicFilter);
        subscribe.write(0); // QoS 0
        send(0x82, subscribe.toByteArray());
    }

    /**
     * Reads what the broker delivers until each of {@code topics} has a message or the time is up.
     *
     * @return every topic with its last payload, in arrival order
     */
    public Map<String, String> readUntil(Duration timeout, String... topics) throws IOException {
        Map<String, String> seen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.keySet().containsAll(List.of(topics)) && System.nanoTime() - deadline < 0) {
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
            int header;
            try {
                header = in.readUnsignedByte();
            } catch (SocketTimeoutException e) {
                break;
            }
            byte[] body = in.readNBytes(readRemainingLength());
            if ((header & 0xF0) != 0x30) {
                continue; // SUBACK and the like
            }
            int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
            String name = new String(body, 2, topicLength, StandardCharsets.UTF_8);
            int payloadAt = 2 + topicLength + (((header >> 1) & 3) > 0 ? 2 : 0);
            seen.put(name, new String(body, payloadAt, body.length - payloadAt, StandardCharsets.UTF_8));
        }
        return seen;
    }

    private void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private int readRemainingLength() throws IOException {
        int value = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.read();
            if (digit < 0) {
                throw new EOFException("connection closed by the broker");
            }
            value += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return value;
    }

    private static void writeString(ByteArrayOutputStream target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        target.write(bytes.length >> 8);
        target.write(bytes.length & 0xFF);
        target.writeBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
