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
 * Action arguments HAProxy checks while parsing (set-timeout, set-log-level, set-nice,
 * sc-inc-gpc*, sc-set-gpt*), stick-table arguments, variable names, bind thread sets and ids, and filter options: the first message must be haproxy 2.6.12's.
 */
class ActionArgumentsTest {
    @TempDir
    Path dir;

    private static final String DEFAULTS = "defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\n";
    private static final String FE_HEAD = DEFAULTS + "frontend f\n  bind :8080\n  ";
    private static final String FE_TAIL = "\n  default_backend l\nbackend l\n  server s 127.0.0.1:80\n";
    private static final String LISTEN_HEAD = DEFAULTS + "listen l\n  bind :8080\n  ";
    private static final String LISTEN_TAIL = "\n  server s 127.0.0.1:80\n";

    /** Lines in a frontend (no backend capability). */
    private static final String[][] IN_FRONTEND = {
            {"http-request set-timeout server 5s", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-timeout' rule : proxy 'f' has no backend capability."},
            {"filter trace name", "ALERT parsing [t.cfg:8] : 'filter' : ''trace' : 'name' option without value'"},
            {"filter cache", "ALERT parsing [t.cfg:8] : 'filter' : 'cache : expects a <name> argument'"},
            {"filter cache c extra", "ALERT parsing [t.cfg:8] : 'filter cache' : unknown keyword 'extra'."},
            {"http-request set-log-level verbose", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request set-log-level' rule : expects exactly 1 argument (log level name or 'silent')."},
            {"http-request sc-inc-gpc0(5)", "ALERT parsing [t.cfg:8] : error detected in frontend 'f' while parsing 'http-request sc-inc-gpc0(5)' rule : invalid stick table track ID. The max allowed ID is 2."},
    };

    /** Lines in a listen section. */
    private static final String[][] IN_LISTEN = {
            {"http-request wait-for-body at-least 1k", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request wait-for-body' rule : expects time <time> [ at-least <bytes> ]."},
            {"http-request wait-for-body time 1x", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request wait-for-body' rule : unexpected character 'x'."},
            {"http-request wait-for-body time 1s at-least 10k if METH_POST", ""},
            {"http-request set-header X %[str(a),json(foo)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <str(a),json(foo)]> : invalid args in converter 'json' : Unexpected input code type. Allowed value are 'ascii', 'utf8', 'utf8s', 'utf8p' and 'utf8ps'."},
            {"http-request set-header X %[str(a),sha2(100),hex]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <str(a),sha2(100),hex]> : invalid args in converter 'sha2' : Unsupported number of bits: '100'."},
            {"http-request set-header X %[str(a),concat(-,foo)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <str(a),concat(-,foo)]> : invalid args in converter 'concat' : failed to register variable name 'foo'."},
            {"http-request deny if { str(x),strcmp(a) eq 0 }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : invalid args in converter 'strcmp' : failed to register variable name 'a' in ACL expression 'str(x),strcmp(a)'."},
            {"http-request set-header X %[path,word(0,/)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <path,word(0,/)]> : invalid args in converter 'word' : Unexpected value 0 for index."},
            {"http-request set-header X %[path,field(1,)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <path,field(1,)]> : invalid args in converter 'field' : Empty separators list."},
            {"bind :81 thread 100", "ALERT parsing [t.cfg:8] : 'bind :81' in section 'listen' : '100' : '100' is not a valid number/range. It supports numbers from 1 to 64."},
            {"bind :81 thread 2/1", "ALERT parsing [t.cfg:8] : 'bind :81' in section 'listen' : '2/1' thread-group number must be between 1 and 1 (was 2)"},
            {"bind :81 thread 1-64", ""},
            {"bind :81 thread x", "ALERT parsing [t.cfg:8] : 'bind :81' in section 'listen' : 'x' : 'x' is not a valid number/range."},
            {"bind :81 id 1\n  bind :82 id 1", "ALERT parsing [t.cfg:9] : 'bind :82' in section 'listen' : 'id' : custom id 1 already used at t.cfg:8 ('bind :81')"},
            {"stick-table type ip size 1k store http_req_rate", "ALERT parsing [t.cfg:8] : stick-table: missing argument to store option 'http_req_rate'."},
            {"stick-table type string len 0 size 1k", "ALERT parsing [t.cfg:8] : stick-table: unknown type '0'."},
            {"stick-table type ip size 1k store gpc(101)", "ALERT parsing [t.cfg:8] : stick-table: array size is out of allowed range (1-100) for store option 'gpc'."},
            {"stick-table type ip size 1k store gpc0,gpc0", "WARNING parsing [t.cfg:8]: stick-table: store option 'gpc0' already enabled, ignored."},
            {"stick-table type ip size 1k store gpc0(1)", "ALERT parsing [t.cfg:8] : stick-table: unexpected argument to store option 'gpc0'."},
            {"stick-table type ip size 1k store gpc(2),gpc0", "ALERT parsing [t.cfg:8] : stick-table: simultaneous usage of 'gpc' and 'gpc[0/1]' in a same table is not permitted as 'gpc' overrides 'gpc[0/1]'."},
            {"stick-table type ip size 1k store conn_rate(10x)", "ALERT parsing [t.cfg:8] : stick-table: error when processing store option 'conn_rate'."},
            {"stick-table type ip size 1k store conn_rate(10s", "ALERT parsing [t.cfg:8] : stick-table: missing closing parenthesis after store option 'conn_rate'."},
            {"stick-table type ip size 1k expire 30d", "ALERT parsing [t.cfg:8]: stick-table: timer overflow in argument <30d> to <expire>, maximum value is 2147483647 ms (~24.8 days)."},
            {"stick-table type ip size 1k srvkey foo", "ALERT parsing [t.cfg:8] : stick-table : unknown server key type 'foo'."},
            {"stick-table type ip size 0", "ALERT parsing [t.cfg:8] : stick-table: missing size."},
            {"http-request deny if { var(txn.a-b) -m found }", "ALERT parsing [t.cfg:8] : error detected while parsing an 'http-request deny' condition : invalid args in fetch method 'var' : invalid syntax at char '-b' in ACL expression 'var(txn.a-b)'."},
            {"http-request set-header x %[var(foo)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <var(foo)]> : invalid args in fetch method 'var' : invalid variable name 'foo'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'."},
            {"http-request set-header x %[src,add(foo)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <src,add(foo)]> : invalid args in converter 'add' : expects an integer or a variable name."},
            {"http-request set-header x %[src,set-var(foo)]", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-header' rule : failed to parse sample expression <src,set-var(foo)]> : invalid args in converter 'set-var' : invalid variable name 'foo'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'."},
            {"http-request set-timeout server 0", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-timeout' rule : null value is not valid for a 'set-timeout server' rule."},
            {"http-request set-timeout tunnel 30d", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-timeout' rule : timer overflow in argument '30d' to rule 'set-timeout tunnel' (maximum value is 2147483647 ms or ~24.8 days)."},
            {"http-request set-timeout server foo", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-timeout' rule : unexpected character 'f' in rule 'set-timeout server'."},
            {"http-request set-timeout server int(5)", ""},
            {"http-request sc-inc-gpc(1,3)", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request sc-inc-gpc(1,3)' rule : invalid stick table track ID 'sc-inc-gpc(1,3)'. The max allowed ID is 2."},
            {"http-request sc-inc-gpc(x)", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request sc-inc-gpc(x)' rule : Missing gpc ID 'sc-inc-gpc(x)'. Expects sc-inc-gpc(<GPC ID>,<Track ID>)."},
            {"http-request sc-inc-gpc2", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request sc-inc-gpc2' rule : invalid gpc ID 'sc-inc-gpc2'. Expects sc-inc-gpc(<GPC ID>,<Track ID>)."},
            {"http-request sc-set-gpt0(1) res.hdr(x)", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request sc-set-gpt0(1)' rule : fetch method 'res.hdr(x)' extracts information from 'HTTP response headers', none of which is available here."},
            {"http-request sc-set-gpt(0,1) 1", ""},
            {"tcp-request content set-log-level err", ""},
            {"http-request set-nice", "ALERT parsing [t.cfg:8] : error detected in proxy 'l' while parsing 'http-request set-nice' rule : expects exactly 1 argument (integer value)."},
    };

    private List<String> messages(String cfg) throws Exception {
        Files.writeString(dir.resolve("t.cfg"), cfg);
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return diag.messages().stream()
                .filter(m -> m.level() == Diagnostics.Level.ALERT || m.level() == Diagnostics.Level.WARNING)
                .map(m -> m.level() + " " + m.text()).toList();
    }

    private void check(String head, String tail, String[][] cases) throws Exception {
        for (String[] c : cases) {
            List<String> got = messages(head + c[0] + tail);
            assertEquals(c[1], got.isEmpty() ? "" : got.get(0), c[0]);
        }
    }

    @Test
    void frontendLines() throws Exception {
        check(FE_HEAD, FE_TAIL, IN_FRONTEND);
    }

    @Test
    void listenLines() throws Exception {
        check(LISTEN_HEAD, LISTEN_TAIL, IN_LISTEN);
    }

    @Test
    void switchModeNamesAValidMode() throws Exception {
        String head = LISTEN_HEAD.replace("mode http", "mode tcp");
        assertEquals("ALERT parsing [t.cfg:8] : 'tcp-request switch-mode' expects a valid mode (got 'http2').",
                messages(head + "tcp-request content switch-mode http2" + LISTEN_TAIL).get(0));
        assertEquals("ALERT parsing [t.cfg:8] : 'tcp-request switch-mode': 'proto' expects a valid MUX protocol, if specified (got 'h3')",
                messages(head + "tcp-request content switch-mode http proto h3" + LISTEN_TAIL).get(0));
    }

    @Test
    void unknownFilterListsTheRegisteredOnes() throws Exception {
        assertEquals("ALERT parsing [t.cfg:8] : 'filter' : unknown keyword 'zipper'. Registered keywords :\n"
                + "    [CACHE] cache\n    [COMP] compression\n    [FCGI] fcgi-app\n    [  OT] opentracing\n"
                + "    [SPOE] spoe\n    [TRACE] trace", messages(FE_HEAD + "filter zipper" + FE_TAIL).get(0));
    }
}
