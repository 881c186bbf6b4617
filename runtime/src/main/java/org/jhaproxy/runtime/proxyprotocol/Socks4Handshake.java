package org.jhaproxy.runtime.proxyprotocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.model.ServerConfig;

/**
 * A server's "socks4 &lt;addr&gt;:&lt;port&gt;" (manual 5.2): its connections go to the SOCKS4
 * proxy, which is asked to CONNECT to the server's address. haproxy sends 16 bytes (version 4,
 * command 1, the port, the IPv4 address, the user id "HAProxy" and its NUL), then waits for the
 * 8-byte reply, whose second byte must be 90 ("request granted"); only then does the connection
 * count as established and the PROXY header, the TLS handshake and the traffic follow. A denial,
 * a close before the reply or an error is a failed connection attempt (retried after the pause
 * of a refused connection, "SC" in the log); a reply not complete within "timeout connect" is a
 * connection timeout ("sC"). What the proxy sends after its reply is the server's data.
 *
 * <p>The handler sits at the bottom of the server connection's pipeline while the handshake
 * lasts, so nothing above it sees the request or the reply.
 */
public final class Socks4Handshake extends ChannelDuplexHandler {
    private static final String NAME = "socks4";
    private static final int REPLY_LENGTH = 8;
    private static final int GRANTED = 90;
    /** Where a connection through a SOCKS4 proxy really goes: the log's and fetches' server address. */
    private static final AttributeKey<InetSocketAddress> DESTINATION = AttributeKey.valueOf("jhaproxy.socks4-destination");

    /** The handshake timed out ("timeout connect"). */
    public static final class Timeout extends Exception {
        Timeout() {
            super("SOCKS4 Proxy handshake timeout", null, false, false);
        }
    }

    /** The proxy denied the request, closed, or the connection failed during the handshake. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final InetSocketAddress destination;
    private Promise<Void> result;
    private ByteBuf reply;
    private ScheduledFuture<?> timer;
    /** Granted: bytes the proxy sent after its reply, handed up at the next read. */
    private ByteBuf early;

    private Socks4Handshake(InetSocketAddress destination) {
        this.destination = destination;
    }

    /** The SOCKS4 proxy of a server ("socks4" option, resolved at start as str2sa_range() does), or null. */
    public static InetSocketAddress proxy(ServerConfig server) {
        String text = server.option("socks4", null);
        if (text == null || text.isEmpty()) {
            return null;
        }
        AddressParseResult r = AddressParser.system(System::getenv).parse(text,
                AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND | AddressParser.STREAM | AddressParser.CONNECT);
        if (!r.ok() || r.address().host() == null) {
            return null;
        }
        return new InetSocketAddress(r.address().host(), r.address().port());
    }

    /** In the server connection's initializer, after every other handler: the handshake goes first, below them all. */
    public static void prepare(Channel ch, InetSocketAddress destination) {
        ch.attr(DESTINATION).set(destination);
        ch.pipeline().addFirst(NAME, new Socks4Handshake(destination));
    }

    /** The address a server connection goes to: through a SOCKS4 proxy, the server's, else the peer's. */
    public static java.net.SocketAddress destination(Channel ch) {
        InetSocketAddress d = ch.attr(DESTINATION).get();
        return d != null ? d : ch.remoteAddress();
    }

    /**
     * Once the TCP connection to the proxy is made: sends the request and completes when the proxy
     * granted it, or fails with {@link Timeout} after {@code timeoutMs} (0: none) or {@link Failed}.
     */
    public static Future<Void> start(Channel ch, long timeoutMs) {
        Socks4Handshake h = ch.pipeline().get(Socks4Handshake.class);
        ChannelHandlerContext ctx = ch.pipeline().context(h);
        h.result = ch.eventLoop().newPromise();
        if (timeoutMs > 0) {
            h.timer = ch.eventLoop().schedule(() -> h.fail(ctx, new Timeout()), timeoutMs, TimeUnit.MILLISECONDS);
        }
        ctx.writeAndFlush(request(h.destination, ctx)).addListener(w -> {
            if (!w.isSuccess()) {
                h.fail(ctx, new Failed("SOCKS4 Proxy write error during handshake"));
            }
        });
        ctx.read();
        return h.result;
    }

    /**
     * The CONNECT request: the port and the IPv4 address in network order. For an IPv6 server
     * haproxy puts the first non-zero 32-bit word of the address where the IPv4 one goes.
     */
    static ByteBuf request(InetSocketAddress to, ChannelHandlerContext ctx) {
        ByteBuf b = ctx.alloc().buffer(16);
        b.writeByte(4).writeByte(1).writeShort(to.getPort());
        byte[] a = to.getAddress().getAddress();
        int word = 0;
        if (to.getAddress() instanceof Inet4Address) {
            b.writeBytes(a);
        } else {
            while (word < 4 && a[4 * word] == 0 && a[4 * word + 1] == 0 && a[4 * word + 2] == 0 && a[4 * word + 3] == 0) {
                word++;
            }
            if (word < 4) {
                b.writeBytes(a, 4 * word, 4);
            } else {
                b.writeInt(0);
            }
        }
        b.writeBytes(new byte[] {'H', 'A', 'P', 'r', 'o', 'x', 'y', 0});
        return b;
    }

    /** Above, the connection becomes active once the proxy granted it (a TLS handshake starts then). */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (result == null || result.isDone()) {
            ctx.fireChannelRead(in);
            return;
        }
        if (reply == null) {
            reply = ctx.alloc().buffer(REPLY_LENGTH);
        }
        reply.writeBytes(in, Math.min(REPLY_LENGTH - reply.readableBytes(), in.readableBytes()));
        if (reply.readableBytes() < REPLY_LENGTH) {
            in.release();
            ctx.read();
            return;
        }
        if (reply.getUnsignedByte(1) != GRANTED) {
            in.release();
            fail(ctx, new Failed("SOCKS4 Proxy deny the request"));
            return;
        }
        if (in.isReadable()) {
            early = in;
        } else {
            in.release();
        }
        finish();
        result.trySuccess(null);
        ctx.fireChannelActive();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (result == null || result.isSuccess()) {
            ctx.fireChannelReadComplete();
        }
    }

    /** The layer above asks for data: the proxy's early bytes first, then the handler steps aside. */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (result == null || !result.isSuccess()) {
            ctx.read();
            return;
        }
        ByteBuf e = early;
        early = null;
        if (e != null) {
            ctx.fireChannelRead(e);
            ctx.fireChannelReadComplete();
        } else {
            ctx.read();
        }
        if (!ctx.isRemoved()) {
            ctx.pipeline().remove(this);
        }
    }

    /** A connection the proxy did not grant was never active above: its end is the handshake's failure only. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (result != null && result.isSuccess()) {
            ctx.fireChannelInactive();
        } else if (result != null) {
            fail(ctx, new Failed("SOCKS4 Proxy read error during handshake"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (result != null && result.isSuccess()) {
            ctx.fireExceptionCaught(cause);
        } else if (result != null) {
            fail(ctx, new Failed("SOCKS4 Proxy read error during handshake"));
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        finish();
        if (early != null) {
            early.release();
            early = null;
        }
    }

    private void fail(ChannelHandlerContext ctx, Exception cause) {
        finish();
        if (result.tryFailure(cause)) {
            ctx.channel().close();
        }
    }

    private void finish() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (reply != null) {
            reply.release();
            reply = null;
        }
    }
}
