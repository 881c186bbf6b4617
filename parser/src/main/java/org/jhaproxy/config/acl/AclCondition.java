package org.jhaproxy.config.acl;

import java.util.List;
import org.jhaproxy.config.model.Position;

/**
 * A rule's condition: "if" or "unless", then suites of ACLs ORed together, the ACLs of a
 * suite being ANDed (HAProxy's struct acl_cond).
 */
public record AclCondition(boolean unless, List<List<AclTerm>> suites, Position at) {
    public AclCondition {
        suites = suites.stream().map(List::copyOf).toList();
    }

    /**
     * The places where the condition can be evaluated: any suite whose ACLs all may be
     * (cond->val, computed the way parse_acl_cond() does).
     */
    public int validAt() {
        int val = 0;
        for (List<AclTerm> suite : suites) {
            int s = ~0;
            for (AclTerm t : suite) {
                s &= t.acl().validAt();
            }
            val |= s;
        }
        if (suites.isEmpty()) {
            val = ~0;
        }
        return val;
    }

    /** The first ACL that can never be evaluated at {@code where} (acl_cond_conflicts()). */
    public Acl conflicting(int where) {
        for (List<AclTerm> suite : suites) {
            for (AclTerm t : suite) {
                if ((t.acl().validAt() & where) == 0) {
                    return t.acl();
                }
            }
        }
        return null;
    }

    /** The first ACL expression whose fetch cannot be used at {@code where} (acl_cond_kw_conflicts()). */
    public AclExprConflict conflictingKeyword(int where) {
        for (List<AclTerm> suite : suites) {
            for (AclTerm t : suite) {
                for (AclExpr e : t.acl().exprs()) {
                    if ((e.validAt() & where) == 0) {
                        return new AclExprConflict(t.acl(), e.keyword());
                    }
                }
            }
        }
        return null;
    }

    public record AclExprConflict(Acl acl, String keyword) {
    }
}
