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
            case FOUND, BOOL, INT, LEN, IP, STR, BIN, BEG, END, SUB, DIR, DOM, REG -> { }
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
            exprs.add(r.expression(m, e.ignoreCase(), PatternExpression.Output.NONE, e.dottedVersion(), at));
        }
        PatternReferences.Origin at = refs.origin(scope.at(), scope.deferred());
        PatternReference inline = refs.inline(e.keyword(), at);
        PatternExpression own = inline.expression(m, e.ignoreCase(), PatternExpression.Output.NONE, e.dottedVersion(), at);
        for (String p : e.patterns()) {
            inline.add(0, p, null);
        }
        exprs.add(own);
        if (e.keyword().equals("http_auth_group")) {
            return authGroups(e, scope);
        }
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

    /**
     * The ACL keyword http_auth_group (pat_match_auth): its patterns are group names, and the
     * user its fetch gives (authenticated against the fetch's userlist) must be in one of them.
     */
    private static PatternMatcher authGroups(AclExpr e, CompileScope scope) throws NotSupported {
        if (!e.patternFiles().isEmpty()) {
            throw new NotSupported("http_auth_group with '-f' is not supported by jhaproxy yet.");
        }
        org.jhaproxy.runtime.auth.Userlist ul = org.jhaproxy.runtime.auth.AuthFetches.userlist(e.sample().args(), scope);
        List<String> groups = e.patterns();
        return s -> ul.inGroup(s.asString(), groups);
    }
}
