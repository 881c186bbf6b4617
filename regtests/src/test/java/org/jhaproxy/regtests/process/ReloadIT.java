package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reload as haproxy does one (management.txt section 4): the new process binds the same
 * ports (SO_REUSEPORT), then "-sf" soft-stops the old one; "-D" returns once the daemon listens,
 * with its pid in the "-p" file.
 */
class ReloadIT {

    @Test
    void sfSoftStopsTheOldProcessOnceTheNewOneListens() throws Exception {
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            int port = RunningProxy.freePort();
            String cfg = SignalIT.httpConfig(port, be.port());
            try (RunningProxy old = RunningProxy.start(cfg, "-db").listening(port);
                 RunningProxy fresh = RunningProxy.start(cfg, "-db", "-sf", Long.toString(old.pid()))) {
                assertEquals(0, old.exitWithin(Duration.ofSeconds(60)), old.output());
                fresh.listening(port);
                assertTrue(fresh.isAlive(), fresh.output());
                old.assertCleanOutput();
            }
        }
    }

    @Test
    void daemonReturnsOnceListeningAndWritesItsPid() throws Exception {
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            int port = RunningProxy.freePort();
            Path dir = Files.createTempDirectory("daemon");
            Path cfg = dir.resolve("t.cfg");
            Path pidFile = dir.resolve("j.pid");
            Files.writeString(cfg, SignalIT.httpConfig(port, be.port()));
            Process parent = new ProcessBuilder(List.of(RunningProxy.jhaproxy().toString(), "-f", cfg.toString(), "-D",
                    "-p", pidFile.toString())).redirectErrorStream(true).start();
            assertTrue(parent.waitFor(60, TimeUnit.SECONDS));
            String out = new String(parent.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertEquals(0, parent.exitValue(), out);
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
            try {
                assertTrue(!SignalIT.refused(port), "the daemon is not listening");
                new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> !daemon.isAlive()));
            } finally {
                daemon.destroyForcibly();
                Files.deleteIfExists(pidFile);
                Files.deleteIfExists(cfg);
                Files.deleteIfExists(dir);
            }
        }
    }
}
