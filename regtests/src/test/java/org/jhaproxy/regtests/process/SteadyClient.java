package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that keeps connecting across a reload: one "GET /" per connection until stopped,
 * counting the answers of the test's frontend (a 200 whose body is "hello") and recording
 * every failure, a refused or reset connection as much as another answer. A seamless reload
 * (management.txt 4) must leave {@link #failures} empty.
 */
final class SteadyClient extends Thread {
    private final int port;
    final AtomicInteger ok = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);

    SteadyClient(String name, int port) {
        super(name);
        this.port = port;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (running.get()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                if (answer.contains(" 200 ") && answer.endsWith("hello")) {
                    ok.incrementAndGet();
                } else {
                    failures.add("answer: " + answer);
                }
            } catch (IOException e) {
                failures.add(e.toString());
            }
        }
    }

    /** Stops after the request under way, waiting for it. */
    void finish() throws InterruptedException {
        running.set(false);
        join(30_000);
    }
}
