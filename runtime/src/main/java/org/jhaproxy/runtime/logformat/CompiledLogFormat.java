package org.jhaproxy.runtime.logformat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A log-format string as rules use it (header values, redirect locations, dynamic use_backend;
 * build_logline()): literal text and "%[expr]" samples, compiled once. A sample that has no
 * value writes nothing; "%{+Q}" quotes the ones that do.
 */
public final class CompiledLogFormat {
    private final String constant;
    private final List<BiConsumer<SampleContext, StringBuilder>> parts;

    private CompiledLogFormat(String constant, List<BiConsumer<SampleContext, StringBuilder>> parts) {
        this.constant = constant;
        this.parts = parts;
    }

    public static CompiledLogFormat compile(String text, CompileScope scope) throws NotSupported {
        LogFormat lf;
        try {
            lf = new LogFormatParser(new SampleExprParser(SampleRegistry.standard(), Path::of)).parse(text, true, ~0);
        } catch (ExprError e) {
            throw new NotSupported("log-format '" + text + "': " + e.getMessage());
        }
        if (!lf.isDynamic()) {
            StringBuilder sb = new StringBuilder();
            for (LogFormatNode n : lf.nodes()) {
                sb.append(n instanceof LogFormatNode.Text t ? t.text() : " ");
            }
            return new CompiledLogFormat(sb.toString(), List.of());
        }
        List<BiConsumer<SampleContext, StringBuilder>> parts = new ArrayList<>();
        for (LogFormatNode n : lf.nodes()) {
            parts.add(part(n, scope));
        }
        return new CompiledLogFormat(null, parts);
    }

    private static BiConsumer<SampleContext, StringBuilder> part(LogFormatNode n, CompileScope scope) throws NotSupported {
        if (n instanceof LogFormatNode.Text t) {
            String s = t.text();
            return (c, sb) -> sb.append(s);
        }
        if (n instanceof LogFormatNode.Separator) {
            return (c, sb) -> sb.append(' ');
        }
        if (n instanceof LogFormatNode.Expression e) {
            CompiledSample smp = SampleCompiler.compile(e.expr(), scope);
            boolean quote = e.flags() != null && e.flags().contains("+Q");
            return (c, sb) -> {
                Sample v = smp.eval(c);
                String s = v == null ? null : v.asString();
                if (s != null) {
                    if (quote) {
                        sb.append('"').append(s).append('"');
                    } else {
                        sb.append(s);
                    }
                }
            };
        }
        LogFormatNode.Variable v = (LogFormatNode.Variable) n;
        return switch (v.name()) {
            case "ci" -> (c, sb) -> sb.append(c.src().getAddress().getHostAddress());
            case "cp" -> (c, sb) -> sb.append(c.src().getPort());
            case "fi" -> (c, sb) -> sb.append(c.dst().getAddress().getHostAddress());
            case "fp" -> (c, sb) -> sb.append(c.dst().getPort());
            case "f" -> (c, sb) -> sb.append(c.frontend().name());
            case "b" -> (c, sb) -> sb.append(c.backend().name());
            default -> throw new NotSupported("log-format variable '%" + v.name() + "' is not supported by jhaproxy yet.");
        };
    }

    public boolean isConstant() {
        return constant != null;
    }

    public String eval(SampleContext c) {
        if (constant != null) {
            return constant;
        }
        StringBuilder sb = new StringBuilder();
        for (BiConsumer<SampleContext, StringBuilder> p : parts) {
            p.accept(c, sb);
        }
        return sb.toString();
    }
}
