package org.jhaproxy.config.rules;

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
 * ACLs, conditions, sample expressions, log-formats and rule keywords (configuration.txt
 * sections 4.2 and 7): each line is put at line 8 of the same small configuration, and the first
 * message must be the one haproxy 2.6.12 prints for it ("" when it accepts the line silently).
 */
class RuleKeywordsTest {
    @TempDir
    Path dir;

    private static final String HEAD = "defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\n"
            + "frontend f\n  bind :8080\n  ";
    private static final String TAIL = "\n  default_backend b\nbackend b\n  server s 127.0.0.1:80\n";

    /** {line, first ALERT/WARNING as haproxy prints it after "config : "}. */
    private static final String[][] CASES = {
            {"http-request set-header X %[req.hdr(host),lowr]", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-header' rule : failed to parse sample expression <req.hdr(host),lowr]> : unknown converter 'lowr'."},
            {"http-request set-header X %[req.hdr(host)", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-header' rule : missing ']' after 'req.hdr(host)'."},
            {"http-request set-header X %[nosuch]", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-header' rule : failed to parse sample expression <nosuch]> : unknown fetch method 'nosuch'."},
            {"http-request set-header X %[src,map(/nonexist)]", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-header' rule : failed to parse sample expression <src,map(/nonexist)]> : invalid args in converter 'map' : failed to open pattern file </nonexist>."},
            {"http-request set-header X 50%", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-header' rule : truncated line after '%'."},
            {"http-request set-var(foo) src", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-var(foo)' rule : invalid variable name 'foo'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'."},
            {"http-request set-var(txn.f-o) src", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-var(txn.f-o)' rule : invalid syntax at char '-o)'."},
            {"http-request track-sc3 src", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request track-sc3' rule : 3 track-sc number exceeding 2 (MAX_SESS_STKCTR-1) value."},
            {"http-request deny if { src foo..bar }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : 'foo..bar' is not a valid IPv4 or IPv6 address."},
            {"http-request deny if { req.hdr_cnt(x) gt abc }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : 'abc' is neither a number nor a supported operator."},
            {"http-request deny if { req.hdr_cnt(x) 3:1 }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : '3:1' is not a valid number range."},
            {"http-request deny if { path -m foo /x }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : unknown matching method 'foo' when parsing ACL expression."},
            {"http-request deny if { path -f /nonexist }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : failed to open pattern file </nonexist>."},
            {"http-request deny if { path -z /x }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : '-z' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'."},
            {"http-request deny if { nosuch }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : unknown fetch method 'nosuch' in ACL expression 'nosuch'."},
            {"http-request deny if { path,lower /a }", ""},
            {"http-request deny if { path,nosuch /a }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : ACL keyword 'path' : unknown converter 'nosuch'.."},
            {"http-request deny if { path lower", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : missing closing '}' in condition."},
            {"http-request deny foo", "ALERT parsing [t.cfg:8]: 'http-request deny' expects either 'if' or 'unless' followed by a condition but found 'foo'."},
            {"http-request redirect location /x code 305", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request redirect' rule : 'code': unsupported HTTP code '305' (must be one of 301, 302, 303, 307 or 308)."},
            {"http-request redirect foo /x", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request redirect' rule : expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', 'drop-query', 'ignore-empty' or 'append-slash' (was 'foo')."},
            {"http-request capture req.hdr(host) foo 3", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request capture' rule : expects 'len' or 'id', found 'foo'."},
            {"http-request use-service prometheus-exporter", ""},
            {"tcp-request inspect-delay 5x", "ALERT parsing [t.cfg:8] : 'tcp-request inspect-delay' expects a positive delay in milliseconds, in frontend 'f' (unexpected character 'x')"},
            {"tcp-request content capture src", "ALERT parsing [t.cfg:8] : 'tcp-request content capture' : a positive 'len' argument is mandatory"},
            {"tcp-request session expect-proxy layer4", "ALERT parsing [t.cfg:8] : 'expect-proxy layer4' is not allowed in 'tcp-request session' rules in frontend 'f'"},
            {"tcp-request", "ALERT parsing [t.cfg:8] : missing argument for 'tcp-request' in frontend 'f'"},
            {"acl a path /x", ""},
            {"acl a! path", "ALERT parsing [t.cfg:8] : character '!' is not permitted in acl name 'a!'."},
            {"acl or path /x", "ALERT parsing [t.cfg:8] : acl name 'or' will never match. 'or' is used to express a logical disjunction within a condition."},
            {"acl a ssl_fc 1", ""},
            {"use_backend", "ALERT parsing [t.cfg:8] : 'use_backend' expects a backend name."},
            {"monitor fail if TRUE", ""},
            {"stick on src", "WARNING parsing [t.cfg:8] : 'stick' ignored because frontend 'f' has no backend capability."},
            {"filter compression", ""},
            {"filter spoe", "ALERT parsing [t.cfg:8] : 'filter' : ''spoe' : missing config file'"},
    };

    private List<String> messages(String cfg) throws Exception {
        Files.writeString(dir.resolve("t.cfg"), cfg);
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return diag.messages().stream()
                .filter(m -> m.level() == Diagnostics.Level.ALERT || m.level() == Diagnostics.Level.WARNING)
                .map(m -> m.level() + " " + m.text()).toList();
    }

    @Test
    void firstMessageIsHaproxys() throws Exception {
        for (String[] c : CASES) {
            List<String> got = messages(HEAD + c[0] + TAIL);
            assertEquals(c[1], got.isEmpty() ? "" : got.get(0), c[0]);
        }
    }

    @Test
    void unknownHttpActionListsTheActions() throws Exception {
        String got = messages(HEAD + "http-request lua.foo" + TAIL).get(0);
        assertEquals("ALERT parsing [t.cfg:8]: 'http-request' expects 'wait-for-handshake', 'ot-group', 'set-log-level', 'set-nice', "
                + "'use-service', 'sc-inc-gpc(*)', 'sc-inc-gpc0(*)', 'sc-inc-gpc1(*)', 'sc-set-gpt(*)', 'sc-set-gpt0(*)', "
                + "'send-spoe-group', 'do-resolve(*)', 'cache-use', 'add-acl(*)', 'add-header', 'allow', 'auth', 'capture', "
                + "'del-acl(*)', 'del-header', 'del-map(*)', 'deny', 'disable-l7-retry', 'early-hint', 'normalize-uri', "
                + "'redirect', 'reject', 'replace-header', 'replace-path', 'replace-pathq', 'replace-uri', 'replace-value', "
                + "'return', 'set-header', 'set-map(*)', 'set-method', 'set-path', 'set-pathq', 'set-query', 'set-uri', "
                + "'strict-mode', 'tarpit', 'track-sc(*)', 'set-timeout', 'wait-for-body', 'set-var-fmt(*)', 'set-var(*)', "
                + "'unset-var(*)', 'set-dst', 'set-dst-port', 'set-mark', 'set-src', 'set-src-port', 'set-tos', 'silent-drop', "
                + "'set-priority-class', 'set-priority-offset', but got 'lua.foo'.", got);
    }

    @Test
    void undefinedAclInACondition() throws Exception {
        assertEquals("ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : no such ACL : 'is_foo'.",
                messages(HEAD + "http-request deny if is_foo" + TAIL).get(0));
        assertEquals("ALERT parsing [t.cfg:8] : error detected while parsing ACL 'is_foo' : unknown fetch method 'no_such_fetch' in ACL expression 'no_such_fetch'.",
                messages(HEAD + "acl is_foo no_such_fetch" + TAIL).get(0));
    }

    @Test
    void predefinedAclsAndOperators() throws Exception {
        assertEquals(List.of(), messages(HEAD + "http-request deny if METH_POST or ! LOCALHOST || !HTTP_1.1" + TAIL));
    }

    @Test
    void dynamicUseBackendIsCompiledLate() {
        Diagnostics diag = Diagnostics.silent();
        org.jhaproxy.config.source.ParseContext ctx = new org.jhaproxy.config.source.ParseContext(diag,
                new org.jhaproxy.config.model.ConfigBuilder(), new Environment(Map.of(), dir));
        org.jhaproxy.config.model.Position at = new org.jhaproxy.config.model.Position("t.cfg", 22);
        org.jhaproxy.config.model.ProxyBuilder px = new org.jhaproxy.config.model.ProxyBuilder("frontend", "fe",
                java.util.EnumSet.of(org.jhaproxy.config.model.ProxyCapability.FRONTEND), at);
        String name = "%[str(example.com),map(/tmp/maps/mapfile1.map)]";
        assertEquals(1, LateRuleChecks.compileUseBackend(ctx, px, new org.jhaproxy.config.model.BackendRef(name, at, true)));
        assertEquals("Parsing [t.cfg:22]: failed to parse use_backend rule '%[str(example.com),map(/tmp/maps/mapfile1.map)]' : "
                + "failed to parse sample expression <str(example.com),map(/tmp/maps/mapfile1.map)]> : invalid args in converter "
                + "'map' : failed to open pattern file </tmp/maps/mapfile1.map>.", diag.messages().get(0).text());
        assertEquals(0, LateRuleChecks.compileUseBackend(ctx, px, new org.jhaproxy.config.model.BackendRef("be_%[req.hdr(host),lower]", at, true)));
    }

    @Test
    void stickRulesNeedTheirTable() throws Exception {
        Files.writeString(dir.resolve("t.cfg"), "backend bb\n  stick on src table nosuch\n  stick store-response src\n"
                + "backend tt\n  stick-table type ip size 1k\n  stick on src\n");
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.Outcome out = ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        Diagnostics late = Diagnostics.silent();
        org.jhaproxy.config.source.ParseContext ctx = new org.jhaproxy.config.source.ParseContext(late, out.builder(),
                new Environment(Map.of(), dir));
        int errors = 0;
        for (org.jhaproxy.config.model.ProxyBuilder px : out.builder().proxies()) {
            errors += LateRuleChecks.checkStickRules(ctx, px);
        }
        assertEquals(2, errors);
        assertEquals(List.of("Proxy 'bb': unable to find stick-table 'nosuch'.", "Proxy 'bb': unable to find store table 'bb'."),
                late.messages().stream().map(Diagnostics.Message::text).toList());
    }
}
