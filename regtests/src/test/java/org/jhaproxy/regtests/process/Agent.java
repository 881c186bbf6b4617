package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The far end of an agent check (manual 5.2 "agent-check") or of a bare TCP check: a daemon
 * thread accepting one connection at a time on the test's socket, holding the test's
 * conversation on it, then closing it, until the socket is closed.
 */
final class Agent {
    /** What the agent does on one accepted connection. */
    interface Conversation {
        void hold(Socket connection) throws IOException;
    }

    private Agent() {
    }

    static Thread serve(ServerSocket socket, Conversation conversation) {
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    conversation.hold(c);
                } catch (IOException e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }, "agent");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
