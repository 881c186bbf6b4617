package org.jhaproxy.config.acl;

import java.util.List;
import org.jhaproxy.config.model.Position;

/**
 * A named ACL as seen when a condition refers to it: every expression declared so far under
 * that name (they are ORed), and where it was first declared. Anonymous ACLs have an empty name.
 */
public record Acl(String name, List<AclExpr> exprs, Position at) {
    public Acl {
        exprs = List.copyOf(exprs);
    }

    /** The places where at least one of its expressions may be evaluated. */
    public int validAt() {
        int v = 0;
        for (AclExpr e : exprs) {
            v |= e.validAt();
        }
        return v;
    }
}
