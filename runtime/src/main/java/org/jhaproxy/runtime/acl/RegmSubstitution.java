package org.jhaproxy.runtime.acl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleConverter;

/**
 * map_regm (configuration.txt 7.3.1 "map"): the first regex of the map the input matches, and
 * its value with the match merged in (exp_replace()): "\N" is group N (empty when the group
 * did not take part), "\xHH" a byte, a backslash before any other character that character; a
 * trailing backslash makes the conversion fail.
 */
final class RegmSubstitution {
    private RegmSubstitution() {
    }

    static SampleConverter converter(PatternExpression expr, Sample dflt) {
        Map<String, Pattern> compiled = new ConcurrentHashMap<>();
        return (in, c) -> {
            PatternElement e = expr.find(in);
            if (e == null) {
                return dflt;
            }
            if (e.sample() == null) {
                return Sample.sint(1);
            }
            String input = in.asString();
            Matcher m = compiled.computeIfAbsent(e.pattern(), Pattern::compile).matcher(input);
            if (!m.find()) {
                return dflt;
            }
            String r = replace(e.sample(), m);
            return r == null ? null : Sample.str(r);
        };
    }

    static String replace(String value, Matcher m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            if (++i >= value.length()) {
                return null;
            }
            ch = value.charAt(i);
            if (ch >= '0' && ch <= '9') {
                int n = ch - '0';
                if (n <= m.groupCount() && m.group(n) != null) {
                    out.append(m.group(n));
                }
            } else if (ch == 'x') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                out.append((char) ((hexNibble(value.charAt(i + 1)) << 4) + hexNibble(value.charAt(i + 2)) & 0xff));
                i += 2;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** haproxy's unchecked hex digit: toupper(c) - '0', less 7 past '9'. */
    private static int hexNibble(char c) {
        int v = (Character.toUpperCase(c) - '0') & 0xff;
        return v > 9 ? (v - ('A' - '9' - 1)) & 0xff : v;
    }
}
