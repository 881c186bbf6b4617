package org.jhaproxy.config.cond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * configuration.txt section 2.4: .if/.elif expressions. The table conditions.tsv holds, for each
 * expression, haproxy 2.6.12's answer (true, false, or its error message and the position of the
 * caret it prints).
 */
class CfgConditionEvaluatorTest {
    private final CfgConditionEvaluator evaluator = new CfgConditionEvaluator(Map.of("HOME", "/root")::get);

    @TestFactory
    Stream<DynamicTest> everyRecordedExpression() throws IOException {
        String table;
        try (InputStream in = getClass().getResourceAsStream("/cond/conditions.tsv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return table.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).map(l -> {
            String[] f = l.split("\t", -1);
            return DynamicTest.dynamicTest("[" + f[0] + "]", () -> {
                CfgCondition.Result r = evaluator.evaluate(f[0]);
                switch (f[1]) {
                    case "0" -> assertEquals(CfgCondition.Result.of(true), r);
                    case "1" -> assertEquals(CfgCondition.Result.of(false), r);
                    default -> {
                        assertTrue(r.failed());
                        assertEquals(f[2], r.error());
                        assertEquals(Integer.parseInt(f[3]), r.errorPos() + 1);
                    }
                }
            });
        });
    }

    /** An empty expression is false (".if" alone, ".elif" alone). */
    @Test
    void emptyIsFalse() {
        assertEquals(CfgCondition.Result.of(false), evaluator.evaluate(""));
    }

    /** haproxy -cc '"  "': blanks only are "unparsable conditional sub-expression". */
    @Test
    void blanksOnly() {
        CfgCondition.Result r = evaluator.evaluate("  ");
        assertEquals("unparsable conditional sub-expression '  '", r.error());
        assertEquals(0, r.errorPos());
    }

    /**
     * An OpenSSL version that does not parse fails the evaluation without a message (haproxy
     * 2.6.12 exits 2 silently on -cc; with .if it crashes), unless a lazy operator skips it.
     */
    @Test
    void unparsableOpensslVersionFailsSilently() {
        CfgCondition.Result r = evaluator.evaluate("openssl_version_atleast(x)");
        assertTrue(r.failed());
        assertNull(r.error());
        assertEquals(CfgCondition.Result.of(false), evaluator.evaluate("0 && openssl_version_atleast(x)"));
    }

    /** make_arg_list(): quotes group and vanish, backslash escapes, a trailing backslash fails. */
    @Test
    void argumentQuotingAndEscapes() {
        assertTrue(evaluator.evaluate("streq('a,b',\"a,b\")").value());
        assertTrue(evaluator.evaluate("streq(a\\,b,a,b)").value() == false);
        assertTrue(evaluator.evaluate("streq(a\\ b,a b)").value());
        assertTrue(evaluator.evaluate("streq(\\q,\\q)").value());
        CfgCondition.Result r = evaluator.evaluate("streq(a,b\\");
        assertEquals("failed to parse '\\' after 'b' as type 'string' at position 2 in argument 1 of predicate 'streq'"
                + " used in conditional expression", r.error());
        assertFalse(evaluator.evaluate("defined(HOME) && streq(x,y)").value());
    }

    /** Recursion is bounded (MAX_CFG_RECURSION): deep nesting is an error, not a stack overflow. */
    @Test
    void deepNestingIsAnError() {
        String deep = "(".repeat(2000) + "1" + ")".repeat(2000);
        CfgCondition.Result r = evaluator.evaluate(deep);
        assertTrue(r.failed());
        assertTrue(r.error().startsWith("unparsable conditional"), r.error());
    }
}
