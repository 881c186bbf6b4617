package org.jhaproxy.runtime.server;

import java.util.ArrayList;
import java.util.List;

/**
 * One server line of a server-state file, version 1, as "show servers state" prints it
 * (srv_state_parse_line()): 20 to 25 fields separated by spaces or tabs, be_id be_name srv_id
 * srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight
 * srv_time_since_last_change srv_check_status srv_check_result srv_check_health
 * srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord
 * [srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port]. Fields past the
 * 25th are dropped, as haproxy stops reading there.
 */
record ServerStateLine(List<String> fields) {
    private static final int MIN_FIELDS = 20;
    private static final int MAX_FIELDS = 25;

    /** What a file line is: a server line, nothing (blank or comment), or corrupted (no newline, field count). */
    enum Kind { SERVER, IGNORED, CORRUPTED }

    /** The line as read, {@code terminated} when a newline ended it (a truncated last line is corrupted). */
    static Kind kind(String line, boolean terminated) {
        if (!terminated) {
            return Kind.CORRUPTED;
        }
        String t = stripBlanks(line);
        if (t.isEmpty() || t.charAt(0) == '#') {
            return Kind.IGNORED;
        }
        int n = split(line).size();
        return n < MIN_FIELDS ? Kind.CORRUPTED : Kind.SERVER;
    }

    static ServerStateLine of(String line) {
        List<String> f = split(line);
        return new ServerStateLine(f.size() > MAX_FIELDS ? f.subList(0, MAX_FIELDS) : f);
    }

    String backendId() {
        return fields.get(0);
    }

    String backendName() {
        return fields.get(1);
    }

    String serverName() {
        return fields.get(3);
    }

    /** The i-th server field (0 = srv_addr), null past the end of the line. */
    String param(int i) {
        int at = i + 4;
        return at < fields.size() ? fields.get(at) : null;
    }

    /** bk_f_forced_id: the backend's id was forced in the configuration that wrote the file. */
    boolean backendIdForced() {
        return (atoi(fields.get(15)) & 1) != 0;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            out.add(line.substring(start, i));
        }
        return out;
    }

    private static String stripBlanks(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    /**
     * strtol(text, &end, 10): the value, or null when no digit was read or it overflows a long
     * (the state file's validity checks reject both).
     */
    static Long strtol(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = i < n && text.charAt(i) == '-';
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return null;
        }
        java.math.BigInteger v = new java.math.BigInteger(text.substring(start, i));
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() > 63 ? null : v.longValue();
    }

    static int atoi(String text) {
        Long v = strtol(text);
        return v == null ? 0 : v.intValue();
    }
}
