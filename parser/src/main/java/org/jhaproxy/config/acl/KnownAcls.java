package org.jhaproxy.config.acl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.Position;

/**
 * The ACLs declared in one proxy section so far (HAProxy's proxy->acl list): lines with the
 * same name add expressions to the same ACL; a predefined ACL (TRUE, HTTP, METH_GET...) is
 * added the first time a condition uses it, so a section may also redefine one.
 */
public final class KnownAcls {
    private final Map<String, List<AclExpr>> byName = new LinkedHashMap<>();
    private final Map<String, Position> declared = new LinkedHashMap<>();
    private final List<Declaration> declarations = new ArrayList<>();

    /** One expression as declared, in parse order (what haproxy builds its pattern references from). */
    public record Declaration(String name, AclExpr expr, Position at) {
    }

    public void add(String name, AclExpr expr, Position at) {
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(expr);
        declared.putIfAbsent(name, at);
        declarations.add(new Declaration(name, expr, at));
    }

    /** Every expression declared in the section (predefined ACLs when first used), in order. */
    public List<Declaration> declarations() {
        return List.copyOf(declarations);
    }

    public Acl find(String name) {
        List<AclExpr> e = byName.get(name);
        return e == null ? null : new Acl(name, e, declared.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
