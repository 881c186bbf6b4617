package org.jhaproxy.runtime.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.proxyprotocol.SendProxy;
import org.jhaproxy.runtime.proxyprotocol.Socks4Handshake;

/**
 * One run of a server's check program on an event loop (tcpcheck_main()): connect, send, wait
 * for what an expect rule wants, and report one {@link CheckOutcome} with haproxy's status and
 * info text. Never blocks; every step is a callback on the loop.
 */
@io.netty.channel.ChannelHandler.Sharable
final class CheckRun extends ChannelInboundHandlerAdapter {
    private final CheckRules program;
    private final CheckSettings settings;
    private final EventLoop loop;
    private final Transport transport;
    private final Consumer<CheckOutcome> done;
    /** A status reported while the run goes on (the MySQL and LDAP parsers' success). */
    private final Consumer<CheckOutcome> interim;
    private final java.util.function.Supplier<String> serverState;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Channel channel;
    private ScheduledFuture<?> timer;
    private int next;
    /** How many received bytes the last expect saw: a send drops them (the check's input buffer). */
    private int seen;
    private boolean finished;
    /** The server's TLS when its checks use it ("check-ssl", or "ssl" alone), else null. */
    private org.jhaproxy.runtime.ssl.ServerSsl tls;
    private CheckLayers layers = CheckLayers.NONE;
    /** The server whose connections in use count this run's, or null. */
    private org.jhaproxy.runtime.server.Server server;
    /** The run's session: its variables and the data read, for log-format strings and expressions. */
    private CheckSession session;
    /** "http-check disable-on-404" applies to this run: the server is not down. */
    private boolean disable404;
    /** The code of the last expect rule evaluated (check->code), for "disable-on-404". */
    private int code;

    CheckRun(CheckRules program, CheckSettings settings, EventLoop loop, Transport transport,
             java.util.function.Supplier<String> serverState, Consumer<CheckOutcome> interim, Consumer<CheckOutcome> done) {
        this.serverState = serverState;
        this.interim = interim;
        this.program = program;
        this.settings = settings;
        this.loop = loop;
        this.transport = transport;
        this.done = done;
    }

    /** The SOCKS4 proxy and PROXY header below the check's connections. */
    CheckRun layers(CheckLayers l) {
        this.layers = l;
        return this;
    }

    /** The server checked: each connection of the run is one of its connections in use while open. */
    CheckRun server(org.jhaproxy.runtime.server.Server s) {
        this.server = s;
        return this;
    }

    /** Checks over TLS: each connection does its handshake before the first rule runs. */
    CheckRun tls(org.jhaproxy.runtime.ssl.ServerSsl ssl) {
        this.tls = ssl;
        return this;
    }

    /** The run's session, and whether a 404 puts the server in NOLB ("http-check disable-on-404", server up). */
    CheckRun session(CheckSession s, boolean disableOn404) {
        this.session = s;
        this.disable404 = disableOn404;
        return this;
    }

    void start() {
        if (program.implicitConnect()) {
            connect(settings.address(), -1);
        } else {
            step();
        }
    }

    /** The step number haproxy names in its messages: the implicit first connect is step 0. */
    private int stepId(int index) {
        return index + 1;
    }

