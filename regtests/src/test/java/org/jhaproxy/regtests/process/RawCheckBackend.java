package org.jhaproxy.regtests.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A health-checked server for the check tests: it reads a request (up to a blank line or a
 * newline), writes its current answer, then reads until the checker closes and notes what it
 * received and how the connection ended, "FIN" (a clean close) or "RST" (a reset).
 */
final class RawCheckBackend implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicReference<String> answer;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    RawCheckBackend(String answer) throws IOException {
        this.answer = new AtomicReference<>(answer);
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    Thread h = new Thread(() -> serve(c), "raw-check-conn");
                    h.setDaemon(true);
                    h.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "raw-check-backend");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void answer(String a) {
        answer.set(a);
    }

    /** What each connection received, then " FIN" or " RST", in the order they ended. */
    List<String> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    private void serve(Socket c) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        String end;
        try (c) {
            c.setSoTimeout(3000);
            InputStream in = c.getInputStream();
            int b;
            while ((b = in.read()) >= 0) {
                got.write(b);
                String s = got.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n") || (s.endsWith("\n") && !s.startsWith("PROXY") && !s.contains("HTTP/"))) {
                    break;
                }
            }
            c.getOutputStream().write(answer.get().getBytes(StandardCharsets.ISO_8859_1));
            c.getOutputStream().flush();
            end = " FIN";
            while ((b = in.read()) >= 0) {
                // the rest (a request body): kept, until the checker closes
                got.write(b);
            }
        } catch (SocketException reset) {
            end = " RST";
        } catch (IOException other) {
            end = " " + other.getMessage();
        }
        if (end.equals(" FIN") || end.equals(" RST")) {
            seen.add(got.toString(StandardCharsets.ISO_8859_1).replaceAll("PROXY TCP4 (\\S+) (\\S+) \\d+ ", "PROXY TCP4 $1 $2 SPORT ")
                    .replace("\r", "\\r").replace("\n", "\\n") + end);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
