package org.jhaproxy.runtime.listener;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The wire of a seamless reload (management.txt "_getsocks", haproxy's -x): on a stats socket
 * with "expose-fd listeners", the old process answers "_getsocks" with the number of its
 * listening sockets (a native int), then sends them in batches of at most 252 descriptors
 * (SCM_RIGHTS), each descriptor described in the data by its namespace name and interface
 * name (a length byte, then the name) and four zero bytes; after a full batch it waits for the
 * new process's 4-byte acknowledgement. Both sides block, with a one-second receive timeout.
 */
public final class SocketTransfer {
    /** How many descriptors one message carries at most (haproxy's MAX_SEND_FD). */
    static final int MAX_SEND_FD = 252;
    /** Room for one descriptor's description: two length bytes, a path-sized namespace, an interface name, 4 bytes. */
    private static final int DESCRIPTION_ROOM = 1 + 4096 + 1 + 16 + 4;

    private SocketTransfer() {
    }

    /** The descriptors received and the data that came with them, in order. */
    record Received(List<Integer> fds, byte[] descriptions) {
    }

    /**
     * Sends {@code fds} on the connected UNIX socket {@code conn}, made blocking meanwhile;
     * {@code warning} gets haproxy's words for a failure. Nothing is sent when there is
     * nothing to send: the caller closes the connection, which tells the other side.
     */
    public static void send(int conn, List<Integer> fds, List<String> interfaces, Consumer<String> warning) {
        SocketCalls c = SocketCalls.INSTANCE;
        int flags = c.fcntl(conn, SocketCalls.F_GETFL, 0);
        if (flags < 0) {
            warning.accept("Couldn't get the flags for the unix socket");
            return;
        }
        if (c.fcntl(conn, SocketCalls.F_SETFL, flags & ~SocketCalls.O_NONBLOCK) == -1) {
            warning.accept("Cannot make the unix socket blocking");
            return;
        }
        try {
            SocketCalls.receiveTimeout(conn, 1);
            if (!fds.isEmpty()) {
                sendBatches(conn, fds, interfaces, warning);
            }
        } finally {
            if (c.fcntl(conn, SocketCalls.F_SETFL, flags) == -1) {
                warning.accept("Cannot make the unix socket non-blocking");
            }
        }
    }

    private static void sendBatches(int conn, List<Integer> fds, List<String> interfaces, Consumer<String> warning) {
        SocketCalls c = SocketCalls.INSTANCE;
        Memory count = new Memory(4);
        count.setInt(0, fds.size());
        Memory iov = new Memory(16);
        if (c.sendmsg(conn, SocketCalls.msghdr(iov, count, 4, null, 0), SocketCalls.MSG_NOSIGNAL).longValue() != 4) {
            warning.accept("Failed to send the number of sockets to send");
            return;
        }
        for (int from = 0; from < fds.size(); from += MAX_SEND_FD) {
            int n = Math.min(MAX_SEND_FD, fds.size() - from);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (int i = from; i < from + n; i++) {
                data.write(0); // no network namespace
                byte[] iface = interfaces.get(i) == null ? new byte[0] : interfaces.get(i).getBytes(StandardCharsets.ISO_8859_1);
                data.write(iface.length);
                data.writeBytes(iface);
                data.writeBytes(new byte[4]); // were the listener's options before haproxy 2.3
            }
            byte[] bytes = data.toByteArray();
            Memory buf = new Memory(bytes.length);
            buf.write(0, bytes, 0, bytes.length);
            int space = SocketCalls.cmsgSpace(4 * n);
            Memory control = new Memory(space);
            control.clear();
            control.setLong(0, SocketCalls.CMSG_HEADER + 4L * n);
            control.setInt(8, SocketCalls.SOL_SOCKET);
            control.setInt(12, SocketCalls.SCM_RIGHTS);
            for (int i = 0; i < n; i++) {
                control.setInt(SocketCalls.CMSG_HEADER + 4L * i, fds.get(from + i));
            }
            Memory msg = SocketCalls.msghdr(iov, buf, bytes.length, control, space);
            if (c.sendmsg(conn, msg, SocketCalls.MSG_NOSIGNAL).longValue() != bytes.length) {
                warning.accept("Failed to transfer sockets");
                return;
            }
            if (n == MAX_SEND_FD && !awaitAck(conn)) {
                warning.accept("Unexpected error while transferring sockets");
                return;
            }
        }
    }

    private static boolean awaitAck(int conn) {
        Memory ack = new Memory(4);
        long r;
        do {
            r = SocketCalls.INSTANCE.recv(conn, ack, new NativeLong(4), 0).longValue();
        } while (r == -1 && com.sun.jna.Native.getLastError() == SocketCalls.EINTR);
        return r > 0;
    }

    /**
     * Connects to the old process's stats socket at {@code path}, asks "_getsocks" and
     * receives its sockets; null when that fails ({@code warning} got haproxy's reason).
     */
    static Received fetch(String path, Consumer<String> warning) {
        SocketCalls c = SocketCalls.INSTANCE;
        int sock = c.socket(SocketCalls.AF_UNIX, SocketCalls.SOCK_STREAM, 0);
        if (sock < 0) {
            warning.accept("Failed to connect to the old process socket '" + path + "'");
            return null;
        }
        try {
            byte[] p = path.getBytes(StandardCharsets.ISO_8859_1);
            Memory addr = new Memory(SocketCalls.SOCKADDR_UN_SIZE);
            addr.clear();
            addr.setShort(0, (short) SocketCalls.AF_UNIX);
            addr.write(2, p, 0, Math.min(p.length, SocketCalls.SOCKADDR_UN_SIZE - 3));
            if (c.connect(sock, addr, SocketCalls.SOCKADDR_UN_SIZE) < 0) {
                warning.accept("Failed to connect to the old process socket '" + path + "'");
                return null;
            }
            SocketCalls.receiveTimeout(sock, 1);
            return receive(sock, warning);
        } finally {
            c.close(sock);
        }
    }

    private static Received receive(int sock, Consumer<String> warning) {
        SocketCalls c = SocketCalls.INSTANCE;
        Memory ask = new Memory(10);
        ask.write(0, "_getsocks\n".getBytes(StandardCharsets.US_ASCII), 0, 10);
        Memory count = new Memory(4);
        Memory iov = new Memory(16);
        if (c.send(sock, ask, new NativeLong(10), SocketCalls.MSG_NOSIGNAL).longValue() != 10
                || c.recvmsg(sock, SocketCalls.msghdr(iov, count, 4, null, 0), SocketCalls.MSG_WAITALL).longValue() != 4) {
            warning.accept("Failed to get the number of sockets to be transferred !");
            return null;
        }
        int expected = count.getInt(0);
        List<Integer> fds = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        if (expected <= 0) {
            return new Received(fds, new byte[0]);
        }
        int room = MAX_SEND_FD * DESCRIPTION_ROOM;
        Memory buf = new Memory(room);
        int controlLen = SocketCalls.cmsgSpace(4) * MAX_SEND_FD;
        Memory control = new Memory(controlLen);
        Memory ack = new Memory(4);
        while (fds.size() < expected) {
            control.clear();
            Memory msg = SocketCalls.msghdr(iov, buf, room, control, controlLen);
            long r = c.recvmsg(sock, msg, SocketCalls.MSG_CMSG_CLOEXEC).longValue();
            if (r == -1 && com.sun.jna.Native.getLastError() == SocketCalls.EINTR) {
                continue;
            }
            if (r <= 0) {
                break;
            }
            ack.setInt(0, fds.size());
            c.send(sock, ack, new NativeLong(4), SocketCalls.MSG_NOSIGNAL);
            long used = msg.getLong(40);
            for (long at = 0; at + SocketCalls.CMSG_HEADER <= used; ) {
                long len = control.getLong(at);
                if (len < SocketCalls.CMSG_HEADER) {
                    break;
                }
                if (control.getInt(at + 8) == SocketCalls.SOL_SOCKET && control.getInt(at + 12) == SocketCalls.SCM_RIGHTS) {
                    for (long d = SocketCalls.CMSG_HEADER; d + 4 <= len; d += 4) {
                        fds.add(control.getInt(at + d));
                    }
                }
                at += (len + 7) & ~7L;
            }
            if (fds.size() > expected) {
                warning.accept("Got to many sockets !");
                closeAll(fds);
                return null;
            }
            data.write(buf.getByteArray(0, (int) r), 0, (int) r);
        }
        if (fds.size() != expected) {
            warning.accept("We didn't get the expected number of sockets (expecting " + expected + " got " + fds.size() + ")");
            closeAll(fds);
            return null;
        }
        return new Received(fds, data.toByteArray());
    }

    static void closeAll(List<Integer> fds) {
        for (int fd : fds) {
            SocketCalls.INSTANCE.close(fd);
        }
    }

}
