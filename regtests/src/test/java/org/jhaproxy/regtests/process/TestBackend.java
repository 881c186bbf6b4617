package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on an ephemeral loopback port: for each request head read, it
 * answers with {@link Behaviour#respond}, and keeps the connection for the next request.
 */
final class TestBackend implements AutoCloseable {
    /** What the server does with one request (head already read); false ends the connection. */
    interface Behaviour {
        boolean respond(String head, OutputStream out) throws IOException;
    }

    /** "200 OK", content-length 2, body "ok". */
    static final Behaviour OK = (head, out) -> {
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    };

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-backend");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    TestBackend(Behaviour behaviour) throws IOException {
        socket = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    connections.incrementAndGet();
                    threads.execute(() -> serve(c, behaviour));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    private void serve(Socket c, Behaviour behaviour) {
        try (c) {
            InputStream in = c.getInputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.incrementAndGet();
                if (!behaviour.respond(head, c.getOutputStream())) {
                    return;
                }
            }
        } catch (IOException e) {
            // the proxy closed or reset the connection: nothing more to serve
        }
    }

    /** Reads up to the blank line ending a request head; null at end of input. */
    static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            sb.append((char) b);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                return sb.toString();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
