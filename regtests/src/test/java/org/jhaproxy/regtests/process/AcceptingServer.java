package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A loopback TCP server for the process tests: each accepted connection goes to {@code handler}
 * on a daemon thread of its own, which closes it when done; closing the server stops accepting.
 */
final class AcceptingServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    AcceptingServer(String name, Consumer<Socket> handler) throws IOException {
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    Thread h = new Thread(() -> handler.accept(c), name);
                    h.setDaemon(true);
                    h.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, name + "-accept");
        t.setDaemon(true);
        t.start();
    }

    /** A server that sends back what it reads, and closes when its client does. */
    static AcceptingServer echo() throws IOException {
        return new AcceptingServer("tcp-echo", c -> {
            try (c) {
                c.getInputStream().transferTo(c.getOutputStream());
            } catch (IOException gone) {
                // the stream was cut
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
