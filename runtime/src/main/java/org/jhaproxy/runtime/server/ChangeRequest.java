package org.jhaproxy.runtime.server;

import org.jhaproxy.runtime.lb.LbAlgorithms;
import org.jhaproxy.runtime.log.Events;

/**
 * A weight or maxconn change asked for in text, by the CLI ("set weight", "set server ...
 * weight", "set maxconn server") or by an agent's reply ("75%", "maxconn:10"):
 * server_parse_weight_change_request() and server_parse_maxconn_change_request(). Each
 * returns null when applied, else haproxy's message saying why not.
 */
public final class ChangeRequest {
    private ChangeRequest() {
    }

    /** "N" absolute (0..256) or "N%" of the initial weight. */
    public static String weight(Server s, String text, Events events) {
        if (text.isEmpty()) {
            return "Require <weight> or <weight%>.\n";
        }
        int end = digitsEnd(text);
        if (end == 0) {
            return "Empty weight string empty or preceded by garbage";
        }
        long w = value(text, end);
        String rest = text.substring(end);
        if (rest.equals("%")) {
            if (w < 0) {
                return "Relative weight must be positive.\n";
            }
            w = Math.min(w, 25600);
            w = Math.min(s.initialWeight() * w / 100, 256);
        } else if (w < 0 || w > 256) {
            return "Absolute weight can only be between 0 and 256 inclusive.\n";
        } else if (!rest.isEmpty()) {
            return "Trailing garbage in weight string";
        }
        if (w != 0 && w != s.initialWeight() && !LbAlgorithms.dynamicWeights(s.backend().config())) {
            return "Backend is using a static LB algorithm and only accepts weights '0%' and '100%'.\n";
        }
        AdminChange.weight(s, (int) w, events);
        return null;
    }

    /** A new "maxconn"; the queue is served as far as the new limit allows. */
    public static String maxconn(Server s, String text) {
        if (text.isEmpty()) {
            return "Require <maxconn>.\n";
        }
        int end = digitsEnd(text);
        if (end == 0) {
            return "maxconn string empty or preceded by garbage";
        } else if (end != text.length()) {
            return "Trailing garbage in maxconn string";
        }
        s.maxconn((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value(text, end))));
        return null;
    }

    /** Where strtol(text, &end, 10) stops: after blanks, a sign and digits; 0 without a digit. */
    private static int digitsEnd(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == digits ? 0 : i;
    }

    private static long value(String text, int end) {
        String t = text.substring(0, end).strip();
        boolean negative = t.startsWith("-");
        long v = 0;
        for (int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0; i < t.length(); i++) {
            v = Math.min(v * 10 + (t.charAt(i) - '0'), Long.MAX_VALUE / 10);
        }
        return negative ? -v : v;
    }
}
