package org.jhaproxy.runtime.listener;

import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.Bind;

/**
 * haproxy's bind_conf: the options of a "bind" line the runtime executes (manual section 5.1), read once from the
 * validated words. "name" and "id" only label the listener (stats, logs); "v4v6"/"v6only" choose
 * whether a "::" listener also takes IPv4 connections (Linux's default: it does); "accept-proxy"
 * makes each connection start with a PROXY protocol header (proxyprotocol.AcceptProxy).
 */
public record BindConf(Bind line, int backlog, int maxconn, String name, int id, boolean v6only, boolean acceptProxy,
                       org.jhaproxy.runtime.ssl.BindSsl ssl) {
    /**
     * Each option executed and tested, with how many value words follow it (RuntimeSupport
     * checks against it). "name" labels the listener in the logs of a connection killed before
     * its stream (a bad PROXY header); "id" is read below but waits for a test.
     */
    public static final Map<String, Integer> EXECUTED = union(Map.of("maxconn", 1, "backlog", 1, "v6only", 0, "v4v6", 0,
            "accept-proxy", 0, "name", 1),
            org.jhaproxy.runtime.ssl.SslKeywords.BIND_OPTIONS);

    private static Map<String, Integer> union(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }

    public static BindConf of(Bind bind) {
        return of(bind, null);
    }

    /** The bind line's options, with its TLS prepared already ({@code ssl}, null without "ssl"). */
    public static BindConf of(Bind bind, org.jhaproxy.runtime.ssl.BindSsl ssl) {
        List<String> w = bind.options();
        int backlog = 0;
        int maxconn = 0;
        String name = null;
        int id = 0;
        boolean v6only = false;
        boolean acceptProxy = false;
        for (int i = 0; i < w.size(); i++) {
            switch (w.get(i)) {
                case "backlog" -> backlog = (int) number(w, ++i);
                case "maxconn" -> maxconn = (int) number(w, ++i);
                case "name" -> name = w.get(++i);
                case "id" -> id = (int) number(w, ++i);
                case "v6only" -> v6only = true;
                case "v4v6" -> v6only = false;
                case "accept-proxy" -> acceptProxy = true;
                default -> {
                }
            }
        }
        return new BindConf(bind, backlog, maxconn, name, id, v6only, acceptProxy, ssl);
    }

    /** atol(), as listener.c reads these values (the parser has validated them already). */
    private static long number(List<String> w, int i) {
        if (i >= w.size()) {
            return 0;
        }
        String t = w.get(i).trim();
        int end = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(t.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
