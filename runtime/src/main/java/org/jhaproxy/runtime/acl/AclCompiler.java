package org.jhaproxy.runtime.acl;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.acl.Acl;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.acl.AclExpr;
import org.jhaproxy.config.acl.AclTerm;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleCompiler;

/** Compiles the conditions of one proxy once at start-up; an ACL used by several rules is compiled once. */
public final class AclCompiler {
    private final CompileScope scope;
    private final Map<Acl, CompiledAclExpr[]> acls = new IdentityHashMap<>();

    public AclCompiler(CompileScope scope) {
        this.scope = scope;
    }

    public CompileScope scope() {
        return scope;
    }

    /** The condition, or {@link Condition#ALWAYS} for none. */
    public Condition compile(AclCondition cond) throws NotSupported {
        if (cond == null) {
            return Condition.ALWAYS;
        }
        Condition.Term[][] suites = new Condition.Term[cond.suites().size()][];
        for (int i = 0; i < suites.length; i++) {
            List<AclTerm> suite = cond.suites().get(i);
            suites[i] = new Condition.Term[suite.size()];
            for (int j = 0; j < suite.size(); j++) {
                AclTerm t = suite.get(j);
                suites[i][j] = new Condition.Term(t.negated(), acl(t.acl()));
            }
        }
        return new Condition(cond.unless(), suites);
    }

    private CompiledAclExpr[] acl(Acl acl) throws NotSupported {
        CompiledAclExpr[] done = acls.get(acl);
        if (done != null) {
            return done;
        }
        CompiledAclExpr[] exprs = new CompiledAclExpr[acl.exprs().size()];
        for (int i = 0; i < exprs.length; i++) {
            AclExpr e = acl.exprs().get(i);
            exprs[i] = new CompiledAclExpr(SampleCompiler.compile(e.sample(), scope), Patterns.compile(e, scope));
        }
        acls.put(acl, exprs);
        return exprs;
    }
}
