package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An "fcgi-app" section, frozen (configuration.txt 10.1.1): where the application's scripts
 * live (docroot, index, path-info), how its connections are used (the options), the
 * parameter and header rules in the order of the file, and where its STDERR goes.
 */
public record FcgiAppConfig(String name, Position at, String docroot, String index, String pathInfo,
                            boolean keepConn, boolean getValues, boolean mpxsConns, long maxReqs,
                            List<Rule> rules, List<LogTarget> stderrTargets, List<NamedSection.Entry> lines) {
    /** A "set-param" or "pass-header" line: its name, value (set-param only) and condition words. */
    public record Rule(String keyword, String name, String value, List<String> condition, Position at) {
    }

    public FcgiAppConfig {
        rules = List.copyOf(rules);
        stderrTargets = List.copyOf(stderrTargets);
        lines = List.copyOf(lines);
    }

    static FcgiAppConfig freeze(NamedSection s) {
        String docroot = null;
        String index = null;
        String pathInfo = null;
        // cfg_parse_fcgi_app(): keep-conn is on unless "no option keep-conn", one request a connection
        boolean keepConn = true;
        boolean getValues = false;
        boolean mpxs = false;
        long maxReqs = 1;
        List<Rule> rules = new ArrayList<>();
        for (NamedSection.Entry e : s.lines()) {
            List<String> a = e.args();
            Position at = e.at();
            switch (e.kind()) {
                case "docroot" -> docroot = a.get(1);
                case "index" -> index = a.get(1);
                case "path-info" -> pathInfo = a.get(1);
                case "set-param" -> rules.add(new Rule("set-param", a.get(1), a.get(2), a.subList(3, a.size()), at));
                case "pass-header" -> rules.add(new Rule("pass-header", a.get(1), null, a.subList(2, a.size()), at));
                case "option", "no option" -> {
                    boolean on = e.kind().equals("option");
                    switch (e.name()) {
                        case "keep-conn" -> keepConn = on;
                        case "get-values" -> getValues = on;
                        case "mpxs-conns" -> mpxs = on;
                        case "max-reqs" -> maxReqs = leadingNumber(a.get(2));
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new FcgiAppConfig(s.name(), s.at(), docroot, index, pathInfo, keepConn, getValues, mpxs, maxReqs, rules,
                s.logTargets(), s.lines());
    }

    /** atol(): the leading digits, 0 without any. */
    private static long leadingNumber(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
