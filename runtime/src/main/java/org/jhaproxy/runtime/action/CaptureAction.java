package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.file.Path;
import java.util.List;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.log.Captures;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleCompiler;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-request capture SAMPLE len N | id N" and "http-response capture SAMPLE id N" (manual
 * 4.2): the sample, as a string, goes into a capture slot of the frontend, cut to the slot's
 * length; a sample that cannot be fetched leaves the slot as it is. Also the header captures the
 * HTTP analysers make before the rules run (http_capture_headers()).
 */
final class CaptureAction {
    private CaptureAction() {
    }

    /** "capture request|response header" of the frontend, before the rules see the message. */
    static void headers(SampleContext c, HttpHeaders headers, boolean response) {
        Captures caps = c.captures();
        if (caps != null) {
            caps.headers(headers, response);
        }
    }

    static HttpAction compile(List<String> w, boolean response, CompileScope scope) throws NotSupported {
        CompiledSample expr;
        try {
            expr = SampleCompiler.compile(new SampleExprParser(SampleRegistry.standard(), Path::of).parse(w, 1).expr(), scope);
        } catch (ExprError e) {
            throw new NotSupported("capture expression: " + e.getMessage());
        }
        String kind = w.get(w.size() - 2);
        int slot = kind.equals("id") ? Integer.parseInt(w.get(w.size() - 1)) : ruleSlot(w, scope);
        return (c, msg) -> {
            Sample v = expr.eval(c);
            Captures caps = c.captures();
            if (v != null && caps != null) {
                caps.set(response, slot, v.asString());
            }
            return null;
        };
    }

    /** The slot a "len N" rule declared: found by the rule's line among the frontend's slots. */
    private static int ruleSlot(List<String> w, CompileScope scope) {
        for (ProxyRules.Rule r : scope.proxy().config().rules(RuleSet.HTTP_REQ)) {
            if (r.words() == w) {
                return org.jhaproxy.runtime.log.CaptureSlots.of(scope.proxy().config()).ruleSlot(r.at().file() + ":" + r.at().line());
            }
        }
        return -1;
    }
}
