package org.jhaproxy.runtime.stick;

import java.nio.file.Path;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleCompiler;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * One compiled "stick" rule of a backend (configuration.txt 4.2 "stick match", "stick on",
 * "stick store-request", "stick store-response"): its table (the backend's own when none is
 * named), the key expression and the condition. "stick on" both matches and stores.
 */
record StickingRule(StickTable table, CompiledSample key, Condition condition, boolean match, boolean store) {
    static StickingRule compile(ProxyRules.StickRule r, Sticking.Conditions conditions, CompileScope scope)
            throws NotSupported {
        String name = r.table() != null ? r.table() : scope.proxy().name();
        StickTable t = scope.proxies().stickTables().find(name);
        if (t == null) {
            throw new NotSupported("no stick-table '" + name + "' for 'stick " + r.kind() + "'.");
        }
        CompiledSample key;
        try {
            SampleExprParser.Parsed p = new SampleExprParser(SampleRegistry.standard(), Path::of).parse(r.words(), 0);
            if (r.kind().equals("store-response")) {
                org.jhaproxy.runtime.payload.PayloadBlocks.refuseOnResponse(p.expr(), r.condition());
            }
            key = SampleCompiler.compile(p.expr(), scope);
        } catch (ExprError e) {
            throw new NotSupported("stick expression: " + e.getMessage());
        }
        // haproxy parses the expression before the condition (the order pattern files are read in)
        Condition condition = conditions.compile(r);
        // the table keeps the server of each key from now on, whatever its "store" says
        t.allocate(DataType.SERVER_ID);
        t.allocate(DataType.SERVER_KEY);
        boolean match = r.kind().equals("match") || r.kind().equals("on");
        boolean store = !r.kind().equals("match");
        return new StickingRule(t, key, condition, match, store);
    }

    /** The rule's key for this stream, or null when the sample is missing or not a key of the table. */
    byte[] key(SampleContext c) {
        org.jhaproxy.runtime.sample.Sample s = key.eval(c);
        return s == null ? null : table.key(s);
    }
}
