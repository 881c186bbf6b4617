package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.BackendRef;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The general proxy keywords cfg_parse_listen() parses itself: mode, id, description,
 * disabled/enabled, bind-process, maxconn/backlog/fullconn, retries, default_backend,
 * http-reuse, persist, email-alert and the other one-liners.
 */
final class CoreKeywords {
    private CoreKeywords() {
    }

    static int mode(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ProxyChecks.tooManyArgs(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        switch (line.arg(1)) {
            case "http" -> px.mode(ProxyMode.HTTP);
            case "tcp" -> px.mode(ProxyMode.TCP);
            case "health" -> {
                return ProxyChecks.alert(ctx, line, "'mode health' doesn't exist anymore. Please use 'http-request return status 200' instead.");
            }
            default -> {
                return ProxyChecks.alert(ctx, line, String.format("unknown proxy mode '%s'.", line.arg(1)));
            }
        }
        return ErrCode.NONE;
    }

    static int id(ParseContext ctx, Line line, ProxyBuilder px) {
        if (px.isDefaults()) {
            return ProxyChecks.alertTight(ctx, line, String.format("'%s' not allowed in 'defaults' section.", line.arg(0)));
        }
        int err = ProxyChecks.tooManyArgs(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alertTight(ctx, line, String.format("'%s' expects an integer argument.", line.arg(0)));
        }
        long id = ProxyChecks.atol(line.arg(1));
        px.uuid(id);
        if ((int) id <= 0) {
            return ProxyChecks.alertTight(ctx, line, "custom id has to be > 0.");
        }
        for (ProxyBuilder other : ctx.config().proxies()) {
            if (other != px && other.uuid() != null && other.uuid() == id) {
                return ProxyChecks.alertTight(ctx, line, String.format("%s %s reuses same custom id as %s %s (declared at %s:%d).",
                        px.typeString(), px.name(), other.typeString(), other.name(), other.at().file(), other.at().line()));
            }
        }
        return ErrCode.NONE;
    }

    static int description(ParseContext ctx, Line line, ProxyBuilder px) {
        if (px.isDefaults()) {
            return ProxyChecks.alertTight(ctx, line, String.format("'%s' not allowed in 'defaults' section.", line.arg(0)));
        }
        if (line.arg(1).isEmpty()) {
            // HAProxy returns -1 here: every error bit, which stops the file and is then
            // reported as "Could not open configuration file <f> : Success"
            ProxyChecks.alertTight(ctx, line, String.format("'%s' expects a string argument.", line.arg(0)));
            return -1;
        }
        return ErrCode.NONE;
    }

    static int disabled(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ProxyChecks.tooManyArgs(ctx, line, 0);
        if (err == 0) {
            px.disabled(line.arg(0).equals("disabled"));
        }
        return err;
    }

    static int bindProcess(ParseContext ctx, Line line, ProxyBuilder px) {
        for (int cur = 1; !line.arg(cur).isEmpty(); cur++) {
            String a = line.arg(cur);
            if (a.equals("all")) {
                break;
            }
            String msg = ProcessNumber.check(a, 1);
            if (msg != null) {
                return ProxyChecks.alert(ctx, line, line.arg(0) + " : " + msg);
            }
        }
        return ProxyChecks.warnTight(ctx, line, String.format("'%s' has no effect, is deprecated, and will be removed in version 2.7.", line.arg(0)));
    }

    /** maxconn, backlog, fullconn: an integer, with the capability warning first. */
    static int integer(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        int err = ErrCode.NONE;
        boolean fe = !kw.equals("fullconn");
        String hint = switch (kw) {
            case "maxconn" -> " Maybe you want 'fullconn' instead ?";
            case "fullconn" -> " Maybe you want 'maxconn' instead ?";
            default -> null;
        };
        if (ProxyChecks.warnIfNotCap(ctx, line, px, fe, !fe, kw, hint)) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects an integer argument.", kw));
        }
        return err | ProxyChecks.tooManyArgs(ctx, line, 1);
    }

