package org.jhaproxy.runtime.stick;

import java.nio.file.Path;
import java.util.List;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "track-scN key [table t]" of tcp-request connection, tcp-request content and http-request
 * rules (tcp_action_track_sc(), http_action_track_sc()): the key's entry of the table (the
 * rule's proxy's by default) becomes sticky counter N of the session (connection rules) or of the
 * stream, unless N is tracked already. http-request and http-response count the request on it
 * at once, since the request was counted before it was tracked; http-response also counts a 4xx
 * response as an error, counted before the rules ran.
 */
public final class TrackAction {
    /** Where the rule runs. */
    public enum Level {
        CONNECTION, CONTENT, HTTP_REQUEST, HTTP_RESPONSE
    }

    private final int counter;
    private final CompiledSample key;
    private final StickTable table;
    private final Level level;

    private TrackAction(int counter, CompiledSample key, StickTable table, Level level) {
        this.counter = counter;
        this.key = key;
        this.table = table;
        this.level = level;
    }

    /** Compiles the rule's words from "track-scN" on. */
    public static TrackAction compile(List<String> w, CompileScope scope, Level level) throws NotSupported {
        int counter = Integer.parseInt(w.get(0).substring("track-sc".length()));
        SampleExprParser.Parsed p;
        CompiledSample key;
        try {
            p = new SampleExprParser(SampleRegistry.standard(), Path::of).parse(w, 1);
            key = org.jhaproxy.runtime.sample.SampleCompiler.compile(p.expr(), scope);
        } catch (ExprError e) {
            throw new NotSupported("track-sc expression: " + e.getMessage());
        }
        int next = p.nextWord();
        String name = next + 1 < w.size() && w.get(next).equals("table") ? w.get(next + 1) : scope.proxy().name();
        StickTable t = scope.proxies().stickTables().find(name);
        if (t == null) {
            throw new NotSupported("no stick-table '" + name + "' for track-sc" + counter + ".");
        }
        return new TrackAction(counter, key, t, level);
    }

    public void apply(SampleContext c) {
        apply(c, 0);
    }

    /** Applies the rule; {@code status} is the response's for an http-response rule. */
    public void apply(SampleContext c, int status) {
        StickCounters holder = level == Level.CONNECTION ? c.stickSession() : c.stickStream(true);
        if (holder == null || Tracking.tracked(c, counter)) {
            return;
        }
        Sample s = key.eval(c);
        if (s == null) {
            return;
        }
        StickEntry e = holder.track(counter, table, table.key(s));
        if (e != null && (level == Level.HTTP_REQUEST || level == Level.HTTP_RESPONSE)) {
            table.add(e, DataType.HTTP_REQ_CNT, 1);
            table.add(e, DataType.HTTP_REQ_RATE, 1);
            if (level == Level.HTTP_RESPONSE && status >= 400 && status < 500) {
                table.add(e, DataType.HTTP_ERR_CNT, 1);
                table.add(e, DataType.HTTP_ERR_RATE, 1);
            }
        }
    }
}
