package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.sample.HeaderValues;

/**
 * set-header, add-header, del-header, replace-header and replace-value (configuration.txt 4.2).
 * Names are lower-cased once, as haproxy's HTX stores and emits them.
 */
final class HeaderActions {
    private HeaderActions() {
    }

    /** set-header: every occurrence removed, then the new value appended last. */
    static HttpAction set(String name, CompiledLogFormat value) {
        String n = name.toLowerCase(Locale.ROOT);
        return (c, msg) -> {
            String v = value.eval(c);
            msg.headers().remove(n);
            msg.headers().add(n, v);
            return null;
        };
    }

    static HttpAction add(String name, CompiledLogFormat value) {
        String n = name.toLowerCase(Locale.ROOT);
        return (c, msg) -> {
            msg.headers().add(n, value.eval(c));
            return null;
        };
    }

    static HttpAction del(String name) {
        return (c, msg) -> {
            msg.headers().remove(name);
            return null;
        };
    }

    /**
     * replace-header (whole lines) / replace-value (each comma-separated value): where the regex
     * matches, the value becomes the format with "\N" replaced by the regex groups.
     */
    static HttpAction replace(String name, String regex, CompiledLogFormat fmt, boolean eachValue) {
        Pattern p = Pattern.compile(regex);
        return (c, msg) -> {
            HttpHeaders h = msg.headers();
            if (!h.contains(name)) {
                return null;
            }
            String replacement = fmt.eval(c);
            List<Map.Entry<String, String>> all = new ArrayList<>(h.entries());
            h.clear();
            for (Map.Entry<String, String> e : all) {
                String value = e.getValue();
                if (e.getKey().equalsIgnoreCase(name)) {
                    value = eachValue ? replaceEach(value, p, replacement) : replaceOne(value, p, replacement);
                }
                h.add(e.getKey(), value);
            }
            return null;
        };
    }

    /**
     * Each comma-separated value the regex matches is rewritten; haproxy's rewrite takes the
     * value with the blanks around it, so a rewritten value follows its comma directly, while
     * the other values keep their bytes.
     */
    private static String replaceEach(String line, Pattern p, String replacement) {
        List<String> raw = HeaderValues.rawValues(line);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String segment = raw.get(i);
            Matcher m = p.matcher(segment.strip());
            sb.append(m.find() ? expand(replacement, m) : segment);
        }
        return sb.toString();
    }

    static String replaceOne(String value, Pattern p, String replacement) {
        Matcher m = p.matcher(value);
        return m.find() ? expand(replacement, m) : value;
    }

    /** exp_replace(): "\N" is the N-th group of the match, the rest is copied. */
    static String expand(String fmt, Matcher m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch == '\\' && i + 1 < fmt.length() && Character.isDigit(fmt.charAt(i + 1))) {
                int g = fmt.charAt(++i) - '0';
                if (g <= m.groupCount() && m.group(g) != null) {
                    sb.append(m.group(g));
                }
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
