package org.jhaproxy.runtime.sample;

/**
 * json([input-code]) (configuration.txt 7.3.1): the input escaped for a JSON string. In ascii
 * mode each byte is a character; the utf8 modes decode UTF-8 as haproxy's utf8_next() does and
 * fail ("utf8", "utf8p") or skip ("utf8s", "utf8ps") what they refuse: any flaw for utf8/utf8s,
 * only bad sequences and invalid ranges for the "p" (permissive) modes, and characters past
 * U+FFFF for all of them. What is not printable ASCII becomes "\\uXXXX".
 */
final class JsonEscape {
    private static final int OVERLONG = 0x10;
    private static final int INVRANGE = 0x20;
    private static final int BADSEQ = 0x40;

    private JsonEscape() {
    }

    /** null when the input is refused. */
    static String escape(String in, String mode) {
        boolean ascii = mode.isEmpty() || mode.equals("ascii");
        boolean permissive = mode.equals("utf8p") || mode.equals("utf8ps");
        boolean skip = mode.equals("utf8s") || mode.equals("utf8ps");
        StringBuilder out = new StringBuilder(in.length() + 8);
        int[] c = new int[1];
        int p = 0;
        while (p < in.length()) {
            if (ascii) {
                c[0] = in.charAt(p++) & 0xff;
            } else {
                int ret = next(in, p, c);
                p += ret & 0x0f;
                int code = ret & 0xf0;
                int refused = permissive ? code & (INVRANGE | BADSEQ) : code;
                if (refused != 0 || c[0] > 0xffff) {
                    if (!skip) {
                        return null;
                    }
                    continue;
                }
            }
            append(out, c[0]);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, int c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '/' -> out.append("\\/");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", c & 0xffff));
                } else {
                    out.append((char) c);
                }
            }
        }
    }

    /** utf8_next(): the code point in c[0]; returns its flags (high nibble) and its length (low nibble). */
    static int next(String s, int from, int[] c) {
        int len = s.length() - from;
        int b = s.charAt(from) & 0xff;
        int dec;
        if (b <= 0x7f) {
            c[0] = b;
            return 1;
        } else if (b <= 0xbf) {
            c[0] = b;
            return BADSEQ | 1;
        } else if (b <= 0xdf) {
            dec = 1;
            c[0] = b & 0x1f;
        } else if (b <= 0xef) {
            dec = 2;
            c[0] = b & 0x0f;
        } else if (b <= 0xf7) {
            dec = 3;
            c[0] = b & 0x07;
        } else if (b <= 0xfb) {
            dec = 4;
            c[0] = b & 0x03;
        } else if (b <= 0xfd) {
            dec = 5;
            c[0] = b & 0x01;
        } else {
            c[0] = b;
            return BADSEQ | 1;
        }
        if (len < dec + 1) {
            c[0] = b;
            return BADSEQ | 1;
        }
        int p = 1;
        for (; dec > 0; dec--, p++) {
            int cont = s.charAt(from + p) & 0xff;
            if ((cont & 0xc0) != 0x80) {
                return BADSEQ | (p & 0x0f);
            }
            c[0] = (c[0] << 6) | (cont & 0x3f);
        }
        int code = 0;
        long v = c[0] & 0xffffffffL;
        if ((v <= 0x7f && p > 1) || (v >= 0x80 && v <= 0x7ff && p > 2) || (v >= 0x800 && v <= 0xffff && p > 3)
                || (v >= 0x10000 && v <= 0x1fffff && p > 4)) {
            code |= OVERLONG;
        }
        if ((v >= 0xd800 && v <= 0xdfff) || (v >= 0xfffe && v <= 0xffff)) {
            code |= INVRANGE;
        }
        return code | (p & 0x0f);
    }
}