    static int retries(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        int tm = ProxyChecks.tooManyArgs(ctx, line, 1);
        if (tm != 0) {
            return err | tm;
        }
        if (line.arg(1).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects an integer argument (dispatch counts for one).", line.arg(0)));
        }
        return err;
    }

    static int defaultBackend(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, false, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects a backend name.", line.arg(0)));
        }
        px.defaultBackend(new BackendRef(line.arg(1), new Position(line.file(), line.lineNo()), false));
        return err | ProxyChecks.tooManyArgs(ctx, line, 1, 0);
    }

    static int httpReuse(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        switch (line.arg(1)) {
            case "never", "safe", "aggressive", "always" -> {
                return err | ProxyChecks.tooManyArgs(ctx, line, 0, 1);
            }
            default -> {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'never', 'safe', 'aggressive', 'always'.", line.arg(0)));
            }
        }
    }

    static int transparent(ParseContext ctx, Line line, ProxyBuilder px) {
        px.transparent(true);
        return ProxyChecks.tooManyArgs(ctx, line, 0);
    }

    static int httpSendNameHeader(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' requires a header string.", line.arg(0)));
        }
        return err;
    }

    static int dynamicCookieKey(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects <secret_key> as argument.", line.arg(0)));
        }
        return err;
    }

    static int emailAlert(ParseContext ctx, Line line, ProxyBuilder px) {
        String sub = line.arg(1);
        if (sub.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("missing argument after '%s'.", line.arg(0)));
        }
        switch (sub) {
            case "from", "mailers", "myhostname", "to" -> px.emailAlert().set(sub, line.arg(2));
            case "level" -> {
                if (!LogLevels.LEVELS.contains(line.arg(2))) {
                    return ProxyChecks.alert(ctx, line, String.format("unknown log level '%s' after '%s'", sub, line.arg(2)));
                }
                px.emailAlert().set(sub, line.arg(2));
            }
            default -> {
                return ProxyChecks.alert(ctx, line, String.format("email-alert: unknown argument '%s'.", sub));
            }
        }
        return ErrCode.NONE;
    }

    static int persist(ParseContext ctx, Line line, ProxyBuilder px) {
        String m = line.arg(1);
        if (m.isEmpty()) {
            return ProxyChecks.alert(ctx, line, "missing persist method.");
        }
        if (!m.startsWith("rdp-cookie")) {
            return ProxyChecks.alert(ctx, line, "unknown persist method.");
        }
        if (m.length() > 10 && m.charAt(10) == '(') {
            int tm = ProxyChecks.tooManyArgs(ctx, line, 1);
            if (tm != 0) {
                return tm;
            }
            int end = m.indexOf(')', 11);
            if (end < 0 || end == 11) {
                return ProxyChecks.alert(ctx, line, "persist rdp-cookie(name)' requires an rdp cookie name.");
            }
        } else if (m.length() > 10) {
            return ProxyChecks.alert(ctx, line, "persist rdp-cookie(name)' requires an rdp cookie name.");
        }
        return ErrCode.NONE;
    }

    static int loadServerState(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        switch (line.arg(1)) {
            case "global", "local", "none" -> px.loadServerStateFromFile(line.arg(1));
            default -> {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects 'global', 'local' or 'none'. Got '%s'", line.arg(0), line.arg(1)));
            }
        }
        return err;
    }

    static int serverStateFileName(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        return err | ProxyChecks.tooManyArgs(ctx, line, 1);
    }

    static int maxSessionSrvConns(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, false, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            // sic: HAProxy 2.6 spells it "parsine"
            ctx.diag().alert(String.format("parsine [%s:%d] : '%s' expects a number. Got no argument", line.file(), line.lineNo(), line.arg(0)));
            return err | ErrCode.ALERT_FATAL;
        }
        return err;
    }

    static int hashBalanceFactor(ParseContext ctx, Line line, ProxyBuilder px) {
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' expects an integer argument.", line.arg(0)));
        }
        long v = ProxyChecks.atol(line.arg(1));
        if (v != 0 && v <= 100) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' must be 0 or greater than 100.", line.arg(0)));
        }
        return ErrCode.NONE;
    }
}
