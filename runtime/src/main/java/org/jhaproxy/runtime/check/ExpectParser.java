package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleCompiler;

/**
 * "tcp-check expect" and "http-check expect" (configuration.txt 4, parse_tcpcheck_expect()):
 * the options "min-recv", "comment", "ok-status", "error-status", "tout-status", "on-success",
 * "on-error" and "status-code" in any order around one "[!] MATCH PATTERN". The parser module
 * validated the words; what jhaproxy does not execute ("string-lf", "binary-lf", "name-lf",
 * "value-lf") is refused here.
 */
final class ExpectParser {
    /** The rule and its own "comment", or null. */
    record Parsed(CheckRule.Expect expect, String comment) {
    }

    private ExpectParser() {
    }

    static Parsed parse(Line l, boolean http, CompileScope scope) throws NotSupported {
        List<String> w = l.args().subList(0, l.count());
        ExpectOptions o = ExpectOptions.NONE;
        String comment = null;
        boolean inverse = false;
        CheckRule.Match match = null;
        String pattern = "";
        HeaderExpect header = null;
        Function<CheckSession, String> success = null;
        Function<CheckSession, String> error = null;
        CheckStatus ok = null;
        CheckStatus err = null;
        CheckStatus tout = null;
        int i = 2;
        while (i < w.size() && !w.get(i).isEmpty()) {
            String word = w.get(i);
            if (word.startsWith("!")) {
                // "!" alone or glued to the match ("!string"), possibly repeated
                while (word.startsWith("!")) {
                    inverse = !inverse;
                    word = word.substring(1);
                }
                if (word.isEmpty()) {
                    i++;
                    continue;
                }
            }
            switch (word) {
                case "min-recv" -> o = o.withMinRecv(Integer.parseInt(w.get(++i)));
                case "comment" -> comment = w.get(++i);
                case "on-success" -> success = format(w.get(++i), scope, l);
                case "on-error" -> error = format(w.get(++i), scope, l);
                case "ok-status" -> ok = CheckStatus.named(w.get(++i));
                case "error-status" -> err = CheckStatus.named(w.get(++i));
                case "tout-status" -> tout = CheckStatus.named(w.get(++i));
                case "status-code" -> o = o.withStatusExpr(statusCode(w.get(++i), scope, l));
                case "string" -> {
                    match = CheckRule.Match.STRING;
                    pattern = w.get(++i);
                }
                case "rstring" -> {
                    match = CheckRule.Match.RSTRING;
                    pattern = w.get(++i);
                }
                case "binary" -> {
                    match = CheckRule.Match.BINARY;
                    pattern = w.get(++i);
                }
                case "rbinary" -> {
                    match = CheckRule.Match.RBINARY;
                    pattern = w.get(++i);
                }
                case "status" -> {
                    match = CheckRule.Match.STATUS;
                    pattern = w.get(++i);
                }
                case "rstatus" -> {
                    match = CheckRule.Match.RSTATUS;
                    pattern = w.get(++i);
                }
                case "hdr", "fhdr" -> {
                    match = CheckRule.Match.HEADER;
                    if (w.get(i + 1).equals("name-lf") || w.contains("value-lf")) {
                        throw refused(l, "expect " + word + " name-lf/value-lf");
                    }
                    HeaderExpect.Parsed h = HeaderExpect.parse(w, i + 1, word.equals("fhdr"));
                    header = h.expect();
                    i = h.next() - 1;
                }
                default -> throw refused(l, "expect " + word);
            }
            i++;
        }
        o = o.withStatuses(ok, err, tout).withFormats(success, error);
        byte[] bytes = match == CheckRule.Match.BINARY ? HexFormat.of().parseHex(pattern)
                : pattern.getBytes(StandardCharsets.ISO_8859_1);
        Pattern regex = match == CheckRule.Match.RSTRING || match == CheckRule.Match.RSTATUS || match == CheckRule.Match.RBINARY
                ? Pattern.compile(pattern) : null;
        return new Parsed(new CheckRule.Expect(match, inverse, pattern, bytes, regex, http, header, o), comment);
    }

    /** A log-format string evaluated in the check's session; a failing fetch writes nothing. */
    static Function<CheckSession, String> format(String text, CompileScope scope, Line l) throws NotSupported {
        CompiledLogFormat f = at(l, () -> CompiledLogFormat.compile(text, scope));
        return s -> {
            try {
                return f.eval(s.context());
            } catch (RuntimeException noValue) {
                return "";
            }
        };
    }

    /** "status-code EXPR": the integer the expression gives, else -1 (the code stays). */
    private static ToIntFunction<CheckSession> statusCode(String text, CompileScope scope, Line l) throws NotSupported {
        CompiledSample expr = sample(text, scope, l);
        return s -> {
            try {
                Sample v = expr.eval(s.context());
                Long n = v == null ? null : v.asLong();
                return n == null ? -1 : (int) (long) n;
            } catch (RuntimeException noValue) {
                return -1;
            }
        };
    }

    /** A sample expression of a check rule ("status-code", "set-var", "connect port"). */
    static CompiledSample sample(String text, CompileScope scope, Line l) throws NotSupported {
        return at(l, () -> {
            try {
                return SampleCompiler.compile(new SampleExprParser(SampleRegistry.standard(), Path::of)
                        .parse(List.of(text), 0).expr(), scope);
            } catch (ExprError e) {
                throw new NotSupported(e.getMessage());
            }
        });
    }

    static NotSupported refused(Line l, String what) {
        return new NotSupported("parsing [" + l.where() + "] : '" + l.keyword() + " " + what
                + "' is not supported by jhaproxy yet.");
    }

    private interface Step<T> {
        T run() throws NotSupported;
    }

    /** A fetch or converter not executed is reported at the rule's line. */
    private static <T> T at(Line l, Step<T> step) throws NotSupported {
        try {
            return step.run();
        } catch (NotSupported e) {
            String m = e.getMessage();
            throw new NotSupported(m.startsWith("parsing [") ? m : "parsing [" + l.where() + "] : " + m);
        }
    }
}