    private void connect(InetSocketAddress to, int index) {
        CheckRule.Connect rule = index >= 0 ? (CheckRule.Connect) program.rules().get(index) : null;
        if (channel != null) {
            channel.close();
            received.reset();
            seen = 0;
        }
        CheckRule.Connect layered = rule != null ? rule : CheckRule.Connect.DEFAULT;
        InetSocketAddress socks = layers.socks4(layered);
        io.netty.handler.codec.haproxy.HAProxyProtocolVersion proxy = layers.proxy(layered);
        InetSocketAddress peer = socks != null ? socks : to;
        Bootstrap b = new Bootstrap().group(loop).channelFactory(transport.socketChannelFor(peer))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout()))
                .option(ChannelOption.AUTO_READ, true)
                .handler(new io.netty.channel.ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast("ssl", tls.newHandler(ch.alloc(), null, 0));
                        }
                        ch.pipeline().addLast(CheckRun.this);
                        if (proxy != null) {
                            SendProxy.prepare(ch, SendProxy.checkHeader(layers.server(), proxy, null, to));
                        }
                        if (socks != null) {
                            Socks4Handshake.prepare(ch, to);
                        }
                    }
                });
        if (rule == null || !rule.linger()) {
            // a check closes with a reset unless "linger" asks for a clean close (FD_LINGER_RISK)
            b.option(ChannelOption.SO_LINGER, 0);
        }
        ChannelFuture f = b.connect(peer);
        channel = f.channel();
        if (server != null) {
            org.jhaproxy.runtime.server.Server s = server;
            s.checkConnectionOpened();
            channel.closeFuture().addListener(closed -> s.checkConnectionClosed());
        }
        f.addListener(r -> {
            if (finished) {
                f.channel().close();
                return;
            }
            if (!r.isSuccess()) {
                connectFailed(r.cause(), index);
                return;
            }
            armTimer();
            if (socks == null) {
                established(f.channel(), to, proxy, index);
                return;
            }
            // the check's timer bounds the SOCKS4 handshake (layer 4 counts as established once the request is sent)
            Socks4Handshake.start(f.channel(), 0).addListener(hs -> {
                if (finished || f.channel() != channel) {
                    return;
                }
                if (hs.isSuccess()) {
                    established(f.channel(), to, proxy, index);
                } else {
                    finish(CheckOutcome.of(CheckStatus.SOCKERR, hs.cause().getMessage() + failedStep(index)));
                }
            });
        });
    }

    /**
     * Connected (through the SOCKS4 proxy if any): the PROXY header (a check has no stream:
     * version 1 names the connection's own addresses, the destination being the server's even
     * through a proxy; version 2 is LOCAL), the TLS handshake, then the rules.
     */
    private void established(Channel ch, InetSocketAddress to, io.netty.handler.codec.haproxy.HAProxyProtocolVersion proxy, int index) {
        if (proxy != null) {
            InetSocketAddress local = ch.localAddress() instanceof InetSocketAddress l ? l : null;
            SendProxy.send(ch, SendProxy.checkHeader(layers.server(), proxy, local, to));
            ch.flush();
        }
        io.netty.handler.ssl.SslHandler h = ch.pipeline().get(io.netty.handler.ssl.SslHandler.class);
        if (h == null) {
            step();
            return;
        }
        h.handshakeFuture().addListener(hs -> {
            if (finished || ch != channel) {
                return;
            }
            if (hs.isSuccess()) {
                step();
                return;
            }
            // chk_report_conn_err() with CO_FL_WAIT_L6_CONN: the handshake failed
            finish(CheckOutcome.of(CheckStatus.L6RSP, "SSL handshake failure" + failedStep(index)));
        });
    }

    /** Where a failed connection was, for a tcp-check ("at step 2 of tcp-check (connect)"), else nothing. */
    private String failedStep(int index) {
        if (program.kind() != CheckRules.Kind.TCP) {
            return "";
        }
        return index < 0 ? " at initial connection step of tcp-check"
                : " at step " + stepId(index) + " of tcp-check (connect"
                + (((CheckRule.Connect) program.rules().get(index)).port() > 0
                    ? " port " + ((CheckRule.Connect) program.rules().get(index)).port() : "") + ")"
                + quotedComment(index);
    }

    private void connectFailed(Throwable cause, int index) {
        String where = failedStep(index);
        if (cause instanceof ConnectTimeoutException) {
            finish(CheckOutcome.of(CheckStatus.L4TOUT, where));
            return;
        }
        String err = SocketErrors.strerror(cause);
        finish(CheckOutcome.of(CheckStatus.L4CON, err == null ? where : err + where));
    }

    private void armTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = loop.schedule(this::expired, settings.readTimeout(), TimeUnit.MILLISECONDS);
    }

    /** Runs the rules from {@link #next} until one waits for the server or the program ends. */
    private void step() {
        while (!finished && next < program.rules().size()) {
            CheckRule r = program.rules().get(next);
            if (r instanceof CheckRule.Comment) {
                next++;
                continue;
            }
            if (r instanceof CheckRule.Action a) {
                a.run().accept(session.context());
                next++;
                continue;
            }
            if (r instanceof CheckRule.Connect c) {
                int index = next++;
                connect(CheckConnect.target(c, settings.address(), session), index);
                return;
            }
            if (r instanceof CheckRule.Send || r instanceof CheckRule.SendComputed || r instanceof CheckRule.SendHttp) {
                dropSeen();
                byte[] bytes = r instanceof CheckRule.Send s ? s.bytes() : r instanceof CheckRule.SendHttp h
                        ? h.request().build(session, serverState) : ((CheckRule.SendComputed) r).bytes().apply(session);
                if (bytes == null) {
                    finish(CheckOutcome.of(CheckStatus.L7RSP, "tcp-check send : failed to build log-format string at step "
                            + stepId(next)));
                    return;
                }
                if (bytes.length > 0) {
                    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
                }
                next++;
                continue;
            }
            if (r instanceof CheckRule.AgentReply) {
                agentReply(false);
                return;
            }
            CheckRule.Expect e = (CheckRule.Expect) r;
            Boolean verdict = evaluate(e, false);
            if (verdict == null) {
                return;
            }
            next++;
        }
        if (!finished) {
            finish(success());
        }
    }

    /**
     * The agent's reply is its first line, up to a CR or LF; one the agent ends without either
     * is ignored (tcpcheck_agent_expect_reply()). Its words act on the server once the run ends.
     */
    private void agentReply(boolean lastRead) {
        byte[] data = received.toByteArray();
        // haproxy reads the reply as a C string: a NUL byte ends it before any line end
        for (int i = 0; i < data.length && data[i] != 0; i++) {
            if (data[i] == '\n' || data[i] == '\r') {
                finish(CheckOutcome.agent(new String(data, 0, i, java.nio.charset.StandardCharsets.ISO_8859_1)));
                return;
            }
        }
        if (lastRead) {
            finish(CheckOutcome.incompleteAgentLine());
        }
    }

    /** A send empties the input buffer of what the expect rules read before (tcpcheck_eval_send()). */
    private void dropSeen() {
        if (seen > 0) {
            byte[] data = received.toByteArray();
            received.reset();
            received.write(data, seen, data.length - seen);
            seen = 0;
        }
    }

    private CheckOutcome success() {
        int last = program.rules().size() - 1;
        while (last >= 0 && CheckRules.skipped(program.rules().get(last))) {
            last--;
        }
        if (last < 0 || program.rules().get(last) instanceof CheckRule.Connect) {
            // a connection that made its TLS handshake passed layer 6; an explicit connect says "(tcp-check)"
            return CheckOutcome.of(tls != null ? CheckStatus.L6OK : CheckStatus.L4OK,
                    last >= 0 && program.kind() != CheckRules.Kind.PROTOCOL ? "(tcp-check)" : "");
        }
        if (program.rules().get(last) instanceof CheckRule.Expect) {
            if (disable404 && code == 404) {
                return new CheckOutcome(CheckStatus.L7OKC, 404, "");
            }
            return TcpExpect.success(program, last, session.data(received.toByteArray()), code);
        }
        return CheckOutcome.of(CheckStatus.L7OKD, "(tcp-check)");
    }

    /** True when the rule passed, null when more data is needed; a failure finishes the run. */
    private Boolean evaluate(CheckRule.Expect e, boolean lastRead) {
        byte[] data = received.toByteArray();
        session.data(data);
        code = 0;
        if (e.http()) {
            ExpectVerdict v = HttpExpect.evaluate(program, next, session, lastRead, disable404);
            if (v.stop()) {
                finish(v.report());
                return false;
            }
            HttpCheckResponse rsp = v.waiting() ? null : HttpCheckResponse.parse(data);
            code = rsp == null ? 0 : TcpExpect.code(e.options(), session, rsp.status());
            return v.waiting() ? null : true;
        }
        seen = data.length;
        if (data.length == 0) {
            if (lastRead) {
                CheckStatus err = e.options().errorStatus();
                finish(CheckOutcome.of(err != null ? err : CheckStatus.L7RSP, "TCPCHK got an empty response at step "
                        + stepId(next) + quotedComment(next)));
                return false;
            }
            return null;
        }
        ExpectVerdict v = TcpExpect.evaluate(program, next, session, lastRead);
        if (v.waiting()) {
            return null;
        }
        if (v.stop()) {
            finish(v.report());
            return false;
        }
        if (v.report() != null) {
            interim.accept(v.report());
        }
        code = TcpExpect.code(e.options(), session, 0);
        return true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (ctx.channel() == channel && !finished) {
                buf.readBytes(received, buf.readableBytes());
            }
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            buf.release();
        }
        if (ctx.channel() == channel && !finished) {
            step();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel() != channel || finished) {
            return;
        }
        if (next < program.rules().size() && program.rules().get(next) instanceof CheckRule.AgentReply) {
            agentReply(true);
            return;
        }
        if (next < program.rules().size() && program.rules().get(next) instanceof CheckRule.Expect e) {
            if (evaluate(e, true) == Boolean.TRUE) {
                next++;
                step();
            }
            return;
        }
        step();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() == channel && !finished) {
            finish(CheckOutcome.of(CheckStatus.SOCKERR, SocketErrors.strerrorOr(cause, "")));
        }
    }

    /** The check's time ran out while waiting for the server (L7TOUT after a connection). */
    private void expired() {
        if (!finished) {
            finish(TcpExpect.timeout(program, next));
        }
    }

    /** How connection errors and timeouts name the rule's comment (chk_report_conn_err()). */
    private String quotedComment(int index) {
        String c = program.comment(index);
        return c == null ? "" : " comment: '" + c + "'";
    }

    private void finish(CheckOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        if (timer != null) {
            timer.cancel(false);
        }
        if (channel != null) {
            channel.close();
        }
        done.accept(outcome);
    }
}
