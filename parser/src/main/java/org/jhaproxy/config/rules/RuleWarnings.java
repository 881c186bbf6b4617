package org.jhaproxy.config.rules;

import org.jhaproxy.config.acl.Acl;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The warnings HAProxy gives about rules while parsing (cfgparse-listen.c warnif_*): a rule
 * written after one that is evaluated later, a condition that can never match where it is
 * used, a keyword ignored for lack of a capability.
 */
final class RuleWarnings {
    private RuleWarnings() {
    }

    /** warnifnotcap(): 1 (and a warning) when the proxy lacks the capability. */
    static boolean notCapable(ParseContext ctx, Line line, ProxyBuilder px, ProxyCapability cap, String arg) {
        if (ProxyTypes.has(px, cap)) {
            return false;
        }
        String msg = cap == ProxyCapability.BACKEND ? "no backend" : "no frontend";
        ctx.diag().warning(String.format("parsing [%s:%d] : '%s' ignored because %s '%s' has %s capability.",
                line.file(), line.lineNo(), arg, ProxyTypes.typeName(px), px.name(), msg));
        return true;
    }

    /** warnif_cond_conflicts(). */
    static int condConflicts(ParseContext ctx, Line line, AclCondition cond, int where) {
        if (cond == null) {
            return ErrCode.NONE;
        }
        Acl acl = cond.conflicting(where);
        if (acl != null) {
            if (!acl.name().isEmpty()) {
                ctx.diag().warning(String.format("parsing [%s:%d] : acl '%s' will never match because it only involves keywords that are incompatible with '%s'",
                        line.file(), line.lineNo(), acl.name(), CheckPlace.nameOf(where)));
            } else {
                ctx.diag().warning(String.format("parsing [%s:%d] : anonymous acl will never match because it uses keyword '%s' which is incompatible with '%s'",
                        line.file(), line.lineNo(), acl.exprs().get(0).keyword(), CheckPlace.nameOf(where)));
            }
            return ErrCode.WARN;
        }
        AclCondition.AclExprConflict c = cond.conflictingKeyword(where);
        if (c == null) {
            return ErrCode.NONE;
        }
        if (!c.acl().name().isEmpty()) {
            ctx.diag().warning(String.format("parsing [%s:%d] : acl '%s' involves keywords '%s' which is incompatible with '%s'",
                    line.file(), line.lineNo(), c.acl().name(), c.keyword(), CheckPlace.nameOf(where)));
        } else {
            ctx.diag().warning(String.format("parsing [%s:%d] : anonymous acl involves keyword '%s' which is incompatible with '%s'",
                    line.file(), line.lineNo(), c.keyword(), CheckPlace.nameOf(where)));
        }
        return ErrCode.WARN;
    }

    /** The tcp-request flavour: the message is returned as the keyword's warning text. */
    static String tcpCondConflicts(AclCondition cond, int where, String a0, String a1) {
        if (cond == null) {
            return null;
        }
        Acl acl = cond.conflicting(where);
        if (acl != null) {
            if (!acl.name().isEmpty()) {
                return String.format("acl '%s' will never match in '%s %s' because it only involves keywords that are incompatible with '%s'",
                        acl.name(), a0, a1, CheckPlace.nameOf(where));
            }
            return String.format("anonymous acl will never match in '%s %s' because it uses keyword '%s' which is incompatible with '%s'",
                    a0, a1, acl.exprs().get(0).keyword(), CheckPlace.nameOf(where));
        }
        AclCondition.AclExprConflict c = cond.conflictingKeyword(where);
        if (c == null) {
            return null;
        }
        if (!c.acl().name().isEmpty()) {
            return String.format("acl '%s' involves keyword '%s' which is incompatible with '%s'", c.acl().name(), c.keyword(), CheckPlace.nameOf(where));
        }
        return String.format("anonymous acl involves keyword '%s' which is incompatible with '%s'", c.keyword(), CheckPlace.nameOf(where));
    }

    private static boolean after(ParseContext ctx, Line line, boolean present, String arg, String what) {
        if (present) {
            ctx.diag().warning(String.format("parsing [%s:%d] : a '%s' rule placed after %s rule will still be processed before.",
                    line.file(), line.lineNo(), arg, what));
        }
        return present;
    }

    static boolean misplacedRedirect(ParseContext ctx, Line line, ProxyRules r, String arg) {
        return after(ctx, line, !r.useBackends().isEmpty(), arg, "a 'use_backend'")
                || after(ctx, line, !r.useServers().isEmpty(), arg, "a 'use-server'");
    }

    static boolean misplacedHttpReq(ParseContext ctx, Line line, ProxyRules r, String arg) {
        return after(ctx, line, !r.redirects().isEmpty(), arg, "a 'redirect'") || misplacedRedirect(ctx, line, r, arg);
    }

    static boolean misplacedMonitor(ParseContext ctx, Line line, ProxyRules r, String arg) {
        return after(ctx, line, r.hasRules(RuleSet.HTTP_REQ), arg, "an 'http-request'") || misplacedHttpReq(ctx, line, r, arg);
    }

    static boolean misplacedTcpCont(ParseContext ctx, Line line, ProxyRules r, String arg) {
        return after(ctx, line, !r.monitorFail().isEmpty(), arg, "a 'monitor fail'") || misplacedMonitor(ctx, line, r, arg);
    }

    static boolean misplacedTcpSess(ParseContext ctx, Line line, ProxyRules r, String arg) {
        return after(ctx, line, r.hasRules(RuleSet.TCP_REQ_CONT), arg, "a 'tcp-request content'") || misplacedTcpCont(ctx, line, r, arg);
    }

    static boolean misplacedTcpConn(ParseContext ctx, Line line, ProxyRules r, String arg) {
        return after(ctx, line, r.hasRules(RuleSet.TCP_REQ_SESS), arg, "a 'tcp-request session'") || misplacedTcpSess(ctx, line, r, arg);
    }
}
