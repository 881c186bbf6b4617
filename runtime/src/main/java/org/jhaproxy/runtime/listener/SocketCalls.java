package org.jhaproxy.runtime.listener;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The libc socket calls the listening sockets' transfer needs and Java has no API for:
 * sendmsg(2)/recvmsg(2) with SCM_RIGHTS ancillary data, and the socket options haproxy reads
 * on a received socket. Linux on a 64-bit platform (LP64) only: the structures are laid out by
 * hand for it.
 */
interface SocketCalls extends Library {
    SocketCalls INSTANCE = Native.load(Platform.C_LIBRARY_NAME, SocketCalls.class);

    int AF_UNIX = 1;
    int AF_INET = 2;
    int AF_INET6 = 10;
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    int SOL_SOCKET = 1;
    int SO_TYPE = 3;
    int SO_RCVTIMEO = 20;
    int SCM_RIGHTS = 1;
    int SOL_IP = 0;
    int IP_TRANSPARENT = 19;
    int IPPROTO_IPV6 = 41;
    int IPV6_V6ONLY = 26;
    int IPV6_TRANSPARENT = 75;
    int F_GETFL = 3;
    int F_SETFL = 4;
    int O_NONBLOCK = 04000;
    int MSG_WAITALL = 0x100;
    int MSG_NOSIGNAL = 0x4000;
    int MSG_CMSG_CLOEXEC = 0x40000000;
    int EINTR = 4;

    /** struct msghdr: name, namelen, iov, iovlen, control, controllen, flags. */
    int MSGHDR_SIZE = 56;
    /** struct cmsghdr: len (size_t), level, type, then the data. */
    int CMSG_HEADER = 16;
    /** struct sockaddr_un: family then a 108-byte path. */
    int SOCKADDR_UN_SIZE = 110;

    int socket(int domain, int type, int protocol);

    int connect(int fd, Pointer addr, int len);

    NativeLong sendmsg(int fd, Pointer msg, int flags);

    NativeLong recvmsg(int fd, Pointer msg, int flags);

    NativeLong send(int fd, Pointer buf, NativeLong len, int flags);

    NativeLong recv(int fd, Pointer buf, NativeLong len, int flags);

    int fcntl(int fd, int cmd, int arg);

    int setsockopt(int fd, int level, int name, Pointer value, int len);

    int getsockopt(int fd, int level, int name, Pointer value, IntByReference len);

    int getsockname(int fd, Pointer addr, IntByReference len);

    int close(int fd);

    /** Whether the layouts above are those of this platform. */
    static boolean available() {
        return Platform.isLinux() && Native.POINTER_SIZE == 8;
    }

    /** CMSG_SPACE(n): a header and its data rounded up to the 8-byte alignment. */
    static int cmsgSpace(int dataLen) {
        return CMSG_HEADER + ((dataLen + 7) & ~7);
    }

    /** A struct msghdr over one buffer and, if {@code control} is not null, its ancillary data. */
    static Memory msghdr(Memory iov, Pointer data, long dataLen, Memory control, long controlLen) {
        iov.setPointer(0, data);
        iov.setLong(8, dataLen);
        Memory m = new Memory(MSGHDR_SIZE);
        m.clear();
        m.setPointer(16, iov);
        m.setLong(24, 1);
        if (control != null) {
            m.setPointer(32, control);
            m.setLong(40, controlLen);
        }
        return m;
    }

    /** SO_RCVTIMEO: a blocking read waits at most this many seconds, as haproxy's transfer does. */
    static void receiveTimeout(int fd, int seconds) {
        Memory tv = new Memory(16);
        tv.setLong(0, seconds);
        tv.setLong(8, 0);
        INSTANCE.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16);
    }

    /** An integer socket option, or -1 if it cannot be read. */
    static int option(int fd, int level, int name) {
        Memory v = new Memory(4);
        IntByReference len = new IntByReference(4);
        return INSTANCE.getsockopt(fd, level, name, v, len) == 0 ? v.getInt(0) : -1;
    }
}
