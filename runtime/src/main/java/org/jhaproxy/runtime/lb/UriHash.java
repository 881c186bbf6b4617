package org.jhaproxy.runtime.lb;

import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.source.Line;

/**
 * "balance uri [len N] [depth N] [whole] [path-only]" (get_server_uh()): the request URI as
 * received, up to the '?' unless "whole", cut to "len" characters and before the slash that
 * ends "depth" directories; "path-only" drops the scheme and authority of an absolute URI.
 */
public final class UriHash extends HashAlgorithm {
    private final int len;
    private final int depthSlash;
    private final boolean whole;
    private final boolean pathOnly;

    UriHash(HashType type, ServerGroups groups, Line balance) {
        super(type, groups);
        int len = 0;
        int depthSlash = 0;
        boolean whole = false;
        boolean pathOnly = false;
        for (int i = 2; i < balance.count(); i++) {
            switch (balance.arg(i)) {
                case "len" -> len = Integer.parseInt(balance.arg(++i));
                case "depth" -> depthSlash = Integer.parseInt(balance.arg(++i)) + 1;
                case "whole" -> whole = true;
                case "path-only" -> pathOnly = true;
                default -> {
                }
            }
        }
        this.len = len;
        this.depthSlash = depthSlash;
        this.whole = whole;
        this.pathOnly = pathOnly;
    }

    @Override
    long hash(LbRequest request, HashType type) {
        String uri = request.uri();
        if (uri == null) {
            return -1;
        }
        if (single()) {
            return 0;
        }
        if (pathOnly) {
            uri = org.jhaproxy.runtime.sample.RequestUri.pathQueryOrEmpty(uri);
        }
        byte[] b = uri.getBytes(StandardCharsets.ISO_8859_1);
        int n = len > 0 ? Math.min(b.length, len) : b.length;
        int end = 0;
        int slashes = 0;
        while (end < n) {
            byte c = b[end];
            if (c == '/') {
                slashes++;
                if (slashes == depthSlash) {
                    break;
                }
            } else if (c == '?' && !whole) {
                break;
            }
            end++;
        }
        return type.hash(b, 0, end);
    }

}
