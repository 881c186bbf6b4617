package org.jhaproxy.runtime.listener;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The listening sockets an old process handed over ("-x <socket>", haproxy's xfer_sock_list):
 * each one is taken by the listener of the same address and options instead of binding a new
 * socket, so that no connection is refused while the processes change; those no listener took
 * are closed once every listener is started.
 */
public final class TransferredSockets {
    /** One received socket: its address as getsockname() gives it and what haproxy compares. */
    record Socket(int fd, SocketAddress address, String namespace, String iface, boolean foreign, boolean dgram, boolean v6only) {
    }

    private final List<Socket> sockets;

    private TransferredSockets(List<Socket> sockets) {
        this.sockets = sockets;
    }

    /** No old process to take sockets from. */
    public static TransferredSockets none() {
        return new TransferredSockets(new ArrayList<>());
    }

    /**
     * Asks the old process listening on the stats socket {@code path} for its sockets; null
     * when that fails, {@code warning} having been told why in haproxy's words.
     */
    public static TransferredSockets fetch(String path, Consumer<String> warning) {
        if (!SocketCalls.available()) {
            warning.accept("Failed to connect to the old process socket '" + path + "'");
            return null;
        }
        SocketTransfer.Received r = SocketTransfer.fetch(path, warning);
        if (r == null) {
            return null;
        }
        List<Socket> out = new ArrayList<>();
        byte[] d = r.descriptions();
        int at = 0;
        for (int i = 0; i < r.fds().size(); i++) {
            int fd = r.fds().get(i);
            SocketAddress a = localAddress(fd);
            if (a == null) {
                warning.accept("Failed to get socket address");
                SocketCalls.INSTANCE.close(fd);
                continue;
            }
            String[] names = new String[2];
            for (int n = 0; n < 2; n++) {
                if (at >= d.length || at + 1 + (d[at] & 0xff) > d.length) {
                    warning.accept("Inconsistency while transferring sockets");
                    SocketTransfer.closeAll(r.fds().subList(i, r.fds().size()));
                    new TransferredSockets(out).dropUnused();
                    return null;
                }
                int len = d[at++] & 0xff;
                names[n] = len == 0 ? null : new String(d, at, len, StandardCharsets.ISO_8859_1);
                at += len;
            }
            at += 4; // the listener options of haproxy before 2.3, unused
            boolean inet6 = a instanceof InetSocketAddress isa && isa.getAddress() instanceof java.net.Inet6Address;
            boolean foreign = inet6 ? SocketCalls.option(fd, SocketCalls.IPPROTO_IPV6, SocketCalls.IPV6_TRANSPARENT) > 0
                    : a instanceof InetSocketAddress && SocketCalls.option(fd, SocketCalls.SOL_IP, SocketCalls.IP_TRANSPARENT) > 0;
            boolean dgram = SocketCalls.option(fd, SocketCalls.SOL_SOCKET, SocketCalls.SO_TYPE) == SocketCalls.SOCK_DGRAM;
            boolean v6only = inet6 && SocketCalls.option(fd, SocketCalls.IPPROTO_IPV6, SocketCalls.IPV6_V6ONLY) > 0;
            out.add(new Socket(fd, a, names[0], names[1], foreign, dgram, v6only));
        }
        return new TransferredSockets(out);
    }

    /**
     * The descriptor of a received socket bound to {@code address} with the same options (a
     * plain stream socket, IPV6_V6ONLY as {@code v6only} asks), made non-blocking, and no more
     * offered; -1 when there is none.
     */
    public synchronized int take(SocketAddress address, boolean v6only) {
        boolean inet6 = address instanceof InetSocketAddress isa && isa.getAddress() instanceof java.net.Inet6Address;
        for (Iterator<Socket> it = sockets.iterator(); it.hasNext(); ) {
            Socket s = it.next();
            if (!s.foreign() && !s.dgram() && s.iface() == null && s.namespace() == null
                    && s.v6only() == (inet6 && v6only) && sameAddress(s.address(), address)) {
                it.remove();
                int flags = SocketCalls.INSTANCE.fcntl(s.fd(), SocketCalls.F_GETFL, 0);
                SocketCalls.INSTANCE.fcntl(s.fd(), SocketCalls.F_SETFL, flags | SocketCalls.O_NONBLOCK);
                return s.fd();
            }
        }
        return -1;
    }

    /** How many received sockets no listener took yet. */
    public synchronized int remaining() {
        return sockets.size();
    }

    /** Closes the sockets no listener took (haproxy's sock_drop_unused_old_sockets()). */
    public synchronized void dropUnused() {
        for (Socket s : sockets) {
            SocketCalls.INSTANCE.close(s.fd());
        }
        sockets.clear();
    }

    private static boolean sameAddress(SocketAddress received, SocketAddress wanted) {
        if (received instanceof InetSocketAddress r && wanted instanceof InetSocketAddress w) {
            return r.getPort() == w.getPort() && w.getAddress() != null && r.getAddress().equals(w.getAddress());
        }
        if (received instanceof DomainSocketAddress r && wanted instanceof DomainSocketAddress w) {
            return sameUnixPath(r.path(), w.path());
        }
        return false;
    }

    /**
     * Two UNIX socket paths name the same socket when equal, or when they differ only in the
     * digits after their last common dot followed by ".tmp": the "name.PID.tmp" under which a
     * process binds a socket before renaming it to its name, as haproxy compares them.
     */
    static boolean sameUnixPath(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        if (a.charAt(0) == 0) {
            return a.equals(b); // abstract namespace: compared as it is
        }
        int i = 1;
        int dot = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            if (a.charAt(i) == '.') {
                dot = i;
            }
            i++;
        }
        if (i == a.length() && i == b.length()) {
            return true;
        }
        return dot != 0 && pidTmp(a, dot, i) && pidTmp(b, dot, i);
    }

    /** Past the common part, the rest of {@code p} is empty or digits after the dot then ".tmp". */
    private static boolean pidTmp(String p, int dot, int diff) {
        if (diff >= p.length()) {
            return true;
        }
        int j = dot + 1;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        return p.substring(j).equals(".tmp");
    }

    /** getsockname() of a received descriptor, or null. */
    private static SocketAddress localAddress(int fd) {
        Memory ss = new Memory(128);
        ss.clear();
        IntByReference len = new IntByReference(128);
        if (SocketCalls.INSTANCE.getsockname(fd, ss, len) != 0) {
            return null;
        }
        int family = ss.getShort(0) & 0xffff;
        int port = ((ss.getByte(2) & 0xff) << 8) | (ss.getByte(3) & 0xff);
        try {
            return switch (family) {
                case SocketCalls.AF_INET -> new InetSocketAddress(InetAddress.getByAddress(ss.getByteArray(4, 4)), port);
                case SocketCalls.AF_INET6 -> new InetSocketAddress(InetAddress.getByAddress(ss.getByteArray(8, 16)), port);
                case SocketCalls.AF_UNIX -> new DomainSocketAddress(unixPath(ss, len.getValue()));
                default -> null;
            };
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String unixPath(Memory ss, int len) {
        byte[] p = ss.getByteArray(2, Math.max(0, Math.min(len, 110) - 2));
        int end = 0;
        if (p.length > 0 && p[0] == 0) {
            end = p.length; // abstract: every byte counts
        } else {
            while (end < p.length && p[end] != 0) {
                end++;
            }
        }
        return new String(p, 0, end, StandardCharsets.ISO_8859_1);
    }
}
