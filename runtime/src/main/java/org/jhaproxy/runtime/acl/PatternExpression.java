package org.jhaproxy.runtime.acl;

import java.util.List;
import org.jhaproxy.config.acl.MatchMethod;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;

/**
 * One way a pattern reference is matched (pattern_expr): a match method, "-i", and for a map
 * the type its values are read as. Every ACL or map using the reference the same way shares
 * it. The index is replaced whole when the reference changes (copy-on-write): an event loop
 * reading {@link #find} sees the old entries or the new ones, never a mix, and never waits.
 */
public final class PatternExpression {
    /** How a map's values are read (map_parse_str, map_parse_int); NONE for an ACL. */
    public enum Output {
        NONE, STR, INT, IP
    }

    private final MatchMethod method;
    private final boolean icase;
    private final Output output;
    /** The patterns are req.ssl_ver's "major.minor" versions (pat_parse_dotted_ver()). */
    private final boolean dotted;
    final PatternReferences.Origin origin;
    private volatile PatternIndex index;

    PatternExpression(MatchMethod method, boolean icase, Output output, PatternReferences.Origin origin) {
        this(method, icase, output, false, origin);
    }

    PatternExpression(MatchMethod method, boolean icase, Output output, boolean dotted, PatternReferences.Origin origin) {
        this.dotted = dotted;
        this.method = method;
        this.icase = icase;
        this.output = output;
        this.origin = origin;
    }

    boolean sameAs(MatchMethod m, boolean i, Output o, boolean d) {
        return method == m && icase == i && output == o && dotted == d;
    }

    public MatchMethod method() {
        return method;
    }

    public boolean ignoreCase() {
        return icase;
    }

    public Output output() {
        return output;
    }

    /** "tree" or "list", as "get map" names the index (haproxy falls back to a list with -i). */
    public String indexType() {
        return PatternIndex.tree(method, icase) ? "tree" : "list";
    }

    void publish(List<PatternElement> visible) throws NotSupported {
        index = PatternIndex.of(method, icase, dotted, visible);
    }

    /** The entry the sample matches in the current version, or null. */
    public PatternElement find(Sample s) {
        return index.find(s);
    }

    /** The entry's value as this map returns it (an integer map reads a bad number as none). */
    public Sample value(PatternElement e) {
        if (e.sample() == null) {
            return null;
        }
        if (output == Output.INT) {
            Long v = parseInt(e.sample());
            return v == null ? null : Sample.sint(v);
        }
        if (output == Output.IP) {
            java.net.InetAddress a = org.jhaproxy.runtime.sample.Addresses.parse(e.sample());
            return a == null ? null : Sample.addr(a);
        }
        return Sample.str(e.sample());
    }

    /** The value of a map entry reads as the map's output type (map_parse_int(), map_parse_ip()). */
    static boolean parsesAs(Output out, String value) {
        return switch (out) {
            case INT -> parseInt(value) != null;
            case IP -> org.jhaproxy.runtime.sample.Addresses.parse(value) != null;
            default -> true;
        };
    }

    /** map_parse_int(): a whole signed decimal number, else refused. */
    static Long parseInt(String text) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The pattern is one this method accepts (pat_parse_*), else the reason haproxy gives. */
    void check(String pattern, String sample) throws NotSupported {
        try {
            PatternIndex.parse(method, icase, dotted, pattern);
        } catch (org.jhaproxy.config.sample.ExprError e) {
            throw new NotSupported(e.getMessage());
        } catch (NotSupported | RuntimeException e) {
            // pat_parse_ip() and pat_parse_int()'s reasons
            throw new NotSupported(switch (method) {
                case IP -> "'" + pattern + "' is not a valid IPv4 or IPv6 address";
                case INT, LEN -> "'" + pattern + "' is not a number";
                default -> "unable to parse '" + pattern + "'";
            });
        }
        if (sample != null && !parsesAs(output, sample)) {
            throw new NotSupported("unable to parse '" + sample + "'");
        }
    }
}
