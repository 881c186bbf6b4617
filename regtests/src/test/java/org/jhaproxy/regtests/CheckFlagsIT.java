package org.jhaproxy.regtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line around -c, as deploy scripts use it: several -f, a directory, "--", -q, a
 * missing file. jhaproxy's exit status and messages are asserted; where haproxy is installed the
 * same command runs through it and must give the same.
 */
class CheckFlagsIT {
    private Path dir;

    @BeforeEach
    void files() throws Exception {
        dir = Files.createTempDirectory("flags");
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/10-global.cfg"), "global\n    .notice \"first\"\n");
        Files.writeString(dir.resolve("conf.d/20-listen.cfg"), ".notice \"second\"\n");
        Files.writeString(dir.resolve("conf.d/.hidden.cfg"), "junk\n");
        Files.writeString(dir.resolve("conf.d/notes.txt"), "junk\n");
        Files.writeString(dir.resolve("conf.d/x.cfg.cfg"), "junk\n");
        Files.writeString(dir.resolve("broken.cfg"), "junk\n");
    }

    @AfterEach
    void clean() throws Exception {
        CorpusIT.deleteTree(dir);
    }

    private ProgramRun jh(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProgramRun.jhaproxy().toString());
        cmd.addAll(List.of(args));
        ProgramRun r = ProgramRun.run(dir, cmd, Map.of());
        Path haproxy = ProgramRun.haproxy();
        if (haproxy != null) {
            cmd.set(0, haproxy.toString());
            ProgramRun h = ProgramRun.run(dir, cmd, Map.of());
            assertEquals(h.exitCode(), r.exitCode(), "exit status of " + List.of(args) + " differs from haproxy's");
            assertEquals(h.normalized(dir), r.normalized(dir), "output of " + List.of(args) + " differs from haproxy's");
        }
        return r;
    }

    @Test
    void directoryTakesItsCfgFilesInOrderAndSkipsOthers() throws Exception {
        ProgramRun r = jh("-c", "-f", "conf.d");
        assertEquals(2, r.exitCode());
        String out = r.normalized(dir);
        assertTrue(out.indexOf("'first'") < out.indexOf("'second'"), out);
        assertTrue(out.contains("parsing [conf.d/10-global.cfg:2]: 'first'."), out);
        assertTrue(!out.contains("junk"), out);
    }

    @Test
    void doubleDashEndsFlagsAndEveryWordAfterIsAFile() throws Exception {
        ProgramRun r = jh("-c", "--", "conf.d/10-global.cfg", "conf.d/20-listen.cfg");
        assertEquals(2, r.exitCode());
        assertTrue(r.normalized(dir).contains("[NOTICE] config : parsing [conf.d/20-listen.cfg:1]: 'second'."), r.output());
    }

    @Test
    void quietPrintsNothingButKeepsTheStatus() throws Exception {
        ProgramRun r = jh("-c", "-q", "-f", "broken.cfg");
        assertEquals(1, r.exitCode());
        assertEquals("", r.output());
    }

    @Test
    void missingFileIsNamed() throws Exception {
        ProgramRun r = jh("-c", "-f", "nope.cfg");
        assertEquals(1, r.exitCode());
        assertEquals("[ALERT] config : Cannot open configuration file/directory nope.cfg : No such file or directory\n",
                r.normalized(dir));
    }

    @Test
    void errorsInOneFileStillReadTheNextThenFail() throws Exception {
        ProgramRun r = jh("-c", "-f", "broken.cfg", "-f", "conf.d/20-listen.cfg");
        assertEquals(1, r.exitCode());
        assertEquals("[ALERT] config : parsing [broken.cfg:1]: unknown keyword 'junk' out of section.\n"
                + "[ALERT] config : Error(s) found in configuration file : broken.cfg\n"
                + "[NOTICE] config : parsing [conf.d/20-listen.cfg:1]: 'second'.\n"
                + "[ALERT] config : Fatal errors found in configuration.\n", r.normalized(dir));
    }
}
