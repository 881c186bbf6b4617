package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.regtests.ProgramRun;
import org.junit.jupiter.api.Test;

/**
 * The owner and mode of a UNIX stats socket ("stats socket <path> mode 640 user nobody group
 * nogroup", and the numeric "uid"/"gid"), as haproxy sets them on the socket it creates; and a
 * socket option jhaproxy does not execute ("accept-proxy") is named by -c and refuses the
 * start. The owner cases need root; each case also runs through haproxy where it is installed.
 */
class StatsSocketOwnerIT {

    @Test
    void theSocketTakesTheOwnerAndModeOfItsLine() throws Exception {
        if (!ProcessIdentityIT.root("the stats socket owner")) {
            return;
        }
        for (Path program : ProcessModeIT.programs()) {
            assertOwner(program, "mode 640 user nobody group nogroup", "rw-r-----", 65534, 65534);
            assertOwner(program, "uid 1 gid 2 mode 600", "rw-------", 1, 2);
        }
    }

    private static void assertOwner(Path program, String options, String perms, int uid, int gid) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int port = RunningProxy.freePort();
        String cfg = "global\n    stats socket " + sock + " level admin " + options + "\n\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n";
        try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(port)) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock, LinkOption.NOFOLLOW_LINKS)),
                    program + ": no socket: " + p.output());
            assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(sock, LinkOption.NOFOLLOW_LINKS)),
                    program + " " + options);
            assertEquals(uid, Files.getAttribute(sock, "unix:uid", LinkOption.NOFOLLOW_LINKS), program + " " + options);
            assertEquals(gid, Files.getAttribute(sock, "unix:gid", LinkOption.NOFOLLOW_LINKS), program + " " + options);
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    @Test
    void anOptionNotExecutedIsNamedByCheckAndRefusesTheStart() throws Exception {
        Path dir = ProcessIdentityIT.directory();
        try {
            Files.writeString(dir.resolve("t.cfg"), "global\n    stats socket " + dir.resolve("s.sock")
                    + " mode 660 level admin accept-proxy\n\n"
                    + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + RunningProxy.freePort() + "\n");
            String message = "parsing [t.cfg:2] : 'stats socket' option 'accept-proxy' is not supported by jhaproxy yet.";
            List<String> check = new ArrayList<>(List.of(RunningProxy.jhaproxy().toString(), "-c", "-f", "t.cfg"));
            ProgramRun c = ProgramRun.run(dir, check, Map.of());
            assertEquals(0, c.exitCode(), c.output());
            assertTrue(c.output().contains("[NOTICE]") && c.output().contains(message
                    + " Starting on this configuration would fail."), c.output());
            ProgramRun start = ProgramRun.run(dir, List.of(RunningProxy.jhaproxy().toString(), "-f", "t.cfg", "-db"), Map.of());
            assertEquals(1, start.exitCode(), start.output());
            assertTrue(start.output().contains("[ALERT]") && start.output().contains(message), start.output());
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }
}
