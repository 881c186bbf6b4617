package org.jhaproxy.runtime.lb;

import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.source.Line;

/**
 * "balance url_param &lt;param&gt;" (get_server_ph()): the value of the first "param=" of the
 * query string, up to the next '&amp;'. Requests without it are balanced in round robin.
 * Unlike haproxy, the body of a POST ("check_post") is not looked at.
 */
public final class UrlParamHash extends HashAlgorithm {
    private final byte[] name;

    UrlParamHash(HashType type, ServerGroups groups, Line balance) {
        super(type, groups);
        this.name = balance.arg(2).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    long hash(LbRequest request, HashType type) {
        String uri = request.uri();
        if (uri == null) {
            return -1;
        }
        byte[] b = uri.getBytes(StandardCharsets.ISO_8859_1);
        int q = 0;
        while (q < b.length && b[q] != '?') {
            q++;
        }
        if (q == b.length) {
            return -1;
        }
        int params = q + 1;
        int plen = name.length;
        while (b.length - params > plen) {
            if (b[params + plen] == '=' && startsWith(b, params)) {
                int start = params + plen + 1;
                int end = start;
                while (end < b.length && b[end] != '&') {
                    end++;
                }
                return type.hash(b, start, end);
            }
            int amp = params;
            while (amp < b.length && b[amp] != '&') {
                amp++;
            }
            if (amp == b.length) {
                return -1;
            }
            params = amp + 1;
        }
        return -1;
    }

    private boolean startsWith(byte[] b, int at) {
        for (int i = 0; i < name.length; i++) {
            if (b[at + i] != name[i]) {
                return false;
            }
        }
        return true;
    }
}
