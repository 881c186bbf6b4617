package org.jhaproxy.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "balance hash" expressions compiled after parsing: the first message must be haproxy 2.6.12's. */
class BalanceHashTest {
    @TempDir
    Path dir;

    private static final String HEAD = "defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\n"
            + "listen l\n  bind :8080\n  ";
    private static final String TAIL = "\n  server s 127.0.0.1:80\n";

    private static final String[][] CASES = {
            {"balance hash req.cookie(sid)", "ALERT parsing [t.cfg:9]: Missing LF on last line, file might have been truncated at position 24."},
            {"balance hash res.hdr(x)", "ALERT parsing [t.cfg:9]: Missing LF on last line, file might have been truncated at position 24."},
            {"balance hash req.payload(0,4)", "ALERT parsing [t.cfg:9]: Missing LF on last line, file might have been truncated at position 24."},
            {"balance hash src,nosuch", "ALERT parsing [t.cfg:9]: Missing LF on last line, file might have been truncated at position 24."},
            {"balance hash req.hdr(host),lower", ""},
    };

    @Test
    void firstMessageIsHaproxys() throws Exception {
        for (String[] c : CASES) {
            Files.writeString(dir.resolve("t.cfg"), HEAD + c[0] + TAIL);
            Diagnostics diag = Diagnostics.silent();
            ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
            List<String> got = diag.messages().stream()
                    .filter(m -> m.level() == Diagnostics.Level.ALERT || m.level() == Diagnostics.Level.WARNING)
                    .map(m -> m.level() + " " + m.text()).toList();
            assertEquals(c[1], got.isEmpty() ? "" : got.get(0), c[0]);
        }
    }
}
