package org.jhaproxy.runtime.lb;

import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.payload.RdpCookie;

/**
 * "balance rdp-cookie[(name)]" (get_server_rch()): the value of the RDP cookie, "mstshash" by
 * default, in the request buffer when the server is chosen. No whole cookie, or an empty one,
 * falls back to round robin.
 */
final class RdpCookieHash extends HashAlgorithm {
    private final String name;

    RdpCookieHash(HashType type, ServerGroups groups, Line balance) {
        super(type, groups);
        String a = balance.arg(1);
        this.name = a.length() > 11 && a.charAt(10) == '(' ? a.substring(11, a.indexOf(')', 11)) : "mstshash";
    }

    @Override
    long hash(LbRequest request, HashType type) {
        String v = RdpCookie.value(request.requestBuffer(), name);
        if (v == null) {
            return -1;
        }
        if (single()) {
            return 0;
        }
        byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
        return type.hash(b, 0, b.length);
    }
}
