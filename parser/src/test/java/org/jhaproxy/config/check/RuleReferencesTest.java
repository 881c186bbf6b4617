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

/**
 * The names check_config_validity() resolves after parsing (smp_resolve_args(), check_action_rules(),
 * use-server, peers, cache filters, deferred log-formats); expected texts are haproxy 2.6.12's.
 */
class RuleReferencesTest {
    private static final String DEFAULTS = """
            defaults
              mode http
              timeout connect 5s
              timeout client 30s
              timeout server 30s
            """;

    @TempDir
    Path dir;

    private List<String> run(String cfg) throws Exception {
        Files.writeString(dir.resolve("g.cfg"), cfg);
        Diagnostics diag = Diagnostics.silent();
        Environment env = new Environment(Map.of(), dir);
        ConfigLoader.standard(diag, env).load(List.of("g.cfg"));
        return diag.messages().stream().map(m -> m.level() + " " + m.text()).toList();
    }

    @Test
    void argumentsNamingUnknownSectionsAreReportedTogether() throws Exception {
        List<String> got = run(DEFAULTS + """
                frontend fe
                  bind :80
                  acl site_dead nbsrv(appp) lt 1
                  acl x http_auth(foo)
                  http-request set-header X %[nbsrv(zz)]
                  http-request deny if site_dead x
                  log-format "%[str(a),table_cnt(nosuch)] %[be_conn(nob)]"
                  use_backend %[srv_conn(app/s9)]
                  default_backend app
                backend app
                  server s1 127.0.0.1:8000 check
                """);
        assertEquals(List.of(
                "ALERT Parsing [g.cfg:12]: failed to parse log-format : failed to parse sample expression "
                        + "<str(a),table_cnt(nosuch)] %[be_conn(nob)]> : unknown converter 'table_cnt'.",
                "ALERT multiple argument resolution errors:\n"
                        + "        parsing [g.cfg:8]: unable to find backend 'appp' referenced in arg 1 of ACL keyword 'nbsrv' in proxy 'fe'.\n"
                        + "        parsing [g.cfg:9]: unable to find userlist 'foo' referenced in arg 1 of ACL keyword 'http_auth' in proxy 'fe'.\n"
                        + "        parsing [g.cfg:10]: unable to find backend 'zz' referenced in arg 1 of sample fetch keyword 'nbsrv' "
                        + "in http-request expression in proxy 'fe'.\n"
                        + "        parsing [g.cfg:13]: unable to find server 's9' in proxy 'app', referenced in arg 1 of sample fetch "
                        + "keyword 'srv_conn' in use_backend expression in proxy 'fe'.",
                "ALERT Fatal errors found in configuration."), got);
    }

    @Test
    void singleResolutionErrorIsOneLine() throws Exception {
        List<String> got = run("""
                userlist admins
                  user alice insecure-password wonderland
                """ + DEFAULTS + """
                frontend fe
                  bind :80
                  acl authed http_auth(administrators)
                  http-request auth unless authed
                  default_backend be
                backend be
                  server s1 127.0.0.1:8000
                """);
        assertEquals(List.of(
                "ALERT parsing [g.cfg:10]: unable to find userlist 'administrators' referenced in arg 1 of ACL keyword 'http_auth' in proxy 'fe'.",
                "ALERT Fatal errors found in configuration."), got);
    }

    @Test
    void actionTargetsCapturesCachesAndPeers() throws Exception {
        List<String> got = run(DEFAULTS + """
                frontend fe
                  bind :80
                  declare capture request len 40
                  declare capture response len 40
                  stick-table type ip size 100k peers nopeers store http_req_rate(10s)
                  tcp-request content track-sc0 src table nosuch
                  tcp-request content track-sc1 req.hdr(host)
                  http-request track-sc1 src table fe
                  http-request capture req.hdr(X) id 1
                  http-response capture res.hdr(X) id 2
                  http-request cache-use c1
                  filter cache c2
                  default_backend app
                backend app
                  use-server s3 if TRUE
                  server s1 127.0.0.1:8000 check
                """);
        assertEquals(List.of(
                "ALERT Proxy 'fe': unable to find table 'nosuch' referenced by track-sc0.",
                "WARNING frontend 'fe' : a 'tcp-request content track-sc*' rule explicitly depending on request contents without any "
                        + "'tcp-request inspect-delay' setting. This means that this rule will randomly find its contents. This can be "
                        + "fixed by setting the tcp-request inspect-delay.",
                "ALERT Proxy 'fe': unable to find capture id '1' referenced by http-request capture rule.",
                "ALERT Proxy 'fe': unable to find capture id '2' referenced by http-response capture rule.",
                "ALERT Proxy 'fe': unable to find sync peers 'nopeers'.",
                "ALERT config: frontend 'fe': unable to find the cache 'c1' referenced by the filter 'cache'.",
                "ALERT config: frontend 'fe': unable to find the cache 'c2' referenced by the filter 'cache'.",
                "ALERT backend 'app' : unable to find server 's3' referenced in a 'use-server' rule.",
                "ALERT Fatal errors found in configuration."), got);
    }

    @Test
    void sessionLevelTrackingWarningInHttpFrontends() throws Exception {
        List<String> got = run(DEFAULTS + """
                frontend fe
                  bind :80
                  stick-table type ip size 1m
                  tcp-request content track-sc1 src
                  default_backend app
                backend app
                  server s1 127.0.0.1:8000
                """);
        assertEquals(List.of("WARNING frontend 'fe' : a 'tcp-request content track-sc*' rule not depending on request contents for an "
                + "HTTP frontend should be executed at the session level, using a 'tcp-request session' rule (mandatory to track "
                + "invalid HTTP requests)."), got);
    }

    @Test
    void logFormatIsCompiledAfterParsing() throws Exception {
        List<String> got = run(DEFAULTS + """
                frontend fe
                  bind :80
                  log 127.0.0.1 local0
                  log-format "%ci [%tr] %trg %trl %Ta %Th %Ti %Tr %ST %Bx"
                  default_backend app
                backend app
                  server s1 127.0.0.1:8000
                """);
        assertEquals(List.of("ALERT Parsing [g.cfg:9]: failed to parse log-format : no such format variable 'Bx'. "
                + "If you wanted to emit the '%' character verbatim, you need to use '%%'.",
                "ALERT Fatal errors found in configuration."), got);
    }

    @Test
    void serversOfTemplatesAreFound() throws Exception {
        List<String> got = run(DEFAULTS + """
                frontend fe
                  bind :80
                  acl up srv_is_up(app/web2)
                  acl up2 srv_is_up(app/web05)
                  http-request deny if !up !up2
                  default_backend app
                backend app
                  use-server web3 if TRUE
                  server-template web 1-3 127.0.0.1:8000
                """);
        assertEquals(List.of("ALERT parsing [g.cfg:9]: unable to find server 'web05' in proxy 'app', referenced in arg 1 of "
                + "ACL keyword 'srv_is_up' in proxy 'fe'.",
                "ALERT Fatal errors found in configuration."), got);
    }
}
