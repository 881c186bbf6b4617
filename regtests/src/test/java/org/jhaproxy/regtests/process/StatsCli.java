package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One exchange on a UNIX stats socket, for the process tests: the whole answer, until the proxy closes. */
final class StatsCli {
    private StatsCli() {
    }

    /** Sends {@code request} as it is (its newline included) and reads the answer up to the proxy's close. */
    static String answer(Path sock, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            StringBuilder sb = new StringBuilder();
            while (ch.read(buf) >= 0) {
                buf.flip();
                sb.append(StandardCharsets.ISO_8859_1.decode(buf));
                buf.clear();
            }
            return sb.toString();
        }
    }

    /** {@link #answer}, or "" while the socket is not there yet. */
    static String ask(Path sock, String request) {
        try {
            return answer(sock, request);
        } catch (IOException notYet) {
            return "";
        }
    }

    /**
     * Waits until the frontend {@code proxy} counts no connection (scur 0), so that the next
     * request's log line does not also count a connection that is closing, such as the probe
     * that saw the port open.
     */
    static void awaitNoConnections(Path sock, String proxy) {
        String row = "\n" + proxy + ",FRONTEND,,,0,";
        if (!RunningProxy.within(java.time.Duration.ofSeconds(20), () -> ask(sock, "show stat\n").contains(row))) {
            throw new AssertionError(proxy + " still counts a connection:\n" + ask(sock, "show stat\n"));
        }
    }

    /**
     * Sends {@code request} on a stats socket (UNIX or TCP), shuts the write side as a piped
     * "socat" does, and reads until the proxy closes, within 10 seconds; "<not closed>" is
     * appended when it did not.
     */
    static String exchange(SocketAddress socket, String request) throws IOException {
        return exchange(socket, request, true);
    }

    /**
     * {@link #exchange(SocketAddress, String)}, the write side left open when {@code shut} is
     * false: the session then ends only when the proxy closes it (a timeout), within 10 seconds.
     */
    static String exchange(SocketAddress socket, String request, boolean shut) throws IOException {
        try (SocketChannel ch = SocketChannel.open(socket)) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
            if (shut) {
                ch.shutdownOutput();
            }
            ch.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            StringBuilder out = new StringBuilder();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try (Selector sel = Selector.open()) {
                ch.register(sel, SelectionKey.OP_READ);
                while (System.nanoTime() < end) {
                    sel.select(200);
                    if (ch.read(buf) < 0) {
                        return out.toString();
                    }
                    buf.flip();
                    out.append(StandardCharsets.ISO_8859_1.decode(buf));
                    buf.clear();
                }
            }
            return out + "<not closed>";
        }
    }

    /**
     * Waits until the stats socket of {@code dir} answers "show info" ({@code socket} is
     * "admin.sock" or "user.sock"), failing after 20 seconds.
     */
    static void awaitSocket(Path dir, String socket) {
        String prefix = socket.equals("admin.sock") ? "" : socket + " ";
        if (!RunningProxy.within(java.time.Duration.ofSeconds(20), () -> !command(dir, prefix + "show info").isEmpty())) {
            throw new AssertionError("no stats socket " + dir.resolve(socket));
        }
    }

    /** One command on admin.sock of {@code dir}, or on the socket named first ("user.sock ..."). */
    static String command(Path dir, String line) {
        String sock = "admin.sock";
        if (line.startsWith("user.sock ")) {
            sock = "user.sock";
            line = line.substring(10);
        }
        return ask(dir.resolve(sock), line + "\n");
    }
}
