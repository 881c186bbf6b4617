package org.jhaproxy.runtime.sample;

/**
 * The encoding converters of configuration.txt 7.3.1: url_dec, url_enc, hex2i, be2dec, be2hex,
 * htonl, cut_crlf, and the base64 family (see {@link Base64Text} for haproxy's decoder).
 * Strings hold bytes as ISO-8859-1 characters, as everywhere in the runtime.
 */
final class EncodingConverters {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EncodingConverters() {
    }

    /**
     * url_dec([in_form]): "%XX" decoded, '+' a space in a form (or anywhere after a '?'); a bad
     * escape makes the conversion fail. haproxy decodes a NUL-terminated copy, so a NUL ends it.
     */
    static String urlDecode(String s, boolean inForm) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                break;
            }
            switch (ch) {
                case '+' -> out.append(inForm ? ' ' : '+');
                case '%' -> {
                    int hi = i + 1 < s.length() ? hexValue(s.charAt(i + 1)) : -1;
                    int lo = i + 2 < s.length() ? hexValue(s.charAt(i + 2)) : -1;
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    out.append((char) (hi << 4 | lo));
                    i += 2;
                }
                case '?' -> {
                    inForm = true;
                    out.append(ch);
                }
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** url_enc([query]): every byte but RFC 3986's unreserved ones becomes "%XX". */
    static String urlEncode(String s) {
        StringBuilder out = new StringBuilder(s.length() * 3 / 2);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
                out.append(ch);
            } else {
                out.append('%').append(HEX[(ch >> 4) & 0xf]).append(HEX[ch & 0xf]);
            }
        }
        return out.toString();
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** hex2i: hexadecimal digits only (no sign), shifted into a 64-bit integer that may wrap. */
    static Sample hex2i(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = hexValue(s.charAt(i));
            if (v < 0) {
                return null;
            }
            n = (n << 4) + v;
        }
        return Sample.sint(n);
    }

    /**
     * be2dec(separator,chunk_size[,truncate]): each chunk of big-endian bytes as an unsigned
     * decimal; with truncate, a last chunk shorter than chunk_size is dropped.
     */
    static String be2dec(byte[] b, String sep, int chunk, boolean truncate) {
        int last = truncate ? b.length - chunk + 1 : b.length;
        StringBuilder out = new StringBuilder();
        for (int ptr = 0; ptr < last;) {
            if (ptr > 0) {
                out.append(sep);
            }
            long number = 0;
            for (int i = 0; i < chunk && ptr < b.length; i++) {
                number = (number << 8) + (b[ptr++] & 0xff);
            }
            out.append(Long.toUnsignedString(number));
        }
        return out.toString();
    }

    /** be2hex([separator[,chunk_size[,truncate]]]): upper-case hex, chunks joined by the separator. */
    static String be2hex(byte[] b, String sep, int chunk, boolean truncate) {
        int last = truncate ? b.length - chunk + 1 : b.length;
        if (sep.isEmpty() && !truncate) {
            chunk = b.length;
        }
        StringBuilder out = new StringBuilder();
        for (int ptr = 0; ptr < last;) {
            if (ptr > 0) {
                out.append(sep);
            }
            for (int i = 0; i < chunk && ptr < b.length; i++) {
                int c = b[ptr++] & 0xff;
                out.append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            if (chunk <= 0) {
                break;
            }
        }
        return out.toString();
    }

    /** htonl: the low 32 bits of the integer as 4 network-order bytes. */
    static byte[] htonl(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** cut_crlf: the string up to its first CR or LF. */
    static String cutCrlf(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\r' || ch == '\n') {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
