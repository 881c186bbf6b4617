package org.jhaproxy.regtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted backend server on a loopback ephemeral port: it accepts the proxy's connections one
 * after the other and plays, for each, the next connection script (`accept` separates them; a
 * `repeat N` or `loop` header plays the whole sequence again). Each connection gets its own
 * transcript section "server NAME #k".
 */
final class ScriptedServer implements AutoCloseable {
    private final RuntimeCase.Script script;
    private final ServerSocket listener;
    private final List<Socket> sockets = new ArrayList<>();
    private final StringBuilder transcript = new StringBuilder();
    private final Thread thread;
    private volatile boolean idle = true;
    private volatile Throwable failure;

    ScriptedServer(RuntimeCase.Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "server " + script.name());
        thread.setDaemon(true);
    }

    int port() {
        return listener.getLocalPort();
    }

    void start() {
        thread.start();
    }

    private void serve() {
        int k = 0;
        for (int round = 0; script.loop() || round < script.repeat(); round++) {
            for (List<RuntimeCase.Step> steps : script.connections()) {
                k++;
                Socket s;
                try {
                    s = listener.accept();
                } catch (IOException e) {
                    // the case is over: a connection the script required never came
                    if (!script.loop()) {
                        transcript.append("server ").append(script.name()).append(" #").append(k).append('\n')
                                .append("  <no connection>\n");
                    }
                    return;
                }
                idle = false;
                synchronized (sockets) {
                    sockets.add(s);
                }
                transcript.append("server ").append(script.name()).append(" #").append(k).append('\n');
                try {
                    ScriptedConnection.play(steps, s, transcript);
                } catch (IOException | RuntimeException e) {
                    failure = e;
                    return;
                } finally {
                    idle = true;
                }
            }
        }
    }

    /** Waits (up to the deadline) until the server is between connections or done. */
    void awaitIdle(long deadlineNanos) throws InterruptedException {
        while (!idle && thread.isAlive() && System.nanoTime() < deadlineNanos) {
            thread.join(10);
        }
    }

    /** Stops accepting, closes its connections and returns its transcript. */
    String finish() throws Exception {
        listener.close();
        thread.join(ScriptedConnection.READ_DEADLINE_MS + 1000);
        close();
        thread.join(1000);
        if (thread.isAlive()) {
            throw new IllegalStateException("server " + script.name() + ": its script did not end");
        }
        if (failure != null) {
            throw new IllegalStateException("server " + script.name() + ": " + failure.getMessage(), failure);
        }
        return transcript.toString();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
