package org.jhaproxy.config.action;

import org.jhaproxy.config.sample.ExprError;

/** Actions shared by the TCP and HTTP rule sets: variables, address rewrites, services. */
final class CommonActions {
    private CommonActions() {
    }

    /**
     * set-var(&lt;name&gt;[,cond...]) &lt;expr&gt;, set-var-fmt(&lt;name&gt;) &lt;fmt&gt; and
     * unset-var(&lt;name&gt;) (vars.c parse_store()).
     */
    static int setVar(ActionContext ac, int cur) throws ExprError {
        String kw = ac.arg(cur - 1);
        int kind; // 0 unset-var, 1 set-var, 2 set-var-fmt
        String rest;
        if (kw.startsWith("set-var-fmt")) {
            kind = 2;
            rest = kw.substring(11);
        } else if (kw.startsWith("set-var")) {
            kind = 1;
            rest = kw.substring(7);
        } else {
            kind = 0;
            rest = kw.substring(9);
        }
        String expects = "Expects 'set-var(<var-name>)', 'set-var-fmt(<var-name>)' or 'unset-var(<var-name>)'";
        if (!rest.startsWith("(")) {
            throw new ExprError("invalid or incomplete action '" + kw + "'. " + expects);
        }
        if (!rest.endsWith(")") || rest.length() < 2) {
            throw new ExprError("incomplete argument after action '" + kw + "'. " + expects);
        }
        String inside = rest.substring(1, rest.length() - 1);
        int comma = inside.indexOf(',');
        String name = comma < 0 ? inside : inside.substring(0, comma);
        if (comma >= 0 && comma + 1 < inside.length() && kind == 0) {
            throw new ExprError("unset-var does not expect parameters after the variable name. Only \"set-var\" and \"set-var-fmt\" manage conditions");
        }
        checkVariableName(name, rest.substring(1));
        if (kind == 0) {
            return cur;
        }
        if (kind == 2) {
            ac.parsers().logFormats().parse(ac.arg(cur), ac.px().mode() == org.jhaproxy.config.model.ProxyMode.HTTP, ac.places());
            return cur + 1;
        }
        return ActionArgs.expr(ac, cur, kw);
    }

    /** vars_hash_name(): a scope prefix then letters, digits, '_' and '.'. */
    static void checkVariableName(String name, String text) throws ExprError {
        String problem = org.jhaproxy.config.sample.VariableNames.problem(name, text);
        if (problem != null) {
            throw new ExprError(problem);
        }
    }

    /** set-src, set-dst, set-*-port, set-priority-*: one sample expression. */
    static int exprAction(ActionContext ac, int cur) throws ExprError {
        return ac.parsers().samples().parse(ac.args(), cur).nextWord();
    }

    /** use-service &lt;name&gt;: only the services built in (and Lua ones once loaded). */
    static int useService(ActionContext ac, int cur) throws ExprError {
        String name = ac.arg(cur);
        if (name.isEmpty()) {
            throw new ExprError("'" + ac.arg(0) + "' expects a service name.");
        }
        if (!name.equals("prometheus-exporter")) {
            // HAProxy names args[1] here: the service in http rules, "content" in tcp ones
            throw new ExprError("'" + ac.arg(1) + "' unknown service name.");
        }
        return cur + 1;
    }
}
