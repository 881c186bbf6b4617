package org.jhaproxy.config.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The global section's keywords (cfgparse-global.c and the modules' cfg_kw_list); every
 * expected text below is what haproxy 2.6.12 -c printed for the same line.
 */
class GlobalKeywordsTest {

    private static String first(String globalLines) {
        return CheckRun.of("global\n" + globalLines).first();
    }

    @Test
    void unknownKeywordSuggestsFromRegisteredThenCommonList() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : unknown keyword 'tune.stick-counters' in 'global' section; "
                + "did you mean 'tune.idletimer' maybe ?", first("  tune.stick-counters 1\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : unknown keyword 'tune.lua.bool-sample-conversion' in 'global' section; "
                + "did you mean 'tune.lua.session-timeout' maybe ?", first("  tune.lua.bool-sample-conversion x\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : unknown keyword 'debug' in 'global' section", first("  debug\n"));
    }

    @Test
    void nbprocIsRemoved() {
        CheckRun r = CheckRun.of("global\n  nbproc 2\n");
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : nbproc is not supported any more since HAProxy 2.5. Threads will "
                + "automatically be used on multi-processor machines if available.", r.first());
        assertEquals(1, r.exitCode());
    }

    @Test
    void integerArguments() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'maxconn' expects an integer argument.", first("  maxconn\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'maxconn' cannot handle unexpected argument '200'.", first("  maxconn 100 200\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:3] : 'maxconn' already specified. Continuing.", first("  maxconn 10\n  maxconn 20\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'tune.bufsize' expects a positive integer argument.", first("  tune.bufsize 0\n"));
    }

    @Test
    void identity() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : cannot find user id for 'nosuchuser-h1' (0:Success)", first("  user nosuchuser-h1\n"));
        CheckRun r = CheckRun.of("global\n  gid haproxy\n");
        assertEquals(List.of("[WARNING]  config : parsing [t.cfg:2] :  gid: string 'haproxy' is not a number.",
                "   | You might want to use the 'group' parameter to use a system group name."), r.lines().subList(0, 2));
    }

    @Test
    void moduleKeywordsReportThroughErrmsg() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'tune.ssl.default-dh-param' expects a value >= 1024.",
                first("  tune.ssl.default-dh-param 1\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : unknown option 'foo' on global statement 'ssl-default-bind-options'.",
                first("  ssl-default-bind-options foo\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'nbthread' value must be between 1 and 64 (was 0)", first("  nbthread 0\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : error in Lua file '/nonexistent-h1.lua': cannot open /nonexistent-h1.lua: "
                + "No such file or directory", first("  lua-load /nonexistent-h1.lua\n"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'stats' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' "
                + "(got 'foo')", first("  stats foo\n"));
    }

    @Test
    void messagesEndingWithNewlineAreFollowedByAnEmptyLine() {
        CheckRun r = CheckRun.of("global\n  hard-stop-after x\n  maxconn\n");
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : unexpected character 'x' in argument to <hard-stop-after>.", r.lines().get(0));
        assertEquals("", r.lines().get(1));
        assertEquals("[ALERT]    config : parsing [t.cfg:3] : 'maxconn' expects an integer argument.", r.lines().get(2));
    }

    @Test
    void experimentalKeywordNeedsExpose() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'tune.fd.edge-triggered' directive is experimental, must be allowed via a "
                + "global 'expose-experimental-directives'", first("  tune.fd.edge-triggered on\n"));
        assertTrue(CheckRun.of("global\n  expose-experimental-directives\n  tune.fd.edge-triggered on\n").lines().stream()
                .noneMatch(l -> l.contains("t.cfg:3")));
    }

    @Test
    void setenvChangesTheEnvironmentForLaterLines() {
        CheckRun r = CheckRun.of("global\n  setenv H1_VAR 12\n  maxconn \"$H1_VAR\" x\n");
        assertEquals("[ALERT]    config : parsing [t.cfg:3] : 'maxconn' cannot handle unexpected argument 'x'.", r.first());
        assertEquals("[ALERT]    config : parsing [t.cfg:2]: 'setenv' expects a name and a value.", first("  setenv A\n"));
    }

    @Test
    void mworkerMaxReloadsTakesItsErrorsForWarnings() {
        CheckRun r = CheckRun.of("global\n  mworker-max-reloads -1\n");
        assertEquals("[WARNING]  config : parsing [t.cfg:2] : (null)parsing [t.cfg:2] 'mworker-max-reloads' : invalid value -1, must be >= 0",
                r.first());
    }

    @Test
    void tooSmallBuffersCannotHoldTheDefaultErrorMessages() {
        CheckRun r = CheckRun.of("global\n  tune.bufsize 327\n");
        assertEquals(List.of("[ALERT]    config : Internal error: invalid default message for HTTP return code 405: unable to add payload "
                        + "into the HTX message.",
                "[ALERT]    config : Internal error: invalid default message for HTTP return code 501: unable to add payload "
                        + "into the HTX message.",
                "[ALERT]    config : Fatal errors found in configuration."), r.lines());
        assertEquals(1, r.exitCode());
        assertEquals(2, CheckRun.of("global\n  tune.bufsize 352\n").exitCode());
    }
}
