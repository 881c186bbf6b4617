package org.jhaproxy.config.proxy;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/**
 * The core keywords of the proxy sections (cfgparse-listen.c and the CFG_LISTEN lists of
 * proxy.c, http_htx.c, tcpcheck.c, extcheck.c, flt_http_comp.c), registered once.
 */
public final class ProxyKeywords {
    /**
     * The candidates HAProxy's cfg_find_best_match() tries for an unknown proxy keyword: the
     * registered CFG_LISTEN keywords (in link order of their files), then cfgparse-listen.c's
     * common_kw_list. Removed directives are not among them.
     */
    private static final List<String> SUGGESTIONS = List.of(
            // tcpcheck.c
            "http-check", "tcp-check",
            // proxy.c
            "timeout", "clitimeout", "contimeout", "srvtimeout", "rate-limit", "max-keep-alive-queue", "declare",
            "retry-on", "clitcpka-cnt", "srvtcpka-cnt", "clitcpka-idle", "srvtcpka-idle", "clitcpka-intvl", "srvtcpka-intvl",
            // http_htx.c
            "errorloc", "errorloc302", "errorloc303", "errorfile", "errorfiles", "http-error",
            // tcp_rules.c, filters.c, fcgi-app.c, flt_http_comp.c, extcheck.c
            "tcp-request", "tcp-response", "filter", "use-fcgi-app", "compression", "external-check",
            // common_kw_list
            "listen", "frontend", "backend", "defaults", "server",
            "default-server", "server-template", "bind", "monitor-net",
            "monitor-uri", "mode", "id", "description", "disabled", "enabled",
            "bind-process", "acl", "dynamic-cookie-key", "cookie", "email-alert",
            "persist", "appsession", "load-server-state-from-file",
            "server-state-file-name", "max-session-srv-conns", "capture",
            "retries", "http-request", "http-response", "http-after-response",
            "http-send-name-header", "block", "redirect", "use_backend",
            "use-server", "force-persist", "ignore-persist", "force-persist",
            "stick-table", "stick", "stats", "option", "default_backend",
            "http-reuse", "monitor", "transparent", "maxconn", "backlog",
            "fullconn", "dispatch", "balance", "hash-type",
            "hash-balance-factor", "unique-id-format", "unique-id-header",
            "log-format", "log-format-sd", "log-tag", "log", "source", "usesrc",
            "error-log-format");

    private ProxyKeywords() {
    }

    public static List<String> suggestions() {
        return SUGGESTIONS;
    }

