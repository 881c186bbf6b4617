package org.jhaproxy.runtime.lb;

/**
 * "balance url_param" on a POST's body (get_server_ph_post()): the body's first bytes are read
 * as "name=value&amp;..." parameters. The value of the first matching name runs up to the next
 * '&amp;' or the end of the data; haproxy only checks the value's first character: a space or tab
 * there gives an empty value, another non-token character means the body is not URL-encoded
 * (no key, round robin).
 */
final class PostParam {
    private PostParam() {
    }

    /** The hash of the parameter's value in {@code body}, or -1 when it is not there. */
    static long hash(byte[] body, byte[] name, HashType type) {
        int plen = name.length;
        int params = 0;
        while (body.length - params > plen) {
            if (body[params + plen] == '=' && matches(body, params, name)) {
                int start = params + plen + 1;
                int end = start;
                if (end < body.length && body[end] != '&' && !token(body[start])) {
                    if (body[start] != ' ' && body[start] != '\t' && body[start] != '\r' && body[start] != '\n') {
                        return -1;
                    }
                } else {
                    while (end < body.length && body[end] != '&') {
                        end++;
                    }
                }
                return type.hash(body, start, end);
            }
            int amp = params;
            while (amp < body.length && body[amp] != '&') {
                amp++;
            }
            if (amp == body.length) {
                return -1;
            }
            params = amp + 1;
        }
        return -1;
    }

    private static boolean matches(byte[] b, int at, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (b[at + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** HTTP_IS_TOKEN: the tchar set of RFC 7230. */
    private static boolean token(byte c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return c > 0 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
