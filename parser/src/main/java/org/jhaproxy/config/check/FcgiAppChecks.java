package org.jhaproxy.config.check;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * The proxy side of FastCGI after parsing (fcgi-app.c): the filter check of "use-fcgi-app"
 * (fcgi_flt_check(): the application must exist), then the "fcgi-apps" config post-parser
 * (cfg_fcgi_apps_postparser(): HTTP mode only, FCGI servers need an application and an
 * application needs an FCGI server; the first such error stops it). The mux checks that follow
 * the filter checks in check_config_validity() run here too, in that order.
 */
public final class FcgiAppChecks implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (px.disabled() || px.isDefaults()) {
                continue;
            }
            if (px.fcgiApp() != null && ctx.config().otherSections().find("fcgi-app", px.fcgiApp()) == null) {
                ctx.diag().alert(String.format("proxy '%s' : fcgi-app '%s' not found.", px.name(), px.fcgiApp()));
                err |= ErrCode.ALERT_FATAL;
            }
            // check_config_validity() goes on with the "proto" of binds and servers
            err |= MuxChecks.perProxy(ctx, px);
        }
        return err | postParser(ctx);
    }

    private static int postParser(ParseContext ctx) {
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (px.isDefaults()) {
                continue;
            }
            boolean app = px.fcgiApp() != null;
            if (px.mode() == ProxyMode.TCP && app) {
                ctx.diag().alert(String.format("proxy '%s': FCGI application cannot be used in non-HTTP mode.", px.name()));
                return ErrCode.ALERT_FATAL;
            }
            int fcgiServers = 0;
            for (ServerBuilder srv : px.servers()) {
                if ("fcgi".equals(srv.options().get("proto"))) {
                    fcgiServers++;
                    if (!app) {
                        ctx.diag().alert(String.format("proxy '%s': FCGI server '%s' has no FCGI app configured.", px.name(), srv.name()));
                        return ErrCode.ALERT_FATAL;
                    }
                }
            }
            if (app && fcgiServers == 0) {
                ctx.diag().alert(String.format("proxy '%s': FCGI app configured but no FCGI server found.", px.name()));
                return ErrCode.ALERT_FATAL;
            }
        }
        return ErrCode.NONE;
    }
}
