package org.jhaproxy.runtime.process;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * The libc calls haproxy's start makes that Java has no API for: chroot(2), setgroups(2),
 * setgid(2), setuid(2), kill(2) for a process that is not a child, strsignal(3), a UNIX datagram socket for sd_notify, and getrlimit(2)/setrlimit(2). glibc's set*id wrappers change the credentials of every thread of the
 * process, the JVM's own threads included, as they do for haproxy's threads.
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

    int chroot(String path);

    int chdir(String path);

    int getgroups(int size, int[] list);

    /** size_t is a long on the LP64 platforms the JVM runs on (NativeLong). */
    int setgroups(NativeLong size, int[] list);

    int setgid(int gid);

    int setuid(int uid);

    int getuid();

    int kill(int pid, int sig);

    /** The description of a signal ("Terminated"), as haproxy's master prints it. */
    String strsignal(int sig);

    int socket(int domain, int type, int protocol);

    /** A datagram to a UNIX address given as a struct sockaddr_un. */
    int sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen);

    int close(int fd);

    /** struct rlimit is two rlim_t, 64-bit on the LP64 platforms: {soft, hard}. */
    int getrlimit(int resource, long[] rlim);

    int setrlimit(int resource, long[] rlim);
}
