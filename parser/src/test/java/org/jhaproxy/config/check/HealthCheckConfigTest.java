package org.jhaproxy.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jhaproxy.config.global.CheckRun;
import org.junit.jupiter.api.Test;

/**
 * tcp-check/http-check rule parsing (tcpcheck.c), init_srv_check()'s port requirement, the
 * use-fcgi-app keyword and the bind options of "stats socket"; every expected text is
 * haproxy 2.6.12's output for the same file.
 */
class HealthCheckConfigTest {
    private static final String DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

    private static CheckRun backend(String lines) {
        return CheckRun.of(DEFAULTS + "backend be\n" + lines + "frontend fe\n    bind :80\n    default_backend be\n");
    }

    @Test
    void httpCheckExpectRejectsUnknownPattern() {
        CheckRun r = backend("    option httpchk GET /health\n    http-check expect code 200\n    server s1 127.0.0.1:8000 check\n");
        assertEquals(1, r.exitCode());
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'http-check expect' : 'only supports min-recv, [!]string', '[!]rstring',"
                + " '[!]string-lf', '[!]status', '[!]rstatus', [!]hdr, [!]fhdr or comment but got 'code' as argument..", r.lines().get(0));
    }

    @Test
    void expectStatusListAndRegexAreChecked() {
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'http-check expect' : invalid character 'x' in the list of status codes.",
                backend("    option httpchk\n    http-check expect status 2x0\n    server s1 127.0.0.1:80 check\n").lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'tcp-check expect' : regex '(abc' is invalid"
                + " (error=missing closing parenthesis, erroffset=4).",
                backend("    option tcp-check\n    tcp-check expect rstring (abc\n    server s1 127.0.0.1:80 check\n").lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'tcp-check expect' : 'only supports min-recv, '[!]binary', '[!]string',"
                + " '[!]rstring', '[!]string-lf''[!]rbinary', '[!]binary-lf' or comment but got 'status' as argument..",
                backend("    option tcp-check\n    tcp-check expect status 200\n    server s1 127.0.0.1:80 check\n").lines().get(0));
    }

    @Test
    void connectAndSendArguments() {
        assertEquals("[ALERT]    config : parsing [t.cfg:9] : 'tcp-check connect' : first step MUST also be a 'connect', optionally preceded"
                + " by a 'set-var', an 'unset-var' or a 'comment', when there is a 'connect' step in the tcp-check ruleset.",
                backend("    option tcp-check\n    tcp-check send x\n    tcp-check connect\n    server s1 127.0.0.1:80 check\n").lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'http-check connect' : expects a valid TCP port (from range 1 to 65535)"
                + " or a sample expression, got 99999..",
                backend("    option httpchk\n    http-check connect port 99999\n    server s1 127.0.0.1:80 check\n").lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'http-check send' : 'hdr' expects <name> and <value> as arguments.",
                backend("    option httpchk\n    http-check send hdr host\n    server s1 127.0.0.1:80 check\n").lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'tcp-check send-binary' : 'zz' invalid binary string"
                + " (an hex digit is expected (found 'z')).",
                backend("    option tcp-check\n    tcp-check send-binary zz\n    server s1 127.0.0.1:80 check\n").lines().get(0));
    }

    @Test
    void setVarActionsArePrefixKeywords() {
        CheckRun r = backend("    option tcp-check\n    tcp-check set-var(check.x) int(1)\n    tcp-check connect port 80\n"
                + "    server s1 127.0.0.1 check\n");
        assertEquals(0, r.exitCode());
        assertEquals("[ALERT]    config : parsing [t.cfg:8] : 'tcp-check set-var(txn.x)' : 'set-var' : missing fetch method.",
                backend("    option tcp-check\n    tcp-check set-var(txn.x)\n").lines().get(0));
    }

    @Test
    void checkedServerNeedsAPort() {
        CheckRun r = backend("    server s1 127.0.0.1 check port 80\n    server s2 127.0.0.1:+1 check\n");
        assertEquals(List.of("[ALERT]    config : config: backend 'be': server 's2' has neither service port nor check port.",
                "[ALERT]    config : Fatal errors found in configuration."), r.lines());
        assertEquals("[ALERT]    config : config: backend 'be': server 's1' has neither service port nor check port nor tcp_check"
                + " rule 'connect' with port information.",
                backend("    option httpchk\n    server s1 127.0.0.1 check\n").lines().get(0));
        assertEquals(0, backend("    option tcp-check\n    tcp-check connect port 80\n    server s1 127.0.0.1 check\n").exitCode());
        assertEquals("[ALERT]    config : config: backend 'be': server 's1' has neither service port nor check port, and a tcp_check"
                + " rule 'connect' with no port information.",
                backend("    option tcp-check\n    tcp-check connect port 80\n    tcp-check connect\n    server s1 127.0.0.1 check\n")
                        .lines().get(0));
    }

    @Test
    void serverOnTheAnyAddressNeedsNoPort() {
        assertEquals(0, backend("    option httpchk\n    server s1 0.0.0.0 check\n    server s2 : check\n").exitCode());
    }

    @Test
    void implicitConnectOfTheSharedRulesetIsSeenByLaterBackends() {
        CheckRun r = CheckRun.of(DEFAULTS + "backend a\n    server x 127.0.0.1:80\nbackend b\n    server x 127.0.0.1 check\n");
        assertEquals("[ALERT]    config : config: backend 'b': server 'x' has neither service port nor check port nor tcp_check"
                + " rule 'connect' with port information.", r.lines().get(0));
    }

    @Test
    void useFcgiApp() {
        String app = "fcgi-app php\n    docroot /var/www\n";
        assertEquals(0, CheckRun.of(app + DEFAULTS + "frontend fe\n    bind :80\n    default_backend b\n"
                + "backend b\n    use-fcgi-app php\n    server s 127.0.0.1:9000 proto fcgi\n").exitCode());
        assertEquals("[ALERT]    config : proxy 'b' : fcgi-app 'nope' not found.", CheckRun.of(app + DEFAULTS
                + "frontend fe\n    bind :80\n    default_backend b\nbackend b\n    use-fcgi-app nope\n    server s 127.0.0.1:9000 proto fcgi\n")
                .lines().get(0));
        assertEquals("[ALERT]    config : proxy 'b': FCGI server 's' has no FCGI app configured.", CheckRun.of(app + DEFAULTS
                + "frontend fe\n    bind :80\n    default_backend b\nbackend b\n    server s 127.0.0.1:9000 proto fcgi\n").lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:9] : 'use-fcgi-app' only available in backend or listen section",
                CheckRun.of(app + DEFAULTS + "frontend fe\n    use-fcgi-app php\n").lines().get(0));
    }

    @Test
    void statsSocketOptionsAreBindKeywords() {
        String rest = "listen app\n    bind :80\n    timeout client 1s\n    timeout connect 1s\n    timeout server 1s\n";
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'stats socket' : ''level' only supports 'user', 'operator', and 'admin'"
                + " (got 'superadmin')'", CheckRun.of("global\n    stats socket ipv4@127.0.0.1:9999 level superadmin\n" + rest).lines().get(0));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'stats socket' : unknown keyword 'levle'. Did you mean 'level' maybe ?",
                CheckRun.of("global\n    stats socket /tmp/x.sock levle admin\n" + rest).lines().get(0));
        assertEquals(0, CheckRun.of("global\n    stats socket /tmp/x.sock mode 600 level admin expose-fd listeners\n" + rest).exitCode());
    }
}
