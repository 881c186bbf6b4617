package org.jhaproxy.runtime.stream;

import io.netty.channel.Channel;
import java.util.function.Supplier;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * One entry of {@link Streams}: what "show sess" prints of a stream (its uniq_id, accept date,
 * client, frontend, and through its {@link Target} the backend and server it reached) and how
 * "shutdown session" ends it. The stream itself stays the owner of its state; the entry only
 * reads it, which is why "show sess" is a snapshot haproxy also does not lock per field.
 */
public final class LiveStream {
    /** Where the fake struct pointers "show sess" prints start, and the size of one stream. */
    private static final long POINTER_BASE = 0x55d0c0a00000L;
    private static final long POINTER_STEP = 0x400;

    private final long id;
    private volatile int epoch;
    private final long acceptMillis;
    private final long acceptNanos;
    private final Channel client;
    private final Proxy frontend;
    private final Integer cliListener;
    private final Target target;

    LiveStream(long id, int epoch, Channel client, Proxy frontend, Integer cliListener, Target target) {
        this.id = id;
        this.epoch = epoch;
        this.acceptMillis = System.currentTimeMillis();
        this.acceptNanos = System.nanoTime();
        this.client = client;
        this.frontend = frontend;
        this.cliListener = cliListener;
        this.target = target;
    }

    /**
     * What a stream lets "show sess" and "shutdown session" see of it: the backend and server
     * it has reached so far, its server connection, the kind of analysis it runs, and what it
     * does when killed (stream_shutdown() with SF_ERR_KILLED), run on the stream's event loop.
     */
    public record Target(Kind kind, Supplier<Proxy> backend, Supplier<Server> server, Supplier<Channel> serverChannel,
            java.util.function.Consumer<org.jhaproxy.runtime.log.TermState.Cause> kill) {
    }

    /** The streams' kinds, which decide the channel flags "show sess" prints. */
    public enum Kind {
        TCP, HTTP, CLI
    }

    /** uniq_id. */
    public long id() {
        return id;
    }

    /** The address haproxy would print for this stream, and that "shutdown session" takes back. */
    public long pointer() {
        return POINTER_BASE + id * POINTER_STEP;
    }

    /** The id of the stream printed at {@code pointer}, or -1. */
    static long idOf(long pointer) {
        long off = pointer - POINTER_BASE;
        return off < 0 || off % POINTER_STEP != 0 ? -1 : off / POINTER_STEP;
    }

    public int epoch() {
        return epoch;
    }

    void epoch(int e) {
        epoch = e;
    }

    public long acceptMillis() {
        return acceptMillis;
    }

    /** Whole seconds since the accept. */
    public long ageSeconds() {
        return (System.nanoTime() - acceptNanos) / 1_000_000_000L;
    }

    public Channel client() {
        return client;
    }

    /** The frontend, null for a CLI stream (haproxy's GLOBAL proxy). */
    public Proxy frontend() {
        return frontend;
    }

    /** The stats socket listener's id for a CLI stream, else null. */
    public Integer cliListener() {
        return cliListener;
    }

    public Target target() {
        return target;
    }

    public Kind kind() {
        return target.kind();
    }

    public Proxy backend() {
        return target.backend().get();
    }

    public Server server() {
        return target.server().get();
    }

    public Channel serverChannel() {
        return target.serverChannel().get();
    }

    /** "shutdown session": the stream ends as killed, on its own event loop. */
    public void kill() {
        kill(org.jhaproxy.runtime.log.TermState.Cause.KILLED);
    }

    /** stream_shutdown(): the stream ends for {@code why} (killed, server down or up), on its own event loop. */
    public void kill(org.jhaproxy.runtime.log.TermState.Cause why) {
        client.eventLoop().execute(() -> target.kill().accept(why));
    }
}
