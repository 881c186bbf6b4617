package org.jhaproxy.runtime.cli;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.Transport;

/**
 * A "stats socket" of the global section: a UNIX socket (mode, level) or a TCP one
 * ("ipv4@", "ipv6@", host:port) serving the CLI. Started with the engine, closed with it.
 */
public final class StatsSocket {
    private final Channel channel;
    private final Path path;

    private StatsSocket(Channel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    /** The settings of one "stats socket" line. */
    record Settings(String address, CliLevel level, Integer mode, Integer uid, Integer gid, boolean exposeFd) {
    }

    /**
     * The options of a "stats socket" line jhaproxy executes, each with one value ("expose-fd
     * listeners": "_getsocks" hands the listening sockets to a new process, see -x).
     */
    private static final Set<String> OPTIONS = Set.of("level", "mode", "user", "group", "uid", "gid", "expose-fd");

    /**
     * The first option of a "stats socket" line jhaproxy does not execute, or null: "-c" names
     * it in a notice and the start refuses it.
     */
    public static String unsupportedOption(Line l) {
        for (int i = 3; !l.arg(i).isEmpty(); i += 2) {
            if (!OPTIONS.contains(l.arg(i))) {
                return l.arg(i);
            }
        }
        return null;
    }

    /** A time as haproxy's parse_time_err() reads it, in milliseconds; -1 when invalid. */
    static long timeMs(String text, org.jhaproxy.config.proxy.TimeValue.Unit unit) {
        org.jhaproxy.config.proxy.TimeValue.Result r = org.jhaproxy.config.proxy.TimeValue.parse(text, unit,
                org.jhaproxy.config.diag.Diagnostics.silent());
        return r.ok() ? r.value() : -1;
    }

    static Settings settings(Line l) throws StartFailure {
        CliLevel level = CliLevel.OPERATOR;
        Integer mode = null;
        Integer uid = null;
        Integer gid = null;
        boolean exposeFd = false;
        String bad = unsupportedOption(l);
        if (bad != null) {
            throw new StartFailure("parsing [" + l.where() + "] : 'stats socket' option '" + bad
                    + "' is not supported by jhaproxy yet.");
        }
        for (int i = 3; !l.arg(i).isEmpty(); i += 2) {
            String v = l.arg(i + 1);
            switch (l.arg(i)) {
                case "level" -> level = CliLevel.of(v);
                case "mode" -> mode = Integer.parseInt(v, 8);
                // the parser checked the names exist ("unknown user")
                case "user" -> uid = org.jhaproxy.config.global.SystemAccounts.uid(v);
                case "group" -> gid = org.jhaproxy.config.global.SystemAccounts.gid(v);
                case "uid" -> uid = Integer.parseInt(v);
                case "gid" -> gid = Integer.parseInt(v);
                case "expose-fd" -> exposeFd = true; // "listeners", the only value the parser accepts
                default -> throw new IllegalStateException(l.arg(i));
            }
        }
        return new Settings(l.arg(2), level, mode, uid, gid, exposeFd);
    }

    static StatsSocket start(StatsSockets group, Transport transport, Line l, Settings s,
            org.jhaproxy.runtime.listener.TransferredSockets transferred) throws StartFailure {
        AddressParseResult r = AddressParser.system(System::getenv).parse(s.address(),
                AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND | AddressParser.STREAM, null, false);
        if (!r.ok()) {
            throw new StartFailure("parsing [" + l.where() + "] : 'stats socket' : " + r.error());
        }
        SocketAddress a = r.address();
        java.net.SocketAddress bindTo;
        Path path = null;
        Path temp = null;
        if (a.family().isUnix()) {
            // bound under a temporary name then renamed over the old socket, as haproxy replaces it
            path = Path.of(a.host());
            temp = Path.of(a.host() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new StartFailure("Starting proxy GLOBAL: cannot bind UNIX socket (" + e.getMessage() + ") [" + path + "]");
            }
            bindTo = new DomainSocketAddress(temp.toString());
        } else {
            String host = a.host() == null || a.host().isEmpty() ? "0.0.0.0" : a.host();
            bindTo = new java.net.InetSocketAddress(host, a.port());
        }
        // the old process's socket of the same address ("-x"): kept as it is, name and rights included
        int fd = transport.isEpoll() ? transferred.take(bindTo, false) : -1;
        java.net.SocketAddress listen = fd >= 0 ? new Transport.InheritedSocket(fd, bindTo) : bindTo;
        if (fd >= 0) {
            temp = null;
        }
        int luid = group.listeners() + 1;
        ServerBootstrap b = new ServerBootstrap()
                .group(transport.group())
                .channelFactory(() -> transport.newServerChannel(listen))
                .option(ChannelOption.MAX_MESSAGES_PER_READ, 1)
                .option(ChannelOption.AUTO_READ, false) // until StatsSockets.open()
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object child) {
                        group.accepted();
                        ctx.fireChannelRead(child);
                    }
                })
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new CliHandler(group.session(s.level(), s.exposeFd()), luid));
                    }
                });
        ChannelFuture f = (fd >= 0 ? b.register() : b.bind(bindTo)).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new StartFailure("Binding [" + l.where() + "] for proxy GLOBAL: cannot bind socket ("
                    + f.cause().getMessage() + ") for [" + s.address() + "]");
        }
        if (temp != null) {
            try {
                if (s.mode() != null) {
                    Files.setPosixFilePermissions(temp, permissions(s.mode()));
                }
                // "user"/"uid", "group"/"gid": the socket's owner, set before it takes its name
                if (s.uid() != null) {
                    Files.setAttribute(temp, "unix:uid", s.uid());
                }
                if (s.gid() != null) {
                    Files.setAttribute(temp, "unix:gid", s.gid());
                }
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                f.channel().close();
                throw new StartFailure("Starting proxy GLOBAL: cannot change UNIX socket ownership (" + e.getMessage()
                        + ") [" + path + "]");
            }
        }
        return new StatsSocket(f.channel(), path);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                p.add(bits[i]);
            }
        }
        return p;
    }

    boolean isUnix() {
        return path != null;
    }

    /** The listening socket's descriptor, which "_getsocks" hands over too, as haproxy does; -1 without epoll. */
    int exportedFd() {
        return channel instanceof io.netty.channel.unix.UnixChannel u && channel.isOpen() ? u.fd().intValue() : -1;
    }

    /** Starts or stops accepting connections ("stats maxconn" reached or left). */
    void accepting(boolean on) {
        channel.config().setAutoRead(on);
    }

    public void close() {
        channel.close();
    }

    /** A stats socket that could not start; the message is haproxy's alert. */
    public static final class StartFailure extends Exception {
        public StartFailure(String message) {
            super(message, null, false, false);
        }
    }
}
