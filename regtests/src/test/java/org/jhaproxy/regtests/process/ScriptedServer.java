package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake protocol server for health checks: each connection plays the current script, a list
 * of steps, each either bytes to send or {@link #READ} (read what the check sent, up to 2s), then
 * closes. The script can be changed while the server runs, to take a server down and up.
 */
final class ScriptedServer implements AutoCloseable {
    /** The step that reads the client's next message. */
    static final byte[] READ = new byte[0];

    private final ServerSocket socket;
    private final AtomicReference<List<byte[]>> script;

    ScriptedServer(List<byte[]> initial) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        script = new AtomicReference<>(initial);
        Thread t = new Thread(this::serve, "scripted-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void play(List<byte[]> steps) {
        script.set(steps);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                Thread t = new Thread(() -> run(c, script.get()), "scripted-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void run(Socket c, List<byte[]> steps) {
        try (c) {
            c.setSoTimeout(2000);
            InputStream in = c.getInputStream();
            for (byte[] step : steps) {
                if (step == READ) {
                    in.read(new byte[4096]);
                } else {
                    c.getOutputStream().write(step);
                    c.getOutputStream().flush();
                }
            }
        } catch (IOException ignored) {
            // the check went away: nothing to play any more
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
