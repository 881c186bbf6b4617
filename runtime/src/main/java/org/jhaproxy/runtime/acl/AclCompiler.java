package org.jhaproxy.runtime.acl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.acl.Acl;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.acl.AclExpr;
import org.jhaproxy.config.acl.AclTerm;
import org.jhaproxy.config.acl.KnownAcls;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleCompiler;

/**
 * Compiles the conditions of one proxy once at start-up. Every declared ACL is compiled, used
 * or not, as haproxy parses each "acl" line: its pattern files and inline patterns become
 * pattern references the stats socket lists and changes. One the runtime cannot execute only
 * refuses the start when a rule uses it.
 */
public final class AclCompiler {
    private final CompileScope scope;
    private final Map<Acl, CompiledAclExpr[]> acls = new IdentityHashMap<>();
    private final Map<String, List<CompiledAclExpr>> named = new HashMap<>();
    private final Map<String, NotSupported> failed = new HashMap<>();

    public AclCompiler(CompileScope scope) {
        this.scope = scope;
    }

    /** A compiler with the section's declared ACLs compiled, in declaration order. */
    public static AclCompiler of(CompileScope scope, List<KnownAcls.Declaration> declared) {
        AclCompiler c = new AclCompiler(scope);
        for (KnownAcls.Declaration d : declared) {
            try {
                c.named.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(c.expr(d.expr(), scope.at(d.at())));
            } catch (NotSupported e) {
                c.failed.putIfAbsent(d.name(), e);
            }
        }
        return c;
    }

    public CompileScope scope() {
        return scope;
    }

    /** The condition, or {@link Condition#ALWAYS} for none. */
    public Condition compile(AclCondition cond) throws NotSupported {
        return compile(cond, false);
    }

    /** Where http-response rules are evaluated (header rules of a frontend or a backend). */
    private static final int RESPONSE_HEADERS = org.jhaproxy.config.sample.CheckPlace.bits(
            org.jhaproxy.config.sample.CheckPlace.FE_HRS_HDR, org.jhaproxy.config.sample.CheckPlace.BE_HRS_HDR);

    /**
     * The condition of an http-response rule: an expression whose fetch only reads the request
     * (path, req.hdr...) finds no sample there, as haproxy's fetches find the request gone, so
     * it never matches (haproxy -c warns about it; "!" of it is then true).
     */
    public Condition compileForResponse(AclCondition cond) throws NotSupported {
        return compile(cond, true);
    }

    private Condition compile(AclCondition cond, boolean response) throws NotSupported {
        if (cond == null) {
            return Condition.ALWAYS;
        }
        Condition.Term[][] suites = new Condition.Term[cond.suites().size()][];
        for (int i = 0; i < suites.length; i++) {
            List<AclTerm> suite = cond.suites().get(i);
            suites[i] = new Condition.Term[suite.size()];
            for (int j = 0; j < suite.size(); j++) {
                AclTerm t = suite.get(j);
                suites[i][j] = new Condition.Term(t.negated(), response ? inResponse(t.acl()) : acl(t.acl()));
            }
        }
        return new Condition(cond.unless(), suites);
    }

    /** The ACL's expressions, those whose fetch only reads the request finding no sample. */
    private CompiledAclExpr[] inResponse(Acl acl) throws NotSupported {
        CompiledAclExpr[] exprs = acl(acl).clone();
        for (int k = 0; k < exprs.length && k < acl.exprs().size(); k++) {
            if ((acl.exprs().get(k).validAt() & RESPONSE_HEADERS) == 0) {
                exprs[k] = CompiledAclExpr.NO_SAMPLE;
            }
        }
        return exprs;
    }

    private CompiledAclExpr[] acl(Acl acl) throws NotSupported {
        if (!acl.name().isEmpty()) {
            NotSupported e = failed.get(acl.name());
            if (e != null) {
                throw e;
            }
            List<CompiledAclExpr> declared = named.get(acl.name());
            if (declared != null && declared.size() >= acl.exprs().size()) {
                return declared.subList(0, acl.exprs().size()).toArray(new CompiledAclExpr[0]);
            }
        }
        CompiledAclExpr[] done = acls.get(acl);
        if (done != null) {
            return done;
        }
        CompiledAclExpr[] exprs = new CompiledAclExpr[acl.exprs().size()];
        // its maps and pattern files are used at the line declaring it
        CompileScope at = acl.at() != null ? scope.at(acl.at()) : scope;
        for (int i = 0; i < exprs.length; i++) {
            exprs[i] = expr(acl.exprs().get(i), at);
        }
        acls.put(acl, exprs);
        return exprs;
    }

    /** The sample first (its map converters), then the patterns (files, then inline), as haproxy reads the line. */
    private CompiledAclExpr expr(AclExpr e, CompileScope at) throws NotSupported {
        CompiledSample sample;
        try {
            sample = SampleCompiler.compile(e.sample(), at);
        } catch (NotSupported unsupported) {
            // the patterns are still loaded, as haproxy would list them
            Patterns.compile(e, at);
            throw unsupported;
        }
        return new CompiledAclExpr(sample, Patterns.compile(e, at));
    }
}
