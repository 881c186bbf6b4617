package org.jhaproxy.runtime.lb;

import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.source.Line;

/**
 * "balance url_param &lt;param&gt;" (get_server_ph()): the value of the first "param=" of the
 * query string, up to the next '&amp;'. A POST without it in its query string is looked for in
 * the start of its body ({@link PostParam}; haproxy 2.6 does so whether "check_post" is given or
 * not, having waited for the body). Requests without it are balanced in round robin.
 */
public final class UrlParamHash extends HashAlgorithm {
    private final byte[] name;

    UrlParamHash(HashType type, ServerGroups groups, Line balance) {
        super(type, groups);
        this.name = balance.arg(2).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    long hash(LbRequest request, HashType type) {
        long h = inQuery(request, type);
        if (h < 0 && request.post()) {
            byte[] body = request.bodyStart();
            h = body == null ? -1 : PostParam.hash(body, name, type);
        }
        return h;
    }

    private long inQuery(LbRequest request, HashType type) {
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
