package org.jhaproxy.cli.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * haproxy's stats socket (cli.c) as a client sees it, used in one-shot mode: every command line
 * opens a connection, sends "command\n" and reads the answer until haproxy closes. The end of the
 * answer is then the end of the stream, never a guess: in `prompt` mode the answer would end at a
 * "\n> " that an answer can itself contain, and an idle connection is closed after `stats timeout`
 * (10 s by default), so a shell left open would have to notice and reconnect.
 */
public final class CliSocket {
    /** How often a followed command looks whether the user asked to stop. */
    private static final long FOLLOW_POLL_MS = 50;

    private final String target;
    private final SocketAddress address;
    private final Duration timeout;
    private volatile SocketChannel current;

    private CliSocket(String target, SocketAddress address, Duration timeout) {
        this.target = target;
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * A unix socket path, or "host:port" / "ipv4@host:port" / "ipv6@[addr]:port" as on a
     * `stats socket` line. A word with a '/' or without a ':' is a path.
     */
    public static CliSocket of(String target, Duration timeout) {
        String t = target;
        boolean inet = t.startsWith("ipv4@") || t.startsWith("ipv6@");
        if (t.startsWith("unix@") || inet) {
            t = t.substring(5);
        }
        int colon = t.lastIndexOf(':');
        boolean hostPort = colon >= 0 && t.substring(colon + 1).matches("\\d+") && !t.contains("/");
        if (!inet && !hostPort || target.startsWith("unix@")) {
            return new CliSocket(target, UnixDomainSocketAddress.of(Path.of(t)), timeout);
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "127.0.0.1";
        }
        return new CliSocket(target, new InetSocketAddress(host, Integer.parseInt(t.substring(colon + 1))), timeout);
    }

    /** The socket as the user named it, for prompts and messages. */
    public String target() {
        return target;
    }

    /** Sends one command line and returns the whole answer (Latin-1: every byte is one char). */
    public String send(String command) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketChannel ch = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        current = ch;
        try (ch; Selector selector = Selector.open()) {
            sendLine(ch, selector, command, deadline);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(16384);
            while (true) {
                int n = ch.read(in);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    await(selector, deadline);
                    continue;
                }
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } finally {
            current = null;
        }
    }

    /**
     * Sends a command whose answer goes on until the client stops it ("show events RING -w"):
     * each piece of the answer is given as it comes, with no deadline, until the process closes.
     * {@code stop} is asked between reads; once true the client shuts its side, which ends the
     * command (haproxy then sends its end of answer and closes).
     */
    public void follow(String command, Consumer<String> piece, BooleanSupplier stop) throws IOException {
        SocketChannel ch = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        current = ch;
        try (ch; Selector selector = Selector.open()) {
            sendLine(ch, selector, command, System.nanoTime() + timeout.toNanos());
            ByteBuffer in = ByteBuffer.allocate(16384);
            boolean stopped = false;
            while (true) {
                int n = ch.read(in);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    piece.accept(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
                    in.clear();
                    continue;
                }
                if (!stopped && stop.getAsBoolean()) {
                    stopped = true;
                    ch.shutdownOutput();
                }
                selector.select(FOLLOW_POLL_MS);
                selector.selectedKeys().clear();
            }
        } finally {
            current = null;
        }
    }

    /** Connects and writes "command\n"; the channel is then registered for reading. */
    private void sendLine(SocketChannel ch, Selector selector, String command, long deadline) throws IOException {
        ch.configureBlocking(false);
        if (!ch.connect(address)) {
            ch.register(selector, SelectionKey.OP_CONNECT);
            while (!ch.finishConnect()) {
                await(selector, deadline);
            }
        }
        ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.ISO_8859_1));
        ch.register(selector, SelectionKey.OP_WRITE);
        while (out.hasRemaining()) {
            if (ch.write(out) == 0) {
                await(selector, deadline);
            }
        }
        ch.register(selector, SelectionKey.OP_READ);
    }

    /** Ends the command under way (ctrl-c): its send() fails with an IOException. */
    public void abort() {
        SocketChannel ch = current;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    private void await(Selector selector, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
            long ms = timeout.toMillis();
            throw new IOException("no answer within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms"));
        }
        selector.selectedKeys().clear();
    }

    /** "cannot connect to PATH: errno text", what a user needs to fix the address or start the process. */
    public String describe(IOException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return "cannot reach " + target + ": " + why;
    }
}
