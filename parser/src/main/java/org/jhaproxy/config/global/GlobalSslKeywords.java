package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.ModuleKeyword.handler;
import static org.jhaproxy.config.global.ModuleKeyword.tooMany;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhaproxy.config.global.ModuleKeyword.Outcome;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/** The global keywords of the SSL module (cfgparse-ssl.c), in its registration order. */
final class GlobalSslKeywords {
    private static final List<String> TLS_VERSIONS = List.of("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private GlobalSslKeywords() {
    }

    static void register(KeywordTable<GlobalBuilder> t) {
        t.add("ca-base", "ca-base <dir>", handler(GlobalSslKeywords::base));
        t.add("crt-base", "crt-base <dir>", handler(GlobalSslKeywords::base));
        t.add("issuers-chain-path", "issuers-chain-path <dir>", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 1);
            if (tm != null) {
                return tm;
            }
            Path p = ctx.env().resolve(line.arg(1));
            if (line.arg(1).isEmpty() || !Files.exists(p)) {
                return Outcome.error("global statement '%s' expects a directory path as an argument.\n", line.keyword());
            }
            if (!Files.isDirectory(p)) {
                return Outcome.error("global statement '%s': %s is not a directory.\n", line.keyword(), line.arg(1));
            }
            return Outcome.OK;
        }));
        t.add("maxsslconn", "maxsslconn <number>", handler(GlobalSslKeywords::positiveInt));
        t.add("ssl-default-bind-options", "ssl-default-bind-options <option>...", handler((c, l, g) -> options(l, true)));
        t.add("ssl-default-server-options", "ssl-default-server-options <option>...", handler((c, l, g) -> options(l, false)));
        t.add("ssl-dh-param-file", "ssl-dh-param-file <file>", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 1);
            if (tm != null) {
                return tm;
            }
            if (line.arg(1).isEmpty()) {
                return Outcome.error("'%s' expects a file path as an argument.", line.keyword());
            }
            if (!Files.isReadable(ctx.env().resolve(line.arg(1)))) {
                return Outcome.error("'%s': unable to load DH parameters from file <%s>.", line.keyword(), line.arg(1));
            }
            return Outcome.OK;
        }));
        t.add("ssl-mode-async", "ssl-mode-async", handler((c, l, g) -> Outcome.OK));
        t.add("ssl-propquery", "ssl-propquery <query>", handler((c, l, g) -> l.arg(1).isEmpty()
                ? Outcome.error("global statement '%s' expects a property string as an argument.", l.keyword()) : Outcome.OK));
        t.add("ssl-provider", "ssl-provider <name>", handler((c, l, g) -> l.arg(1).isEmpty()
                ? Outcome.error("global statement '%s' expects a valid engine provider name as an argument.", l.keyword()) : Outcome.OK));
        t.add("ssl-provider-path", "ssl-provider-path <dir>", handler((c, l, g) -> l.arg(1).isEmpty()
                ? Outcome.error("global statement '%s' expects a directory path as an argument.", l.keyword()) : Outcome.OK));
        t.add("ssl-skip-self-issued-ca", "ssl-skip-self-issued-ca", handler((c, l, g) -> Outcome.OK));
        t.add("tune.ssl.cachesize", "tune.ssl.cachesize <number>", handler(GlobalSslKeywords::positiveInt));
        t.add("tune.ssl.default-dh-param", "tune.ssl.default-dh-param <bits>", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 1);
            if (tm != null) {
                return tm;
            }
            if (line.arg(1).isEmpty()) {
                return Outcome.error("'%s' expects an integer argument.", line.keyword());
            }
            if (CNumber.atoi(line.arg(1)) < 1024) {
                return Outcome.error("'%s' expects a value >= 1024.", line.keyword());
            }
            return Outcome.OK;
        }));
        t.add("tune.ssl.force-private-cache", "tune.ssl.force-private-cache", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 0);
            return tm != null ? tm : Outcome.OK;
        }));
        t.add("tune.ssl.lifetime", "tune.ssl.lifetime <time>", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 1);
            if (tm != null) {
                return tm;
            }
            if (line.arg(1).isEmpty()) {
                return Outcome.error("'%s' expects ssl sessions <lifetime> in seconds as argument.", line.keyword());
            }
            TimeValue tv = TimeValue.parse(line.arg(1), TimeValue.S, ctx.diag());
            return switch (tv.status()) {
                case OVERFLOW -> Outcome.error("timer overflow in argument '%s' to <%s> (maximum value is 2147483647 s or ~68 years).",
                        line.arg(1), line.keyword());
                case UNDERFLOW -> Outcome.error("timer underflow in argument '%s' to <%s> (minimum non-null value is 1 s).",
                        line.arg(1), line.keyword());
                case BAD_CHAR -> Outcome.error("unexpected character '%s' in argument to <%s>.",
                        GlobalTuneKeywords.charText(tv.badChar()), line.keyword());
                default -> Outcome.OK;
            };
        }));
        t.add("tune.ssl.maxrecord", "tune.ssl.maxrecord <bytes>", handler(GlobalSslKeywords::positiveInt));
        t.add("tune.ssl.hard-maxrecord", "tune.ssl.hard-maxrecord <bytes>", handler(GlobalSslKeywords::positiveInt));
        t.add("tune.ssl.ssl-ctx-cache-size", "tune.ssl.ssl-ctx-cache-size <number>", handler(GlobalSslKeywords::positiveInt));
        t.add("tune.ssl.capture-cipherlist-size", "deprecated", handler((ctx, line, g) -> {
            ctx.diag().warning(String.format("parsing [%s:%d]: '%s' is deprecated and will be removed in version 2.7. "
                    + "Please use 'tune.ssl.capture-buffer-size' instead.", line.file(), line.lineNo(), line.keyword()));
            return captureBuffer(ctx, line, g);
        }));
        t.add("tune.ssl.capture-buffer-size", "tune.ssl.capture-buffer-size <bytes>", handler(GlobalSslKeywords::captureBuffer));
        t.add("tune.ssl.keylog", "tune.ssl.keylog on|off", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 1);
            if (tm != null) {
                return tm;
            }
            if (!line.arg(1).equals("on") && !line.arg(1).equals("off")) {
                return Outcome.error("'%s' expects either 'on' or 'off' but got '%s'.", line.keyword(), line.arg(1));
            }
            return Outcome.OK;
        }));
        t.add("ssl-default-bind-ciphers", "ssl-default-bind-ciphers <ciphers>", handler((c, l, g) -> text(l, "a cipher suite as an argument.")));
        t.add("ssl-default-server-ciphers", "ssl-default-server-ciphers <ciphers>", handler((c, l, g) -> text(l, "a cipher suite as an argument.")));
        t.add("ssl-default-bind-curves", "ssl-default-bind-curves <curves>", handler((c, l, g) -> text(l, "a curves suite as an arguments.")));
        t.add("ssl-default-bind-ciphersuites", "ssl-default-bind-ciphersuites <suites>",
                handler((c, l, g) -> text(l, "a cipher suite as an argument.")));
        t.add("ssl-default-server-ciphersuites", "ssl-default-server-ciphersuites <suites>",
                handler((c, l, g) -> text(l, "a cipher suite as an argument.")));
        t.add("ssl-load-extra-files", "ssl-load-extra-files <kind>...", handler((c, l, g) -> extraFiles(l)));
        t.add("ssl-load-extra-del-ext", "ssl-load-extra-del-ext", handler((c, l, g) -> Outcome.OK));
    }

    private static Outcome base(ParseContext ctx, Line line, GlobalBuilder g) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        if (g.isSet(line.keyword())) {
            return Outcome.error("'%s' already specified.", line.keyword());
        }
        if (line.arg(1).isEmpty()) {
            return Outcome.error("global statement '%s' expects a directory path as an argument.", line.keyword());
        }
        return Outcome.OK;
    }

    /** ssl_parse_global_int(): an atoi() value that must not be negative. */
    private static Outcome positiveInt(ParseContext ctx, Line line, GlobalBuilder g) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        if (line.arg(1).isEmpty()) {
            return Outcome.error("'%s' expects an integer argument.", line.keyword());
        }
        if (CNumber.atoi(line.arg(1)) < 0) {
            return Outcome.error("'%s' expects a positive numeric value.", line.keyword());
        }
        return Outcome.OK;
    }

    private static Outcome captureBuffer(ParseContext ctx, Line line, GlobalBuilder g) {
        Outcome o = positiveInt(ctx, line, g);
        if (o.rc() != 0) {
            return o;
        }
        if (g.isSet("tune.ssl.capture-buffer-size") || g.isSet("tune.ssl.capture-cipherlist-size")) {
            return Outcome.error("'%s' is already configured.", line.keyword());
        }
        return Outcome.OK;
    }

    private static Outcome text(Line line, String expects) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        if (line.arg(1).isEmpty()) {
            return Outcome.error("global statement '%s' expects %s", line.keyword(), expects);
        }
        return Outcome.OK;
    }

    /** ssl-default-bind-options / ssl-default-server-options. */
    private static Outcome options(Line line, boolean bind) {
        if (line.arg(1).isEmpty()) {
            return Outcome.error("global statement '%s' expects an option as an argument.", line.keyword());
        }
        for (int i = 1; !line.arg(i).isEmpty(); i++) {
            String o = line.arg(i);
            if (o.equals("no-tls-tickets") || (bind && o.equals("prefer-client-ciphers"))) {
                continue;
            }
            if (o.equals("ssl-min-ver") || o.equals("ssl-max-ver")) {
                String v = line.arg(i + 1);
                if (v.isEmpty()) {
                    return Outcome.error("'%s' : missing the ssl/tls version on global statement '%s'.", o, line.keyword());
                }
                if (!TLS_VERSIONS.contains(v)) {
                    return Outcome.error("'%s' : unknown ssl/tls version on global statement '%s'.", v, line.keyword());
                }
                i++;
                continue;
            }
            int dash = o.indexOf('-');
            String version = dash < 0 ? "" : o.substring(dash + 1);
            boolean known = List.of("sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13").contains(version)
                    && (o.startsWith("no-") || o.startsWith("force-"));
            if (!known) {
                return Outcome.error("unknown option '%s' on global statement '%s'.", o, line.keyword());
            }
        }
        return Outcome.OK;
    }

    private static Outcome extraFiles(Line line) {
        String usage = String.format("'%s' expects one or multiple arguments (none, all, bundle, sctl, ocsp, issuer).", line.keyword());
        if (line.arg(1).isEmpty()) {
            return Outcome.error(usage);
        }
        boolean any = false;
        int i = 1;
        for (; !line.arg(i).isEmpty(); i++) {
            String a = line.arg(i);
            if (List.of("bundle", "sctl", "ocsp", "issuer", "key").contains(a)) {
                any = true;
            } else if (a.equals("none") || a.equals("all")) {
                if (any) {
                    return Outcome.error("'%s' 'none' and 'all' can be only used alone", line.keyword());
                }
                i++;
                break;
            } else {
                return Outcome.error(usage);
            }
        }
        if (!line.arg(i).isEmpty()) {
            return Outcome.error("'%s' 'none' and 'all' can be only used alone", line.keyword());
        }
        return Outcome.OK;
    }
}
