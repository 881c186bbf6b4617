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
            {"balance hash req.cookie(sid)", "ALERT proxy 'l' [t.cfg:6]: failed to parse 'balance hash' expression 'req.cookie(sid)' in : unknown fetch method 'req.cookie'."},
            {"balance hash res.hdr(x)", "ALERT proxy 'l' [t.cfg:6]: error detected while parsing 'balance hash' expression 'res.hdr(x)' which requires information from HTTP response headers, which is not available here."},
            {"balance hash req.payload(0,4)", "WARNING proxy 'l' [t.cfg:6]: L6 sample fetch <req.payload(0,4)> will be ignored in 'balance hash' expression in HTTP mode."},
            {"balance hash src,nosuch", "ALERT proxy 'l' [t.cfg:6]: failed to parse 'balance hash' expression 'src,nosuch' in : unknown converter 'nosuch'."},
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
