package org.jhaproxy.config.check;

import java.nio.file.Files;
import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * The server part of check_config_validity() (cfgparse.c): distinct server names, the SSL
 * context of SSL servers (client certificate, CA to verify with), "track" targets; then the
 * resolvers post-parser's check that each server's "resolvers" section exists.
 *
 * <p>{@link #perProxy} runs where check_config_validity() runs it for each proxy; the whole
 * pass ({@link #run}) is for a validity check that does not call it itself.
 */
public final class ServerChecks implements PostParseCheck {

    @Override
    public int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (px.disabled()) {
                continue;
            }
            err |= perProxy(ctx, px);
            err |= nonHttpServers(ctx, px);
        }
        err |= BindSslChecks.run(ctx);
        err |= resolvers(ctx);
        return err;
    }

    /** The per-proxy server checks, in check_config_validity()'s order. */
    public static int perProxy(ParseContext ctx, ProxyBuilder px) {
        int err = duplicateNames(ctx, px);
        for (ServerBuilder srv : px.servers()) {
            Prefix out = new Prefix(ctx, srv, px);
            if (srv.ssl() || srv.checkSsl() == 1 || srv.defaultServerSsl()) {
                err |= prepareSsl(ctx, out, srv);
            }
            if (srv.track() != null) {
                err |= applyTrack(ctx, out, px, srv);
            }
        }
        return err;
    }

    /**
     * check_config_validity()'s "no cross-dressing a TCP server into HTTP": in a proxy not in
     * HTTP mode a "redir" prefix is an error and a "cookie" is ignored with a warning.
     */
    public static int nonHttpServers(ParseContext ctx, ProxyBuilder px) {
        if (px.mode() == org.jhaproxy.config.model.ProxyMode.HTTP || px.isDefaults()) {
            return ErrCode.NONE;
        }
        int err = ErrCode.NONE;
        for (ServerBuilder srv : px.servers()) {
            if (srv.options().containsKey("redir")) {
                ctx.diag().alert(String.format("%s '%s' : server cannot have cookie or redirect prefix in non-HTTP mode.",
                        px.typeString(), px.name()));
                err |= ErrCode.ALERT_FATAL;
            }
            if (srv.options().containsKey("cookie")) {
                ctx.diag().warning(String.format("%s '%s' : ignoring cookie for server '%s' as HTTP mode is disabled.",
                        px.typeString(), px.name(), srv.name()));
                err |= ErrCode.WARN;
            }
        }
        return err;
    }

    /** The user-messages context of one server: its prefix goes on the first message only. */
    private static final class Prefix {
        private final ParseContext ctx;
        private String prefix;

        Prefix(ParseContext ctx, ServerBuilder srv, ProxyBuilder px) {
            this.ctx = ctx;
            this.prefix = String.format("[%s:%d] : 'server %s/%s' : ", srv.at().file(), srv.at().line(), px.name(), srv.name());
        }

        void alert(String text) {
            ctx.diag().alert(prefix + text);
            prefix = "";
        }
    }

    /** Servers without an explicit id must have distinct names (first conflict of each only). */
    static int duplicateNames(ParseContext ctx, ProxyBuilder px) {
        int err = ErrCode.NONE;
        List<ServerBuilder> list = px.servers();
        for (int i = 0; i < list.size(); i++) {
            ServerBuilder s = list.get(i);
            if (s.id() != 0) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                ServerBuilder o = list.get(j);
                if (o.id() == 0 && o.name().equals(s.name())) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : %s '%s', another server named '%s' was already defined at line %d, please use distinct names.",
                            s.at().file(), s.at().line(), px.typeString(), px.name(), s.name(), o.at().line()));
                    err |= ErrCode.ALERT_FATAL;
                    break;
                }
            }
        }
        return err;
    }

    /** ssl_sock_prepare_srv_ctx(): the client certificate, then the verification settings. */
    private static int prepareSsl(ParseContext ctx, Prefix out, ServerBuilder srv) {
        int err = ErrCode.NONE;
        if (srv.crt() != null) {
            var p = ctx.env().resolve(srv.crt());
            if (!Files.exists(p) || Files.isDirectory(p)) {
                out.alert(String.format("unable to stat SSL certificate from file '%s' : No such file or directory.", srv.crt()));
                err |= ErrCode.ALERT_FATAL;
            }
        }
        boolean globalRequired = !"none".equals(globalArg(ctx, "ssl-server-verify"));
        String verify = srv.options().get("verify");
        boolean peer = verify == null ? globalRequired : verify.equals("required");
        if (peer && srv.options().get("ca-file") == null) {
            out.alert(globalRequired
                    ? "verify is enabled by default but no CA file specified. If you're running on a LAN where you're certain to trust the server's certificate, please set an explicit 'verify none' statement on the 'server' line, or use 'ssl-server-verify none' in the global section to disable server-side verifications by default."
                    : "verify is enabled but no CA file specified.");
            err |= ErrCode.ALERT_FATAL;
        }
        return err;
    }

    /** srv_apply_track(): "[<proxy>/]<server>" must name a server with checks. */
    private static int applyTrack(ParseContext ctx, Prefix out, ProxyBuilder px, ServerBuilder srv) {
        String target = srv.track();
        int slash = target.lastIndexOf('/');
        ProxyBuilder tpx = px;
        String sname = target;
        if (slash >= 0) {
            String pname = target.substring(0, slash);
            sname = target.substring(slash + 1);
            tpx = null;
            for (ProxyBuilder p : ctx.config().proxies()) {
                if (p.name().equals(pname) && p.has(ProxyCapability.BACKEND)) {
                    tpx = p;
                    break;
                }
            }
            if (tpx == null) {
                out.alert(String.format("unable to find required proxy '%s' for tracking.", pname));
                return ErrCode.ALERT_FATAL;
            }
        }
        ServerBuilder t = null;
        for (ServerBuilder s : tpx.servers()) {
            if (s.name().equals(sname)) {
                t = s;
                break;
            }
        }
        if (t == null) {
            out.alert(String.format("unable to find required server '%s' for tracking.", sname));
            return ErrCode.ALERT_FATAL;
        }
        if (!t.check() && !t.agentCheck() && t.track() == null) {
            out.alert(String.format("unable to use %s/%s for tracking as it does not have any check nor agent enabled.", tpx.name(), t.name()));
            return ErrCode.ALERT_FATAL;
        }
        if (t == srv) {
            out.alert(String.format("unable to track %s/%s as it belongs to a tracking chain looping back to %s/%s.",
                    tpx.name(), t.name(), tpx.name(), t.name()));
            return ErrCode.ALERT_FATAL;
        }
        return ErrCode.NONE;
    }

    /** resolvers_finalize_config(): each "resolvers" a server names must be a resolvers section. */
    public static int resolvers(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (px.disabled()) {
                continue;
            }
            for (ServerBuilder srv : px.servers()) {
                String r = srv.resolvers();
                if (r != null && ctx.config().otherSections().find("resolvers", r) == null) {
                    ctx.diag().alert(String.format("%s '%s', server '%s': unable to find required resolvers '%s'",
                            px.typeString(), px.name(), srv.name(), r));
                    err |= ErrCode.ALERT_FATAL;
                }
            }
        }
        return err;
    }

    private static String globalArg(ParseContext ctx, String keyword) {
        GlobalBuilder.Setting s = ctx.config().global().get(keyword);
        if (s == null || s.args().isEmpty()) {
            return null;
        }
        int i = s.args().get(0).equals(keyword) ? 1 : 0;
        return i < s.args().size() ? s.args().get(i) : null;
    }
}
