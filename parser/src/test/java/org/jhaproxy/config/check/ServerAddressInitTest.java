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

/** srv_init_addr(): expected messages and exit codes are haproxy 2.6.12's on a hosts file with only localhost. */
class ServerAddressInitTest {
    @TempDir
    Path dir;

    @Test
    void initAddrMethods() throws Exception {
        String cfg = """
                frontend f
                  bind :8080
                backend b
                  server s1 nohost1:80
                  server s2 nohost2:80 init-addr none
                  server s3 nohost3:80 init-addr libc,10.0.0.1
                  server s4 localhost:80
                  server s5 ipv6@localhost:80 init-addr libc,none
                  server s6 127.1:80
                  server-template t 1-2 nohost4:80
                  server-template u 2 nohost5:80 init-addr last,none
                  server s7 _http._tcp.example:80
                backend c
                  server s1 nohost7:80
                """;
        Files.writeString(dir.resolve("h.cfg"), cfg);
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.Outcome out = ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("h.cfg"));
        List<String> got = diag.messages().stream()
                .filter(m -> m.text().contains("resolve") || m.text().contains("Failed"))
                .map(m -> m.level() + " " + m.text()).toList();
        assertEquals(List.of(
                "ALERT [h.cfg:4] : 'server b/s1' : could not resolve address 'nohost1'.",
                "WARNING [h.cfg:6] : 'server b/s3' : could not resolve address 'nohost3', falling back to configured address.",
                "WARNING [h.cfg:8] : 'server b/s5' : could not resolve address 'localhost', disabling server.",
                "ALERT [h.cfg:10] : 'server b/t1' : could not resolve address 'nohost4'.",
                "ALERT [h.cfg:10] : 'server b/t2' : could not resolve address 'nohost4'.",
                "ALERT [h.cfg:12] : 'server b/s7' : no method found to resolve address '_http._tcp.example'.",
                "ALERT [h.cfg:14] : 'server c/s1' : could not resolve address 'nohost7'.",
                "ALERT Failed to initialize server(s) addr."), got);
        assertEquals(1, out.exitCode());
    }
}
