package org.jhaproxy.regtests.process;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A FastCGI responder for tests, as PHP-FPM is one: it records every record it receives (the
 * PARAMS decoded into name=value lines) and answers each request, once its empty STDIN came,
 * with the records {@code script} gives for its params, written in one go.
 */
final class FastcgiResponder implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final Function<Map<String, String>, byte[]> script;

    FastcgiResponder(Function<Map<String, String>, byte[]> script) throws IOException {
        this.script = script;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptAll, "fastcgi-responder");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** What was received, one line a record or a param, connections numbered in accept order. */
    List<String> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    private void acceptAll() {
        int n = 0;
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                int conn = ++n;
                Thread t = new Thread(() -> serve(c, conn), "fastcgi-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket c, int conn) {
        try (c) {
            DataInputStream in = new DataInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            Map<String, String> params = new java.util.LinkedHashMap<>();
            ByteArrayOutputStream paramBytes = new ByteArrayOutputStream();
            while (true) {
                int version = in.readUnsignedByte();
                int type = in.readUnsignedByte();
                int id = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                int padding = in.readUnsignedByte();
                in.readUnsignedByte();
                byte[] content = in.readNBytes(length);
                in.readNBytes(padding);
                String text = type == 4 ? "" : " " + new String(content, StandardCharsets.ISO_8859_1).replace("\0", "\\0");
                transcript.add("conn" + conn + " v" + version + " type" + type + " id" + id + " padding" + padding
                        + (type == 4 ? " params" : " length" + length + text));
                if (type == 4 && length > 0) {
                    paramBytes.write(content);
                } else if (type == 4) {
                    params.clear();
                    decode(paramBytes.toByteArray(), params);
                    paramBytes.reset();
                    params.forEach((k, v) -> transcript.add("  " + k + "=" + v));
                } else if (type == 5 && length == 0) {
                    byte[] answer = script.apply(params);
                    for (int i = 2; i + 3 < answer.length; ) {
                        // the request id of the answer's records is this request's
                        answer[i] = (byte) (id >> 8);
                        answer[i + 1] = (byte) id;
                        int len = (answer[i + 2] & 0xff) << 8 | (answer[i + 3] & 0xff);
                        i += 8 + len + (answer[i + 4] & 0xff);
                    }
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (EOFException end) {
            transcript.add("conn" + conn + " closed");
        } catch (IOException e) {
            transcript.add("conn" + conn + " " + e.getClass().getSimpleName());
        }
    }

    private static void decode(byte[] b, Map<String, String> into) {
        int o = 0;
        while (o < b.length) {
            int[] len = new int[2];
            for (int k = 0; k < 2; k++) {
                int l = b[o] & 0xff;
                if (l >> 7 == 0) {
                    o++;
                } else {
                    l = ((b[o] & 0x7f) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
                    o += 4;
                }
                len[k] = l;
            }
            String name = new String(b, o, len[0], StandardCharsets.ISO_8859_1);
            o += len[0];
            into.put(name, new String(b, o, len[1], StandardCharsets.ISO_8859_1));
            o += len[1];
        }
    }

    /** One record (version 1, request id filled in when answered), with {@code padding} bytes after its content. */
    static byte[] record(int type, String content, int padding) {
        byte[] c = content.getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = new byte[8 + c.length + padding];
        r[0] = 1;
        r[1] = (byte) type;
        r[4] = (byte) (c.length >> 8);
        r[5] = (byte) c.length;
        r[6] = (byte) padding;
        System.arraycopy(c, 0, r, 8, c.length);
        return r;
    }

    /** The records of a response: STDERR when {@code stderr} is set, STDOUT, its end, END_REQUEST. */
    static byte[] response(String stderr, String stdout) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (stderr != null) {
            b.writeBytes(record(7, stderr, 0));
        }
        b.writeBytes(record(6, stdout, 3));
        b.writeBytes(record(6, "", 0));
        b.writeBytes(record(3, "\0\0\0\0\0\0\0\0", 0));
        return b.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
