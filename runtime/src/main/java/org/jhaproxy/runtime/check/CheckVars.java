package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Function;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.VarRef;

/**
 * The rules of a check that use its session (configuration.txt 4 "tcp-check set-var",
 * "unset-var", "send-lf", "send-binary-lf"): "set-var(check.x) EXPR" stores a value for the rest
 * of the run (the "check" scope lives as long as the run, "sess" too, "proc" beyond), read by
 * "%[var(check.x)]" in the log-format strings of later rules.
 */
final class CheckVars {
    private CheckVars() {
    }

    static CheckRule.Action parse(Line l, CompileScope scope) throws NotSupported {
        String word = l.arg(1);
        String inner = word.substring(word.indexOf('(') + 1, word.lastIndexOf(')')).strip();
        if (inner.indexOf(',') >= 0) {
            throw ExpectParser.refused(l, "set-var conditions");
        }
        if (word.startsWith("set-var-fmt")) {
            throw ExpectParser.refused(l, "set-var-fmt");
        }
        VarRef ref = VarRef.parse(inner);
        if (word.startsWith("unset-var")) {
            return new CheckRule.Action(ref::unset);
        }
        CompiledSample expr = ExpectParser.sample(l.arg(2), scope, l);
        return new CheckRule.Action(c -> {
            Sample v;
            try {
                v = expr.eval(c);
            } catch (RuntimeException noValue) {
                v = null;
            }
            if (v != null) {
                ref.set(c, v);
            }
        });
    }

    /** "send-lf FMT" / "send-binary-lf HEXFMT": the bytes the format gives at each run. */
    static CheckRule.SendComputed sendFormat(Line l, boolean binary, CompileScope scope) throws NotSupported {
        Function<CheckSession, String> f = ExpectParser.format(l.arg(2), scope, l);
        return new CheckRule.SendComputed(s -> {
            String text = f.apply(s);
            if (!binary) {
                return text.getBytes(StandardCharsets.ISO_8859_1);
            }
            try {
                return HexFormat.of().parseHex(text);
            } catch (IllegalArgumentException notHex) {
                return null;
            }
        });
    }
}