    public static void register(KeywordTable<ProxyBuilder> t) {
        t.add("mode", "mode {tcp|http}", CoreKeywords::mode);
        t.add("id", "id <number>", CoreKeywords::id);
        t.add("description", "description <text>", CoreKeywords::description);
        t.add("disabled", "disabled", CoreKeywords::disabled);
        t.add("enabled", "enabled", CoreKeywords::disabled);
        t.add("bind-process", "bind-process [all|odd|even|<n>[-<m>]] ...", CoreKeywords::bindProcess);
        t.add("dynamic-cookie-key", "dynamic-cookie-key <key>", CoreKeywords::dynamicCookieKey);
        t.add("cookie", "cookie <name> [rewrite|insert|prefix] [options...]", CookieCaptureKeywords::cookie);
        t.add("email-alert", "email-alert {from|to|mailers|myhostname|level} <value>", CoreKeywords::emailAlert);
        t.add("persist", "persist rdp-cookie[(<name>)]", CoreKeywords::persist);
        t.add("load-server-state-from-file", "load-server-state-from-file {global|local|none}", CoreKeywords::loadServerState);
        t.add("server-state-file-name", "server-state-file-name [<file>|use-backend-name]", CoreKeywords::serverStateFileName);
        t.add("max-session-srv-conns", "max-session-srv-conns <nb>", CoreKeywords::maxSessionSrvConns);
        t.add("capture", "capture {cookie <name>|request header <name>|response header <name>} len <len>", CookieCaptureKeywords::capture);
        t.add("retries", "retries <value>", CoreKeywords::retries);
        t.add("http-send-name-header", "http-send-name-header [<header>]", CoreKeywords::httpSendNameHeader);
        t.add("stats", "stats <parameter> ...", StatsKeyword::parse);
        t.add("option", "[no] option <name> [args...]", OptionKeyword::parse);
        t.add("default_backend", "default_backend <backend>", CoreKeywords::defaultBackend);
        t.add("http-reuse", "http-reuse {never|safe|aggressive|always}", CoreKeywords::httpReuse);
        t.add("transparent", "transparent", CoreKeywords::transparent);
        t.add("maxconn", "maxconn <conns>", CoreKeywords::integer);
        t.add("backlog", "backlog <conns>", CoreKeywords::integer);
        t.add("fullconn", "fullconn <conns>", CoreKeywords::integer);
        t.add("balance", "balance <algorithm> [<arguments>]", BalanceKeywords::balance);
        t.add("hash-type", "hash-type <method> <function> <modifier>", BalanceKeywords::hashType);
        t.add("hash-balance-factor", "hash-balance-factor <factor>", CoreKeywords::hashBalanceFactor);
        t.add("unique-id-format", "unique-id-format <string>", LogKeywords::uniqueIdFormat);
        t.add("unique-id-header", "unique-id-header <name>", LogKeywords::uniqueIdHeader);
        t.add("log-format", "log-format <string>", LogKeywords::logFormat);
        t.add("log-format-sd", "log-format-sd <string>", LogKeywords::logFormatSd);
        t.add("error-log-format", "error-log-format <string>", LogKeywords::errorLogFormat);
        t.add("log-tag", "log-tag <string>", LogKeywords::logTag);
        t.add("log", "[no] log {global|<target> [len <n>] [format <f>] <facility> [<level> [<minlevel>]]}", LogKeywords::log);
        for (String kw : List.of("timeout", "clitimeout", "contimeout", "srvtimeout")) {
            t.add(kw, kw.equals("timeout") ? "timeout <event> <time>" : "removed: use 'timeout'", TimeoutKeywords::parse);
        }
        t.add("rate-limit", "rate-limit sessions <rate>", TuningKeywords::rateLimit);
        t.add("max-keep-alive-queue", "max-keep-alive-queue <value>", TuningKeywords::maxKeepAliveQueue);
        t.add("declare", "declare capture {request|response} len <length>", TuningKeywords::declare);
        t.add("retry-on", "retry-on [<keyword>...]", TuningKeywords::retryOn);
        for (String kw : List.of("clitcpka-cnt", "srvtcpka-cnt", "clitcpka-idle", "srvtcpka-idle", "clitcpka-intvl", "srvtcpka-intvl")) {
            t.add(kw, kw + " <value>", TuningKeywords::tcpKeepAlive);
        }
        t.add("errorloc", "errorloc <code> <url>", ErrorFileKeywords::errorloc);
        t.add("errorloc302", "errorloc302 <code> <url>", ErrorFileKeywords::errorloc);
        t.add("errorloc303", "errorloc303 <code> <url>", ErrorFileKeywords::errorloc);
        t.add("errorfile", "errorfile <code> <file>", ErrorFileKeywords::errorfile);
        t.add("errorfiles", "errorfiles <name> [<code> ...]", ErrorFileKeywords::errorfiles);
        t.add("http-error", "http-error status <code> [content-type <type>] [<body>]", ErrorFileKeywords::httpError);
        t.add("http-check", "http-check <action> [args...]", CheckKeywords::httpCheck);
        t.add("tcp-check", "tcp-check <action> [args...]", CheckKeywords::tcpCheck);
        t.add("external-check", "external-check {command|path} <value>", CheckKeywords::externalCheck);
        t.add("use-fcgi-app", "use-fcgi-app <name>", FcgiAppKeyword::parse);
        t.add("compression", "compression {algo|type|offload} ...", CheckKeywords::compression);
        RemovedKeywords.register(t);
    }

    /** Every keyword this area registers, for tests and documentation. */
    static List<String> registered() {
        KeywordTable<ProxyBuilder> t = new KeywordTable<>("listen");
        register(t);
        return new ArrayList<>(t.names());
    }
}
