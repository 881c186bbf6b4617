package org.jhaproxy.runtime.acl;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.acl.AclExpr;
import org.jhaproxy.config.acl.MatchMethod;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * Compiles an ACL expression's patterns for its method: each "-f" file is a shared
 * {@link PatternReference} (read once, changed by "add acl"...), the inline patterns one of
 * their own; the expression matches when one of them does.
 */
final class Patterns {
    private Patterns() {
    }

    static PatternMatcher compile(AclExpr e, CompileScope scope) throws NotSupported {
        MatchMethod m = e.method();
        switch (m) {
            case FOUND, BOOL, INT, LEN, IP, STR, BEG, END, SUB, DIR, DOM, REG -> { }
            default -> throw new NotSupported("ACL match method '" + m.keyword() + "' is not supported by jhaproxy yet.");
        }
        PatternReferences refs = scope.patterns();
        List<PatternExpression> exprs = new ArrayList<>();
        for (String f : e.patternFiles()) {
            PatternReferences.Origin at = refs.origin(scope.at(), scope.deferred());
            // "-M": a map file, used by this ACL for its keys (and said to be used by a map)
            boolean map = e.mapFiles().contains(f);
            PatternReference r = refs.file(f, scope.file(f), map,
                    map ? PatternReference.ACL | PatternReference.MAP : PatternReference.ACL, at);
            exprs.add(r.expression(m, e.ignoreCase(), PatternExpression.Output.NONE, at));
        }
        PatternReferences.Origin at = refs.origin(scope.at(), scope.deferred());
        PatternReference inline = refs.inline(e.keyword(), at);
        PatternExpression own = inline.expression(m, e.ignoreCase(), PatternExpression.Output.NONE, at);
        for (String p : e.patterns()) {
            inline.add(0, p, null);
        }
        exprs.add(own);
        if (m == MatchMethod.FOUND) {
            return s -> true;
        }
        if (m == MatchMethod.BOOL) {
            return s -> s.asBool();
        }
        PatternExpression[] all = exprs.toArray(new PatternExpression[0]);
        if (all.length == 1) {
            return s -> own.find(s) != null;
        }
        return s -> {
            for (PatternExpression x : all) {
                if (x.find(s) != null) {
                    return true;
                }
            }
            return false;
        };
    }
}
