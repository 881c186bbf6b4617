package org.jhaproxy.runtime.listener;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which received UNIX socket a stats socket takes (haproxy's sock_unix_addrcmp()): the same
 * path, or the same "name.PID.tmp" under which each process binds before renaming.
 */
class TransferredSocketsTest {
    @Test
    void samePathOrSameNameBoundUnderAnotherPid() {
        assertTrue(TransferredSockets.sameUnixPath("/run/admin.sock", "/run/admin.sock"));
        assertTrue(TransferredSockets.sameUnixPath("/run/admin.sock.13258.tmp", "/run/admin.sock.24059.tmp"));
        assertTrue(TransferredSockets.sameUnixPath("/run/admin.sock.13258.tmp", "/run/admin.sock.13300.tmp"));
        assertTrue(TransferredSockets.sameUnixPath("/run/admin.sock.1.tmp", "/run/admin.sock.123456.tmp"));
    }

    @Test
    void anotherNameIsAnotherSocket() {
        assertFalse(TransferredSockets.sameUnixPath("/run/admin.sock.13258.tmp", "/run/other.sock.13258.tmp"));
        assertFalse(TransferredSockets.sameUnixPath("/run/a.sock.1.tmp", "/run/a.sock.2.old"));
        assertFalse(TransferredSockets.sameUnixPath("/run/admin", "/run/admin2"));
        assertFalse(TransferredSockets.sameUnixPath("/run/admin.sock.x1.tmp", "/run/admin.sock.x2.tmp"));
    }
}
