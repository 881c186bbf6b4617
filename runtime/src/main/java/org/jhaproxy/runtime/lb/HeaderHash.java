package org.jhaproxy.runtime.lb;

import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.source.Line;

/**
 * "balance hdr(&lt;name&gt;) [use_domain_only]" (get_server_hh()): the header's value; with
 * use_domain_only only the label before the last dot ("example" of "www.example.com").
 * A missing or empty header falls back to round robin.
 */
public final class HeaderHash extends HashAlgorithm {
    private final String header;
    private final boolean domainOnly;

    HeaderHash(HashType type, ServerGroups groups, Line balance) {
        super(type, groups);
        String a = balance.arg(1);
        this.header = a.substring(a.indexOf('(') + 1, a.lastIndexOf(')'));
        this.domainOnly = balance.arg(2).equals("use_domain_only");
    }

    @Override
    long hash(LbRequest request, HashType type) {
        if (single()) {
            return 0;
        }
        String v = request.header(header);
        if (v != null) {
            // like http_find_header(), the first value of a comma-separated list
            int comma = v.indexOf(',');
            v = (comma < 0 ? v : v.substring(0, comma)).strip();
        }
        if (v == null || v.isEmpty()) {
            return -1;
        }
        byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
        if (!domainOnly) {
            return type.hash(b, 0, b.length);
        }
        // walk back from the end: the domain ends at the last dot and starts after the one before
        int len = b.length;
        int p = b.length;
        int end = p;
        boolean inDomain = false;
        while (len > 0) {
            if (inDomain) {
                if (b[p - 1] == '.') {
                    break;
                }
            } else if (p < b.length && b[p] == '.') {
                end = p;
                inDomain = true;
            }
            p--;
            len--;
        }
        return type.hash(b, p, end);
    }
}
