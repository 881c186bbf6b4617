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

/** The server checks of check_config_validity(); expected texts are haproxy 2.6.12's for the same file. */
class ServerChecksTest {
    @TempDir
    Path dir;

    private List<String> run(String cfg) throws Exception {
        Files.writeString(dir.resolve("g.cfg"), cfg);
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("g.cfg"));
        return diag.messages().stream().map(m -> m.level() + " " + m.text()).toList();
    }

    @Test
    void sslTrackAndDuplicateNames() throws Exception {
        List<String> got = run("""
                defaults
                  mode http
                  timeout client 1s
                  timeout server 1s
                  timeout connect 1s
                frontend f
                  bind :8080
                  default_backend b
                backend b
                  server s1 1.2.3.4:80 ssl crt x.pem
                  server s2 1.2.3.4:80 crt y.pem
                  server s3 1.2.3.4:80 track b/nope
                  server s4 1.2.3.4:80
                  server s4 1.2.3.5:80
                  server s5 1.2.3.4:80 check-ssl ca-file @system-ca
                  server s6 1.2.3.4:80 ssl verify required
                """);
        String verify = "verify is enabled by default but no CA file specified. If you're running on a LAN where you're"
                + " certain to trust the server's certificate, please set an explicit 'verify none' statement on the 'server'"
                + " line, or use 'ssl-server-verify none' in the global section to disable server-side verifications by default.";
        assertEquals(List.of(
                "ALERT parsing [g.cfg:14] : backend 'b', another server named 's4' was already defined at line 13, please use distinct names.",
                "ALERT [g.cfg:10] : 'server b/s1' : unable to stat SSL certificate from file 'x.pem' : No such file or directory.",
                "ALERT " + verify,
                "ALERT [g.cfg:12] : 'server b/s3' : unable to find required server 'nope' for tracking.",
                "ALERT [g.cfg:16] : 'server b/s6' : " + verify,
                "ALERT Fatal errors found in configuration."), got);
    }

    @Test
    void cookiesOfTcpServersAreIgnored() throws Exception {
        List<String> got = run("""
                defaults
                  timeout client 1s
                  timeout server 1s
                  timeout connect 1s
                frontend f
                  bind :8080
                  default_backend b
                backend b
                  server s1 127.0.0.1:80 cookie a
                """);
        assertEquals(List.of("WARNING backend 'b' : ignoring cookie for server 's1' as HTTP mode is disabled."), got);
    }

    @Test
    void missingServerStateFiles() throws Exception {
        List<String> got = run("""
                global
                  server-state-file nostate
                defaults
                  timeout client 1s
                  timeout server 1s
                  timeout connect 1s
                  load-server-state-from-file global
                frontend f
                  bind :8080
                  default_backend b
                backend b
                  server s1 127.0.0.1:80
                backend c
                  load-server-state-from-file local
                  server s1 127.0.0.1:80
                """);
        assertEquals(List.of("WARNING config: Can't open global server state file 'nostate': No such file or directory",
                "WARNING Proxy 'c': Can't open server state file 'c': No such file or directory."), got);
    }

    @Test
    void sslBindsNeedACertificateAndACaToVerify() throws Exception {
        Path certs = dir.resolve("full.pem");
        Files.writeString(certs, "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n"
                + "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n");
        List<String> got = run("""
                frontend f
                  bind :8443 ssl
                  bind :8444 ssl strict-sni
                  bind :8445 ssl crt full.pem verify required
                  timeout client 1s
                  default_backend b
                backend b
                  timeout server 1s
                  timeout connect 1s
                  server s1 127.0.0.1:80
                """);
        String verify = "Proxy 'f': verify is enabled but no CA file specified for bind ':8445' at [g.cfg:4].";
        assertEquals(List.of(
                "ALERT Proxy 'f': no SSL certificate specified for bind ':8443' at [g.cfg:2] (use 'crt').",
                "WARNING Proxy 'f': no SSL certificate specified for bind ':8444' at [g.cfg:3], ssl connections will fail (use 'crt').",
                "ALERT " + verify + "\n" + verify,
                "ALERT Fatal errors found in configuration."), got);
    }
}
