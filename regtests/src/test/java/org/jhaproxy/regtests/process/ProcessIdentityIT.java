package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.regtests.ProgramRun;
import org.junit.jupiter.api.Test;

/**
 * "user", "group", "chroot" and "pidfile" (configuration.txt 3.1): the process binds its
 * listeners and its stats socket as root, then changes its root and takes the identity (every
 * thread of it); it keeps proxying, logging, checking and answering on the stats socket. The
 * pidfile is only written by a daemon. The same configuration runs through haproxy where it is
 * installed, and must end in the same state. Needs root: skipped, saying so, otherwise.
 */
class ProcessIdentityIT {
    private static final String NOBODY = "\t65534\t65534\t65534\t65534";
    private static final String REQUEST = "GET /x HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n";

    @Test
    void jhaproxyChrootsAndDropsPrivilegesOnceBound() throws Exception {
        foreground(RunningProxy.jhaproxy());
    }

    @Test
    void haproxyChrootsAndDropsPrivilegesOnceBound() throws Exception {
        ProxyPair.onHaproxy("ProcessIdentityIT", haproxy -> foreground(haproxy));
    }

    @Test
    void jhaproxyDaemonWritesItsPidfileThenChrootsAndDropsPrivileges() throws Exception {
        daemon(RunningProxy.jhaproxy());
    }

    @Test
    void haproxyDaemonWritesItsPidfileThenChrootsAndDropsPrivileges() throws Exception {
        ProxyPair.onHaproxy("ProcessIdentityIT", haproxy -> daemon(haproxy));
    }

    static boolean root(String test) throws IOException {
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).contains("Uid:\t0\t0\t0\t0");
        if (!root) {
            System.out.println("ProcessIdentityIT: " + test + " needs root (user/group/chroot), skipped");
        }
        return root;
    }

    /** A world-readable directory with an empty "jail" in it, for the configuration and the pid file. */
    static Path directory() throws IOException {
        Path dir = Files.createTempDirectory("jhaproxy-identity");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        Files.createDirectory(dir.resolve("jail"));
        return dir;
    }

    static String config(Path dir, int port, int backend, String global) {
        return "global\n    user nobody\n    group nogroup\n    chroot " + dir.resolve("jail") + "\n    pidfile "
                + dir.resolve("p.pid") + "\n    log stdout format raw local0\n    stats socket " + dir.resolve("s.sock")
                + " level admin\n" + global + "\n"
                + "defaults\n    mode http\n    log global\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    log-format \"%f %b/%s %ST %HM %HU\"\n    default_backend be\n\n"
                + "backend be\n    server s1 127.0.0.1:" + backend + " check inter 200\n";
    }

    private void foreground(Path program) throws Exception {
        if (!root("the foreground run of " + program)) {
            return;
        }
        Path dir = directory();
        int port = RunningProxy.freePort();
        try (TestBackend be = new TestBackend(TestBackend.OK);
             RunningProxy p = RunningProxy.start(program, config(dir, port, be.port(), ""), "-db").listening(port)) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> status(p.pid()).contains("Uid:" + NOBODY)),
                    program + " kept its identity: " + status(p.pid()) + p.output());
            assertChrootedAsNobody(program, p.pid(), dir);
            assertTrue(RawHttp.exchangeOnceBound(port, REQUEST, Duration.ofSeconds(20)).startsWith("HTTP/1.1 200 OK\r\n"));
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> p.output().contains("fe be/s1 200 GET /x\n")),
                    program + " did not log the request:\n" + p.output());
            // the checks keep running in the chroot, and the socket bound before it answers
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> stat(dir).matches("(?s).*\nbe,s1,[^\n]*,UP,[^\n]*L4OK.*")),
                    program + ": " + stat(dir));
            assertFalse(Files.exists(dir.resolve("p.pid")), "only a daemon writes its pidfile");
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
            }
        } finally {
            delete(dir);
        }
    }

    private void daemon(Path program) throws Exception {
        if (!root("the daemon run of " + program)) {
            return;
        }
        Path dir = directory();
        int port = RunningProxy.freePort();
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            Files.writeString(dir.resolve("t.cfg"), config(dir, port, be.port(), "    daemon"));
            ProgramRun parent = ProgramRun.run(dir, List.of(program.toString(), "-f", "t.cfg"), Map.of());
            assertEquals(0, parent.exitCode(), parent.output());
            long pid = Long.parseLong(Files.readString(dir.resolve("p.pid")).trim());
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
            try {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> status(pid).contains("Uid:" + NOBODY)),
                        program + " kept its identity: " + status(pid));
                assertChrootedAsNobody(program, pid, dir);
                assertTrue(RawHttp.exchangeOnceBound(port, REQUEST, Duration.ofSeconds(20)).startsWith("HTTP/1.1 200 OK\r\n"));
                new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> !daemon.isAlive()), program + " did not stop");
            } finally {
                daemon.destroyForcibly();
            }
        } finally {
            delete(dir);
        }
    }

    /** The status of each thread of {@code pid} not yet running as nobody/nogroup. */
    private static String threadsAsNobody(long pid) {
        StringBuilder left = new StringBuilder();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                String s = Files.readString(t.resolve("status"));
                if (!(s.contains("\nUid:" + NOBODY + "\n") && s.contains("\nGid:" + NOBODY + "\n"))) {
                    left.append("thread ").append(t.getFileName()).append(": ").append(s);
                }
            }
        } catch (IOException gone) {
            // a thread that ended meanwhile: look again
            return "(" + gone + ")";
        }
        return left.toString();
    }

    /** Uid, Gid of nobody/nogroup, no supplementary group, in every thread; the root is the jail. */
    private static void assertChrootedAsNobody(Path program, long pid, Path dir) throws IOException {
        String status = status(pid);
        assertTrue(status.contains("\nGid:" + NOBODY + "\n"), program + ": " + status);
        assertTrue(status.contains("\nGroups:\t \n") || status.contains("\nGroups:\t\n"), program + ": " + status);
        // the identity reaches each thread in turn (the process's own status may show it first)
        assertTrue(RunningProxy.within(java.time.Duration.ofSeconds(20), () -> threadsAsNobody(pid).isEmpty()),
                program + " threads not dropped: " + threadsAsNobody(pid));
        assertEquals(dir.resolve("jail").toRealPath(), Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "root")));
    }

    static String status(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException e) {
            return "(gone: " + e + ")";
        }
    }

    /** "show stat" on the stats socket, "" when it does not answer. */
    private static String stat(Path dir) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
            c.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (c.read(buf) >= 0 && buf.hasRemaining()) {
                // until the server closes
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    static void delete(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(all.toList());
            java.util.Collections.reverse(paths);
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
