package org.jhaproxy.runtime.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.logformat.LogFormat;
import org.jhaproxy.config.logformat.LogFormatNode;
import org.jhaproxy.config.logformat.LogFormatParser;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleCompiler;

/**
 * A compiled log-format string (sess_build_logline()): text, separators, "%var" variables and
 * "%[expr]" samples. A separator is written only after something that is not one, so variables
 * that write nothing (no captures) leave a single space.
 */
public final class LogLine {
    /** One node's writer. */
    @FunctionalInterface
    interface Part {
        void write(LogInput in, Out out);
    }

    /** The line being built and whether its last node was a separator (last_isspace). */
    static final class Out {
        final StringBuilder sb = new StringBuilder(256);
        boolean lastSpace = true;
    }

    private final List<Part> parts;
    private final String text;

    private LogLine(List<Part> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /**
     * Compiles {@code fmt}; {@code base} is LogOptions.LOG_LINE for log lines ("-" for missing
     * values) and NONE for header values and other rule arguments.
     */
    public static LogLine compile(String fmt, boolean httpMode, LogOptions base, CompileScope scope) throws NotSupported {
        return compile(fmt, httpMode, base, base.mandatory(), scope);
    }

    /**
     * As above, with the spaces of the text merged as separators or not (LOG_OPT_MERGE_SPACES,
     * which "unique-id-format" has without LOG_OPT_MANDATORY).
     */
    public static LogLine compile(String fmt, boolean httpMode, LogOptions base, boolean mergeSpaces, CompileScope scope)
            throws NotSupported {
        LogFormat lf;
        try {
            lf = new LogFormatParser(new SampleExprParser(SampleRegistry.standard(), Path::of)).parse(fmt, httpMode, ~0);
        } catch (ExprError e) {
            throw new NotSupported("log-format '" + fmt + "': " + e.getMessage());
        }
        List<Part> parts = new ArrayList<>();
        LogOptions defaults = base;
        for (LogFormatNode n : lf.nodes()) {
            if (n instanceof LogFormatNode.Text t) {
                text(t.text(), mergeSpaces, parts);
            } else if (n instanceof LogFormatNode.Separator) {
                parts.add(SEPARATOR);
            } else if (n instanceof LogFormatNode.Expression e) {
                parts.add(expression(SampleCompiler.compile(e.expr(), scope), defaults.with(e.flags())));
            } else {
                LogFormatNode.Variable v = (LogFormatNode.Variable) n;
                if (v.name().equals("o")) {
                    defaults = defaults.with(v.flags());
                    continue;
                }
                parts.add(LogVariables.part(v.name(), defaults.with(v.flags())));
            }
        }
        return new LogLine(List.copyOf(parts), lf.isDynamic() ? null : constant(lf));
    }

    /** A space of a log line's format (LOG_FMT_SEPARATOR): written once after anything but another space. */
    private static final Part SEPARATOR = (in, out) -> {
        if (!out.lastSpace) {
            out.sb.append(' ');
            out.lastSpace = true;
        }
    };

    /**
     * Literal text; in a log line (LOG_OPT_MERGE_SPACES) each space is a separator, so that a
     * variable writing nothing does not leave two spaces.
     */
    private static void text(String s, boolean mergeSpaces, List<Part> parts) {
        if (!mergeSpaces) {
            parts.add(literal(s));
            return;
        }
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ' ') {
                if (i > start) {
                    parts.add(literal(s.substring(start, i)));
                }
                if (i < s.length()) {
                    parts.add(SEPARATOR);
                }
                start = i + 1;
            }
        }
    }

    private static Part literal(String s) {
        return (in, out) -> {
            out.sb.append(s);
            out.lastSpace = false;
        };
    }

    private static String constant(LogFormat lf) {
        StringBuilder sb = new StringBuilder();
        for (LogFormatNode n : lf.nodes()) {
            sb.append(n instanceof LogFormatNode.Text t ? t.text() : " ");
        }
        return sb.toString();
    }

    private static Part expression(CompiledSample smp, LogOptions o) {
        return (in, out) -> {
            Sample v = smp.eval(in.samples());
            if (o.http()) {
                LogText.httpEncoded(out.sb, v == null ? null : v.asString(), o);
            } else {
                LogText.text(out.sb, v == null ? null : v.asString(), o);
            }
            out.lastSpace = false;
        };
    }

    /** A string without any variable or sample: its text, else null. */
    public String constant() {
        return text;
    }

    public String build(LogInput in) {
        if (text != null) {
            return text;
        }
        Out out = new Out();
        for (Part p : parts) {
            p.write(in, out);
        }
        return out.sb.toString();
    }
}
