package org.jhaproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jhaproxy.config.cond.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as haproxy 2.6.12 treats it (expected texts and codes taken from haproxy). */
class MainTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private Run run(String... argv) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), Map.of("HOME", "/root"), dir);
        int code = main.run(argv);
        return new Run(code, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1).replaceAll("\\(\\d+\\)", "(P)"));
    }

    /** The alert lines only: the banner NOTICEs differ between the two programs. */
    private static String alerts(String err) {
        StringBuilder sb = new StringBuilder();
        for (String l : err.split("\n")) {
            if (!l.startsWith("[NOTICE]")) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void checkConditionExitCodes() throws Exception {
        assertEquals(new Run(0, "", ""), run("-cc", "1"));
        assertEquals(new Run(1, "", ""), run("-cc", "0"));
        assertEquals(new Run(1, "", ""), run("-cc", ""));
        assertEquals(0, run("-cc", "defined(HOME) && !defined(NOT_SET)").exit());
        assertEquals(0, run("-cc", "streq(\"$HOME\",/root)").exit());
    }

    @Test
    void checkConditionErrors() throws Exception {
        Run r = run("-cc", "foo(");
        assertEquals(2, r.exit());
        assertEquals("[ALERT]    (P) : config : Failed to evaluate condition: unparsable conditional expression 'foo('\n",
                alerts(r.err()));
        assertEquals("[ALERT]    (P) : config : Syntax Error in condition: Unmatched quote.\n", alerts(run("-cc", "'a").err()));
        assertEquals("[ALERT]    (P) : config : Syntax Error in condition: Truncated or invalid hexadecimal sequence.\n",
                alerts(run("-cc", "\\x4").err()));
        assertEquals("[ALERT]    (P) : config : Error in condition: Too many words.\n",
                alerts(run("-cc", "1 && ".repeat(40) + "1").err()));
        // '#' is no comment for -cc
        assertEquals("[ALERT]    (P) : config : Failed to evaluate condition: unexpected character '#' at the end of"
                + " conditional expression '1 # x'\n", alerts(run("-cc", "1 # x").err()));
        // an unparsable OpenSSL version fails without a message
        assertEquals(new Run(2, "", ""), run("-cc", "openssl_version_atleast(x)"));
    }

    @Test
    void usageWhenNothingToDo() throws Exception {
        for (String[] argv : new String[][] {{}, {"-cc"}, {"foo"}, {"-Z"}, {"-Z", "-v"}, {"-c"}, {"-q"}, {"-sf", "0"}}) {
            Run r = run(argv);
            assertEquals(1, r.exit(), String.join(" ", argv));
            assertEquals(VersionInfo.short_(), r.out());
            assertTrue(r.err().startsWith("Usage : jhaproxy [-f <cfgfile|cfgdir>]* [ -vdVD ] [ -n <maxconn> ] [ -N <maxpconn> ]\n"),
                    r.err());
            assertTrue(r.err().endsWith("        -S <bind>[,<bind options>...] new master CLI\n\n"));
        }
    }

    /** A value flag at the very end: haproxy fails while copying argv, before reading any flag. */
    @Test
    void valueFlagWithoutValue() throws Exception {
        for (String[] argv : new String[][] {{"-f"}, {"-v", "-p"}, {"-cc", "1", "-L"}, {"-S"}}) {
            Run r = run(argv);
            assertEquals(1, r.exit(), String.join(" ", argv));
            assertEquals("", r.out());
            assertEquals("[ALERT]    (P) : failed to copy argv.\n", alerts(r.err()));
        }
    }

    @Test
    void missingSocketPath() throws Exception {
        Run r = run("-x");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("[ALERT]    (P) : Unix socket path expected with the -x flag\nUsage : jhaproxy "), r.err());
    }

    @Test
    void versionFlagsActAtOnce() throws Exception {
        Run v = run("-v", "-Z");
        assertEquals(0, v.exit());
        assertEquals(3, v.out().split("\n").length, "version, status, running on");
        assertTrue(v.out().startsWith("jhaproxy version "));
        Run vv = run("-vv");
        assertEquals(0, vv.exit());
        assertTrue(vv.out().contains("\nFeature list : " + BuildInfo.FEATURES + "\n"));
        assertTrue(vv.out().contains("\nBuild options :\n"));
    }

    @Test
    void keywordDumpAfterTheCheck() throws Exception {
        Path cfg = dir.resolve("x.cfg");
        Files.writeString(cfg, "global\n");
        Run r = run("-dKhelp", "-q", "-c", "-f", "x.cfg");
        assertEquals(2, r.exit());
        assertEquals("# List of supported keyword classes:\nall: list all keywords\nacl: ACL keywords\n"
                + "cfg: configuration keywords\ncli: CLI keywords\ncnv: sample converter keywords\n"
                + "flt: filter names\nsmp: sample fetch functions\nsvc: service names\n", r.out());
        Run cfgDump = run("-dKcfg", "-q", "-c", "-f", "x.cfg");
        assertTrue(cfgDump.out().startsWith("# List of registered configuration keywords:\nglobal\n"), cfgDump.out());
        // without a configuration file there is nothing to dump: usage
        assertEquals(1, run("-dKhelp").exit());
    }

    /** -L names the local peer, exported as HAPROXY_LOCALPEER for the configuration. */
    @Test
    void localPeerName() throws Exception {
        Files.writeString(dir.resolve("p.cfg"), "global\n.notice \"$HAPROXY_LOCALPEER\"\n");
        assertEquals("[NOTICE]   (P) : config : parsing [p.cfg:2]: 'here'.\n", run("-L", "here", "-c", "-f", "p.cfg").err());
    }

    /** -dKsmp / -dKcnv print the sample registry in haproxy -dK's layout (lines from haproxy 2.6.12). */
    @Test
    void sampleDumps() throws Exception {
        Files.writeString(dir.resolve("g.cfg"), "global\n");
        String smp = run("-dKsmp", "-q", "-c", "-f", "g.cfg").out();
        assertTrue(smp.startsWith("# List of registered sample fetch functions:\n"
                + "#                       _.---------------------- frontend tcp-request connection rule\n"), smp);
        assertTrue(smp.contains("\n# | | | | | | | | | | | | | | | | | | | | | | \n"
                + "[ Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y ] always_false: bool\n"));
        assertTrue(smp.contains("\n[ Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y . . ] src: ipv4\n"));
        // only what the runtime executes is listed: -c knows the developers' internal.htx.data, the runtime does not run it
        assertFalse(smp.contains("internal.htx.data"), smp);
        String acl = run("-dKacl", "-q", "-c", "-f", "g.cfg").out();
        assertTrue(acl.startsWith("# List of registered ACL keywords:\nbase = base -m str\nbase_beg = base -m beg\n"), acl);
        String cnv = run("-dKcnv", "-q", "-c", "-f", "g.cfg").out();
        assertTrue(cnv.startsWith("# List of registered sample converter functions:\nadd(string): sint => sint\n"), cnv);
        assertTrue(cnv.contains("\nbase64: str => bin\n"), cnv);
    }

    /**
     * -dKcli lists the commands jhaproxy runs with haproxy 2.6.12's flags and in its order (by
     * usage line), -dKsvc and -dKflt the services and filters it runs.
     */
    @Test
    void commandServiceAndFilterDumps() throws Exception {
        Files.writeString(dir.resolve("g.cfg"), "global\n");
        String cli = run("-dKcli", "-q", "-c", "-f", "g.cfg").out();
        assertTrue(cli.startsWith("# List of registered CLI keywords:\n@!<pid> [MASTER] \n@<relative pid> [MASTER] \n"
                + "@master [MASTER] \n_getsocks [WORKER] \nadd acl [WORKER] \n"), cli);
        assertTrue(cli.contains("\nhelp [MASTER] [WORKER] \n"), cli);
        assertTrue(cli.contains("\nshow proc [MASTER] \n"), cli);
        assertTrue(cli.contains("\nshow stat [WORKER] \nshow table [WORKER] \n"), cli);
        // haproxy has "show fd" (a developer's dump): jhaproxy does not run it, so it is not listed
        assertFalse(cli.contains("\nshow fd "), cli);
        assertEquals("# List of registered service names:\nprometheus-exporter\n", run("-dKsvc", "-q", "-c", "-f", "g.cfg").out());
        assertEquals("# List of registered filter names:\ncompression [COMP]\n", run("-dKflt", "-q", "-c", "-f", "g.cfg").out());
    }

    @Test
    void checkVerdicts() throws Exception {
        Files.writeString(dir.resolve("empty.cfg"), "global\n");
        Run r = run("-c", "-f", "empty.cfg");
        assertEquals(new Run(2, "Configuration file has no error but will not start (no listener) => exit(2).\n", ""), r);
        Files.writeString(dir.resolve("warn.cfg"), "global\n.warning w\n");
        Run w = run("-c", "-f", "warn.cfg");
        assertEquals("Warnings were found.\nConfiguration file has no error but will not start (no listener) => exit(2).\n", w.out());
        assertEquals("[WARNING]  (P) : config : parsing [warn.cfg:2]: 'w'.\n", alerts(w.err()));
        assertEquals(1, run("-dW", "-c", "-f", "warn.cfg").exit());
    }

    @Test
    void shellIsASubcommandBeforeHaproxysFlags() throws Exception {
        Path sock = dir.resolve("missing.sock");
        assertEquals(new Run(1, "", "jhaproxy shell: cannot reach " + sock + ": No such file or directory\n"),
                run("shell", sock.toString(), "-c", "show info"));
        Run usage = run("shell", "-x");
        assertEquals(1, usage.exit());
        assertTrue(usage.err().startsWith("Usage: jhaproxy shell [SOCKET | host:port]"), usage.err());
    }
}
