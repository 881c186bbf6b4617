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

/** proxy_check_errors(): codes named on an errorfiles line that the http-errors section lacks (haproxy 2.6.12's output). */
class ErrorFilesTest {
    @TempDir
    Path dir;

    @Test
    void undeclaredCodesWarnInStatusOrderPerLine() throws Exception {
        Files.createDirectories(dir.resolve("errors"));
        Files.writeString(dir.resolve("errors/503.http"), "HTTP/1.0 503 Service Unavailable\r\n\r\n");
        Files.writeString(dir.resolve("t.cfg"), "http-errors e1\n    errorfile 503 errors/503.http\n"
                + "defaults d1\n    mode http\n    timeout client 1s\n    timeout server 1s\n    timeout connect 1s\n"
                + "    errorfiles e1 500 503 404\n"
                + "listen l\n    bind :8080\n    errorfiles e1 504\n    errorfiles e1\n    server s 127.0.0.1:80\n");
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        List<String> got = diag.messages().stream()
                .filter(m -> m.level() == Diagnostics.Level.ALERT || m.level() == Diagnostics.Level.WARNING)
                .map(m -> m.level() + " " + m.text()).toList();
        assertEquals(List.of(
                "WARNING config: proxy 'l' : status '404' not declared in http-errors section 'e1' (at t.cfg:8).",
                "WARNING config: proxy 'l' : status '500' not declared in http-errors section 'e1' (at t.cfg:8).",
                "WARNING config: proxy 'l' : status '504' not declared in http-errors section 'e1' (at t.cfg:11)."), got);
    }
}
