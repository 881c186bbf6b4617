package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "use-fcgi-app" proxy keyword (fcgi-app.c proxy_parse_use_fcgi_app()): declares the FCGI
 * filter of a backend. The application is looked up after parsing (see check/FcgiAppChecks).
 */
final class FcgiAppKeyword {
    private FcgiAppKeyword() {
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (!px.has(ProxyCapability.BACKEND)) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' only available in backend or listen section", kw));
        }
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' expects <name> as argument", kw));
        }
        if (px.fcgiApp() != null) {
            // the same application again is accepted, another one is not
            if (px.fcgiApp().equals(line.arg(1))) {
                return ErrCode.NONE;
            }
            return ProxyChecks.alert(ctx, line, String.format("'%s' : only one fcgi-app supported per backend", kw));
        }
        px.fcgiApp(line.arg(1), new Position(line.file(), line.lineNo()));
        return ErrCode.NONE;
    }
}
