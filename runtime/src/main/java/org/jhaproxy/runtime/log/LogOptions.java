package org.jhaproxy.runtime.log;

/**
 * The "%{+Q,-X}" options of a log-format node (LOG_OPT_*): quote, hexadecimal, escape, and
 * "mandatory" (an empty value is written "-"), which log lines have and header values do not.
 */
public record LogOptions(boolean quote, boolean hexa, boolean escape, boolean mandatory, boolean http) {
    public static final LogOptions NONE = new LogOptions(false, false, false, false, false);
    public static final LogOptions LOG_LINE = new LogOptions(false, false, false, true, false);
    /**
     * LOG_OPT_HTTP, the formats of HTTP rules (header values, reply bodies, redirects) and of
     * unique-id-format: a sample's control characters are written "%XX" (http_encode_map).
     */
    public static final LogOptions HTTP = new LogOptions(false, false, false, false, true);

    /** These options changed by a flags string such as "+Q,-E" (null: unchanged). */
    public LogOptions with(String flags) {
        if (flags == null || flags.isEmpty()) {
            return this;
        }
        boolean q = quote;
        boolean x = hexa;
        boolean e = escape;
        boolean m = mandatory;
        for (String f : flags.split(",")) {
            if (f.length() < 2) {
                continue;
            }
            boolean on = f.charAt(0) == '+';
            switch (f.substring(1)) {
                case "Q" -> q = on;
                case "X" -> x = on;
                case "E" -> e = on;
                case "M" -> m = on;
                default -> { }
            }
        }
        return new LogOptions(q, x, e, m, http);
    }
}
