package org.jhaproxy.runtime.log;

/** How log-format nodes write their values (lf_text_len(), lf_encode_string()). */
final class LogText {
    private static final String HEXDIGITS = "0123456789ABCDEF";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    /** A text value: quoted with +Q, "-" for none when mandatory, '"\]' escaped with +E. */
    static void text(StringBuilder sb, String s, LogOptions o) {
        if (o.quote()) {
            sb.append('"');
        }
        if (s != null && !s.isEmpty()) {
            if (o.escape()) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\' || c == ']') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(s);
            }
        } else if (o.mandatory() && !o.quote()) {
            sb.append('-');
        }
        if (o.quote()) {
            sb.append('"');
        }
    }

    /**
     * A sample in an HTTP format (lf_encode_chunk() with http_encode_map): bytes 0x00-0x08,
     * 0x0a-0x1f and 0x7f become "%XX"; "+E" backslash-escapes '"', '\\' and ']'; no quotes, and
     * nothing for a missing value.
     */
    static void httpEncoded(StringBuilder sb, String s, LogOptions o) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c <= 0x1f && c != 0x09) || c == 0x7f) {
                sb.append('%').append(HEXDIGITS.charAt((c >> 4) & 0xf)).append(HEXDIGITS.charAt(c & 0xf));
            } else {
                if (o.escape() && (c == '"' || c == '\\' || c == ']')) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
    }

    /**
     * A request line or header value: the characters of the map (non-printable ones, '"', '#',
     * and for headers '{', '|', '}') become "#XX".
     */
    static void encoded(StringBuilder sb, String s, boolean header, LogOptions o) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean enc = c < 32 || c >= 127 || c == '"' || c == '#' || (header && (c == '{' || c == '|' || c == '}'));
            if (enc) {
                sb.append('#').append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            } else if (o.escape() && (c == '\\' || c == ']')) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
    }

    static void hex(StringBuilder sb, long v, int digits) {
        String h = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(h);
    }
}
