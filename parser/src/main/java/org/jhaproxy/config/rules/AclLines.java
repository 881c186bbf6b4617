package org.jhaproxy.config.rules;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/** The "acl" keyword of proxy sections (configuration.txt section 7; cfgparse-listen.c). */
final class AclLines {
    private AclLines() {
    }

    static int acl(ParseContext ctx, Line line, ProxyBuilder px) {
        String where = line.file() + ":" + line.lineNo();
        if (px.isDefaults() && px.name().isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' not allowed in anonymous 'defaults' section.", where, line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        String name = line.arg(1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '.' && c != ':' && c != '_' && c != '-') {
                ctx.diag().alert(String.format("parsing [%s] : character '%c' is not permitted in acl name '%s'.", where, c, name));
                return ErrCode.ALERT_FATAL;
            }
        }
        if (name.isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : character '%c' is not permitted in acl name '%s'.", where, '\0', name));
            return ErrCode.ALERT_FATAL;
        }
        if (name.equalsIgnoreCase("or")) {
            ctx.diag().alert(String.format("parsing [%s] : acl name '%s' will never match. 'or' is used to express a logical disjunction within a condition.",
                    where, name));
            return ErrCode.ALERT_FATAL;
        }
        try {
            RuleParsers.of(ctx).conditions().parseAcl(line.args().subList(1, line.args().size()), px.rules().acls(),
                    new Position(line.file(), line.lineNo()));
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s] : error detected while parsing ACL '%s' : %s.", where, name, e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
        if (!line.arg(2).contains("(") && line.arg(3).startsWith("(")) {
            ctx.diag().warning(String.format("parsing acl '%s' :\n"
                    + "  matching '%s' for pattern '%s' is likely a mistake and probably\n"
                    + "  not what you want. Maybe you need to remove the extraneous space before '('.\n"
                    + "  If you are really sure this is not an error, please insert '--' between the\n"
                    + "  match and the pattern to make this warning message disappear.", name, line.arg(2), line.arg(3)));
        }
        return ErrCode.NONE;
    }
}
