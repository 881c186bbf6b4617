package org.jhaproxy.runtime.auth;

import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jhaproxy.runtime.sample.HeaderValues;

/**
 * What a request's Authorization header says (get_http_auth() in http_fetch.c): its first
 * value is "scheme data" with at least one space between them; a "Basic" scheme carries
 * base64("user:password"), a "Bearer" one a token. Anything else gives no credentials.
 *
 * <p>haproxy compares the scheme with strncasecmp() over the length of the word received, so
 * any case-insensitive prefix of "Basic" ("B", "bas") is taken as Basic, and of "Bearer"
 * (except "B", already Basic) as Bearer.
 */
public record Credentials(Scheme scheme, String user, String pass, String data) {
    public enum Scheme {
        BASIC("Basic"), BEARER("Bearer");

        private final String text;

        Scheme(String text) {
            this.text = text;
        }

        /** The name http_auth_type returns. */
        public String text() {
            return text;
        }
    }

    /** The request's credentials, or null. */
    public static Credentials of(HttpRequest req) {
        if (req == null) {
            return null;
        }
        List<String> values = HeaderValues.of(req.headers(), "Authorization", false);
        if (values.isEmpty()) {
            return null;
        }
        String v = values.get(0);
        int sp = v.indexOf(' ');
        if (sp <= 0) {
            return null;
        }
        String scheme = v.substring(0, sp);
        int data = sp;
        while (data < v.length() && v.charAt(data) == ' ') {
            data++;
        }
        String rest = v.substring(data);
        if ("Basic".regionMatches(true, 0, scheme, 0, Math.min(scheme.length(), 5)) && scheme.length() <= 5) {
            return basic(rest);
        }
        if ("Bearer".regionMatches(true, 0, scheme, 0, Math.min(scheme.length(), 6)) && scheme.length() <= 6) {
            return new Credentials(Scheme.BEARER, null, null, rest);
        }
        return null;
    }

    /** "user:password" in base64, decoded as haproxy's base64dec() does; the text ends at a NUL. */
    private static Credentials basic(String b64) {
        byte[] decoded = decode(b64);
        if (decoded == null) {
            return null;
        }
        String text = new String(decoded, StandardCharsets.ISO_8859_1);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = text.substring(0, colon);
        String pass = text.substring(colon + 1);
        return new Credentials(Scheme.BASIC, user, pass, b64);
    }

    /**
     * base64dec(): a length multiple of 4, decoded 4 characters at a time, each group with its
     * own padding ("xx==", "xxx="), so padded groups may follow one another; null if invalid.
     */
    private static byte[] decode(String s) {
        if (s.length() % 4 != 0) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() / 4 * 3);
        Base64.Decoder d = Base64.getDecoder();
        for (int i = 0; i < s.length(); i += 4) {
            String group = s.substring(i, i + 4);
            if (group.startsWith("=") || group.charAt(1) == '=') {
                return null;
            }
            try {
                out.writeBytes(d.decode(group));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out.toByteArray();
    }
}
