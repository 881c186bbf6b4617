package org.jhaproxy.config.action;

import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.sample.ExprError;

/**
 * The redirect rule (configuration.txt "redirect"; http_parse_redirect_rule()): a type with its
 * destination, options, then an optional condition. The "redirect" keyword keeps the
 * destination as plain text; "http-request redirect" parses it as a log-format.
 */
public final class Redirects {
    private Redirects() {
    }

    /** Parses from word {@code cur}; returns the condition (or null) found at the end. */
    public static AclCondition parse(ActionContext ac, int cur, boolean logFormat) throws ExprError {
        String type = null;
        String destination = null;
        AclCondition cond = null;
        while (!ac.arg(cur).isEmpty()) {
            String w = ac.arg(cur);
            switch (w) {
                case "location", "prefix", "scheme" -> {
                    if (ac.arg(cur + 1).isEmpty()) {
                        throw missing(ac, cur);
                    }
                    type = w;
                    destination = ac.arg(++cur);
                }
                case "set-cookie", "clear-cookie" -> {
                    if (ac.arg(cur + 1).isEmpty()) {
                        throw missing(ac, cur);
                    }
                    cur++;
                }
                case "code" -> {
                    if (ac.arg(cur + 1).isEmpty()) {
                        throw missing(ac, cur);
                    }
                    cur++;
                    long code = HttpActions.atoi(ac.arg(cur));
                    if (code < 301 || code > 308 || (code > 303 && code < 307)) {
                        throw new ExprError("'code': unsupported HTTP code '" + ac.arg(cur) + "' (must be one of 301, 302, 303, 307 or 308)");
                    }
                }
                case "drop-query", "append-slash", "ignore-empty" -> {
                }
                case "if", "unless" -> {
                    try {
                        cond = ac.parsers().conditions().parse(ac.args(), cur, ac.px().rules().acls(), ac.at());
                    } catch (ExprError e) {
                        throw new ExprError("error in condition: " + e.getMessage());
                    }
                    cur = ac.args().size();
                    continue;
                }
                default -> throw new ExprError("expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', "
                        + "'drop-query', 'ignore-empty' or 'append-slash' (was '" + w + "')");
            }
            cur++;
        }
        if (type == null) {
            throw new ExprError("redirection type expected ('prefix', 'location', or 'scheme')");
        }
        if (ac.set().isResponse() && !type.equals("location")) {
            throw new ExprError("response only supports redirect type 'location'");
        }
        if (logFormat && !(type.equals("prefix") && destination.equals("/"))) {
            ActionArgs.logFormat(ac, destination);
        }
        return cond;
    }

    private static ExprError missing(ActionContext ac, int cur) {
        return new ExprError(String.format("missing argument for '%s'", ac.arg(cur)));
    }
}
