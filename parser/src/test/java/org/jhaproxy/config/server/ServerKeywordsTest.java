package org.jhaproxy.config.server;

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
 * bind / server / default-server / server-template lines: each expected message is the one
 * haproxy 2.6.12 prints for the same line (configuration.txt sections 4.2 "bind", 5.1 and 5.2).
 */
class ServerKeywordsTest {
    @TempDir
    Path dir;

    private List<String> messages(String cfg) throws Exception {
        Files.writeString(dir.resolve("t.cfg"), cfg);
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return diag.messages().stream().map(m -> m.level() + " " + m.text()).toList();
    }

    private String first(String cfg) throws Exception {
        return messages(cfg).get(0);
    }

    @Test
    void bindAddressErrors() throws Exception {
        assertEquals("ALERT parsing [t.cfg:2] : 'bind' : invalid address: 'foo.invalid' in 'foo.invalid:80'",
                first("frontend f\n  bind foo.invalid:80\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind' : missing port specification in '1.2.3.4'",
                first("frontend f\n  bind :80,1.2.3.4\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.",
                first("frontend f\n  bind\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind' not allowed in 'defaults' section.",
                first("defaults\n  bind :80\n"));
    }

    @Test
    void bindOptions() throws Exception {
        assertEquals("ALERT parsing [t.cfg:2] : 'bind :443' in section 'frontend' : unable to stat SSL certificate from file 'pub1.pem' : No such file or directory.",
                first("frontend f\n  bind :443 ssl crt pub1.pem\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind :81' in section 'frontend': unknown keyword 'foo'; did you mean 'tfo' maybe ?",
                first("frontend f\n  bind :81 foo\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind :82' in section 'frontend' : 'maxconn' : missing value",
                first("frontend f\n  bind :82 maxconn\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind :83' in section 'listen' : 'crt' : missing certificate location",
                first("listen f\n  bind :83 ssl crt\n"));
        assertEquals("ALERT parsing [t.cfg:2] : 'bind :81' in section 'frontend' : 'crt-list' : cannot open file '/x.lst' : No such file or directory",
                first("frontend f\n  bind :81 ssl crt-list /x.lst\n"));
        assertEquals(List.of("ALERT Couldn't open the ca-file 'x.pem' (No such file or directory).",
                        "ALERT parsing [t.cfg:2] : 'bind :87' in section 'frontend' : 'ca-file' : unable to load x.pem"),
                messages("frontend f\n  bind :87 ca-file x.pem\n").subList(0, 2));
        assertEquals("WARNING parsing [t.cfg:2] : 'bind :86' in section 'frontend' : 'process 1' on 'bind' lines is deprecated and will be removed in 2.7.",
                first("frontend f\n  bind :86 process 1\n"));
    }

    @Test
    void bindCertificateFromADirectoryIsAccepted() throws Exception {
        Files.createDirectory(dir.resolve("certs"));
        List<String> m = messages("frontend f\n  bind :443 ssl crt certs\n");
        assertEquals(false, m.stream().anyMatch(s -> s.contains("SSL certificate")), m.toString());
    }

    @Test
    void serverErrors() throws Exception {
        assertEquals("ALERT [t.cfg:2] : 'server be/s1' : invalid port '99999'",
                first("backend be\n  server s1 127.0.0.1:99999\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s4' : invalid character 'x' in port number 'x' in '1.2.3.4:x'\n",
                first("backend b\n  server s4 1.2.3.4:x\n"));
        assertEquals("ALERT [t.cfg:2] : 'server' expects <name> and <addr>[:<port>] as arguments.",
                first("backend b\n  server s5\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s1' : unknown keyword 'wieght'; did you mean 'weight' maybe ?",
                first("backend b\n  server s1 1.2.3.4:80 wieght 3\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s4' : 'inter' expects a delay as argument..",
                first("backend b\n  server s4 1.2.3.4:80 inter\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s5' : unexpected character 'x' in 'agent-inter' argument of server s5..",
                first("backend b\n  server s5 1.2.3.4:80 inter 3x\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s7' : unable to enable checks and tracking at the same time!",
                first("backend b\n  server s7 1.2.3.4:80 check track b/s1\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s9' : 'init-addr' : unknown init-addr method 'foo', supported methods are 'libc', 'last', 'none'..",
                first("backend b\n  server s9 1.2.3.4:80 init-addr foo\n"));
        assertEquals("ALERT [t.cfg:2] : character '@' is not permitted in server name 's@'.",
                first("backend b\n  server s@ 1.2.3.4:80\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s4' : 'source 1.2.3.4:80-x' : invalid port range '80-0'.",
                first("backend b\n  server s4 1.2.3.4:80 source 1.2.3.4:80-x\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s17' : weight of server s17 is not within 0 and 256 (300)..",
                first("backend b\n  server s17 1.2.3.4:80 weight 300\n"));
        assertEquals("ALERT [t.cfg:2] : 'server b/s18' : unexpected character '.",
                first("backend b\n  server s18 1.2.3.4:80 slowstart\n"));
        assertEquals("ALERT [t.cfg:2] : parsing [t.cfg:2] : 'server' not allowed because frontend 'f' has no backend capability.",
                first("frontend f\n  server x 1.2.3.4:80\n"));
    }

    @Test
    void defaultServerAndTemplates() throws Exception {
        assertEquals("ALERT [t.cfg:2] : unknown keyword 'foo'; did you mean 'tfo' maybe ? Hint: no address was expected for this server.",
                first("defaults\n  default-server inter 3s foo\n"));
        assertEquals("ALERT [t.cfg:2] : 'id' option is not accepted in default-server sections",
                first("defaults\n  default-server id 3\n"));
        assertEquals("ALERT [t.cfg:2] : Wrong server-template number or range arg 'x'.",
                first("backend b\n  server-template srv x 1.2.3.4:80\n"));
        assertEquals("ALERT [t.cfg:2] : 'server-template' expects <prefix> <nb | range> <addr>[:<port>] as arguments.",
                first("backend b\n  server-template srv 3\n"));
    }
}
