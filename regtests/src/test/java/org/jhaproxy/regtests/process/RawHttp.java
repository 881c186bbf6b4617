package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP/1.x exchanges with a proxy under test: bytes in, every byte it sent back. */
final class RawHttp {
    private RawHttp() {
    }

    /** One request on a new connection, half-closed after it; everything the proxy sent until it closed. */
    static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** {@link #exchange}, retried while the port refuses connections (not bound yet), up to {@code deadline}. */
    static String exchangeOnceBound(int port, String request, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                return exchange(port, request);
            } catch (ConnectException refused) {
                if (System.nanoTime() > end) {
                    throw refused;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The data of a chunked body (the chunk sizes and the last chunk dropped). */
    static String dechunk(String body) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            sb.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return sb.toString();
    }
}
