package org.jhaproxy.runtime.process;

import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;

/**
 * sd_notify(3) as haproxy's master calls it with "-Ws" (management.txt 3, systemd's
 * Type=notify units): one datagram with the state ("READY=1\nMAINPID=...", "RELOADING=1",
 * "STOPPING=1") to the UNIX socket named by $NOTIFY_SOCKET; an address starting with '@' is
 * in the abstract namespace. Without the variable, nothing is sent, as sd_notify does.
 */
public final class SystemdNotify {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** sizeof(struct sockaddr_un): the family then 108 bytes of path. */
    private static final int SOCKADDR_UN = 110;

    private final String socket;

    private SystemdNotify(String socket) {
        this.socket = socket;
    }

    /** From the process environment; a notifier that sends nothing when the variable is not set. */
    public static SystemdNotify fromEnvironment() {
        String s = System.getenv("NOTIFY_SOCKET");
        return new SystemdNotify(s == null || s.isEmpty() ? null : s);
    }

    /** Sends {@code state}; false when it could not be sent (as sd_notify, the caller goes on). */
    public boolean send(String state) {
        if (socket == null) {
            return false;
        }
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        if (path.length >= SOCKADDR_UN - 2) {
            return false;
        }
        byte[] addr = new byte[SOCKADDR_UN];
        // sa_family_t, a 16-bit number in the host's byte order
        addr[java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? 0 : 1] = (byte) AF_UNIX;
        System.arraycopy(path, 0, addr, 2, path.length);
        int len = 2 + path.length;
        if (path[0] == '@') {
            addr[2] = 0;
        } else {
            len++;
        }
        LibC libc = LibC.INSTANCE;
        int fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            return false;
        }
        try {
            byte[] msg = state.getBytes(StandardCharsets.UTF_8);
            return libc.sendto(fd, msg, new NativeLong(msg.length), 0, addr, len) == msg.length;
        } finally {
            libc.close(fd);
        }
    }
}
