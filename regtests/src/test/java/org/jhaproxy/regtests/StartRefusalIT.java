package org.jhaproxy.regtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starting on a configuration the runtime does not execute is refused, naming the first line it
 * would not execute (file:line): jhaproxy never serves a configuration differently from haproxy
 * by ignoring a line. The check mode of the same file still gives haproxy's verdict.
 */
class StartRefusalIT {

    @Test
    void startingNamesTheFirstLineNotExecutedAndFails() throws Exception {
        Path dir = Files.createTempDirectory("start");
        try {
            Files.writeString(dir.resolve("t.cfg"), "global\n    nbthread 1\n\n"
                    + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 1s\n    timeout server 1s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:18080\n    default_backend be\n\n"
                    + "backend be\n    tcp-response inspect-delay 1s\n    server s1 127.0.0.1:9\n");
            ProgramRun check = ProgramRun.run(dir, List.of(ProgramRun.jhaproxy().toString(), "-c", "-f", "t.cfg"), Map.of());
            assertEquals(0, check.exitCode(), check.output());
            assertEquals("Configuration file is valid\n", check.normalized(dir));
            assertTrue(check.output().contains("config : parsing [t.cfg:15] : 'tcp-response inspect-delay' in 'backend' section "
                    + ProgramRun.RUNTIME_NOTICE + "\n"), check.output());

            ProgramRun start = ProgramRun.run(dir, List.of(ProgramRun.jhaproxy().toString(), "-f", "t.cfg", "-db"), Map.of());
            assertEquals(1, start.exitCode(), start.output());
            String out = start.normalized(dir);
            assertTrue(out.startsWith("[ALERT] config : parsing [t.cfg:15] : 'tcp-response inspect-delay' in 'backend' section is not supported by jhaproxy yet."), out);
            assertTrue(!out.contains("Exception"), out);
        } finally {
            CorpusIT.deleteTree(dir);
        }
    }

    /** An http-request action the runtime does not execute is named with its keyword. */
    @Test
    void anActionNotExecutedIsNamed() throws Exception {
        assertRefused("    http-request set-tos 2 if { path /x }\n",
                "[ALERT] config : parsing [t.cfg:8] : 'http-request set-tos' in 'frontend' section is not supported by jhaproxy yet.");
    }

    /** A sample fetch the runtime does not execute refuses the start when the rule is compiled. */
    @Test
    void aFetchNotExecutedIsNamed() throws Exception {
        assertRefused("    http-request set-header X %[ssl_fc_session_id]\n",
                "[ALERT] config : parsing [t.cfg:8] : sample fetch 'ssl_fc_session_id' is not supported by jhaproxy yet.");
    }

    /** Likewise a converter, in an ACL. */
    @Test
    void aConverterNotExecutedIsNamed() throws Exception {
        assertRefused("    acl h req.hdr(host),debug -m found\n    http-request deny if h\n",
                "[ALERT] config : parsing [t.cfg:9] : converter 'debug' is not supported by jhaproxy yet.");
    }

    /** A balance algorithm not executed ("hash") is refused rather than run as round robin. */
    @Test
    void aBalanceOptionNotExecutedIsNamed() throws Exception {
        Path dir = Files.createTempDirectory("start");
        try {
            Files.writeString(dir.resolve("t.cfg"), "defaults\n    mode http\n    timeout connect 1s\n"
                    + "    timeout client 1s\n    timeout server 1s\n\n"
                    + "listen app\n    bind 127.0.0.1:18081\n    balance hash req.cook(x)\n    server s1 127.0.0.1:9\n");
            ProgramRun start = ProgramRun.run(dir, List.of(ProgramRun.jhaproxy().toString(), "-f", "t.cfg", "-db"), Map.of());
            assertEquals(1, start.exitCode(), start.output());
            assertTrue(start.normalized(dir).startsWith("[ALERT] config : parsing [t.cfg:9] : 'balance hash' in 'listen' "
                    + "section is not supported by jhaproxy yet."), start.output());
        } finally {
            CorpusIT.deleteTree(dir);
        }
    }

    /**
     * A peers section with a remote peer would need the peers protocol: refused, naming the
     * remote peer's line; one whose only peer is the local one is not (case 609 runs one).
     */
    @Test
    void aPeersSectionWithARemotePeerIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("start");
        try {
            Files.writeString(dir.resolve("t.cfg"), "global\n    localpeer me\n\n"
                    + "peers p\n    peer me 127.0.0.1:18090\n    peer other 127.0.0.2:18090\n\n"
                    + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 1s\n    timeout server 1s\n\n"
                    + "listen app\n    bind 127.0.0.1:18082\n    stick-table type ip size 1k peers p\n    server s1 127.0.0.1:9\n");
            String reason = "parsing [t.cfg:6] : peers section 'p' has the remote peer 'other': synchronizing stick-tables"
                    + " with other peers (the peers protocol) is not supported by jhaproxy yet.";
            ProgramRun check = ProgramRun.run(dir, List.of(ProgramRun.jhaproxy().toString(), "-c", "-f", "t.cfg"), Map.of());
            assertEquals(0, check.exitCode(), check.output());
            assertTrue(check.output().contains("config : " + reason + " Starting on this configuration would fail.\n"), check.output());
            ProgramRun start = ProgramRun.run(dir, List.of(ProgramRun.jhaproxy().toString(), "-f", "t.cfg", "-db"), Map.of());
            assertEquals(1, start.exitCode(), start.output());
            assertTrue(start.normalized(dir).startsWith("[ALERT] config : " + reason), start.output());
        } finally {
            CorpusIT.deleteTree(dir);
        }
    }

    private static void assertRefused(String rules, String alert) throws Exception {
        Path dir = Files.createTempDirectory("start");
        try {
            Files.writeString(dir.resolve("t.cfg"), "defaults\n    mode http\n    timeout connect 1s\n"
                    + "    timeout client 1s\n    timeout server 1s\n\n"
                    + "frontend fe\n" + rules + "    bind 127.0.0.1:18081\n    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:9\n");
            ProgramRun start = ProgramRun.run(dir, List.of(ProgramRun.jhaproxy().toString(), "-f", "t.cfg", "-db"), Map.of());
            assertEquals(1, start.exitCode(), start.output());
            String out = start.normalized(dir);
            assertTrue(out.startsWith(alert), out);
            assertTrue(!out.contains("Exception"), out);
        } finally {
            CorpusIT.deleteTree(dir);
        }
    }
}
