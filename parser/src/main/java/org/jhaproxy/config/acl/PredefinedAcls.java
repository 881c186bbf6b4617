package org.jhaproxy.config.acl;

import java.util.List;
import java.util.Map;

/** The predefined ACLs of configuration.txt section 7.4 (acl.c default_acl_list). */
final class PredefinedAcls {
    private PredefinedAcls() {
    }

    private static final Map<String, List<String>> LIST = Map.ofEntries(
            Map.entry("TRUE", List.of("always_true")),
            Map.entry("FALSE", List.of("always_false")),
            Map.entry("LOCALHOST", List.of("src", "127.0.0.1/8", "::1")),
            Map.entry("HTTP", List.of("req.proto_http")),
            Map.entry("HTTP_1.0", List.of("req.ver", "1.0")),
            Map.entry("HTTP_1.1", List.of("req.ver", "1.1")),
            Map.entry("HTTP_2.0", List.of("req.ver", "2.0")),
            Map.entry("METH_CONNECT", List.of("method", "CONNECT")),
            Map.entry("METH_DELETE", List.of("method", "DELETE")),
            Map.entry("METH_GET", List.of("method", "GET", "HEAD")),
            Map.entry("METH_HEAD", List.of("method", "HEAD")),
            Map.entry("METH_OPTIONS", List.of("method", "OPTIONS")),
            Map.entry("METH_POST", List.of("method", "POST")),
            Map.entry("METH_PUT", List.of("method", "PUT")),
            Map.entry("METH_TRACE", List.of("method", "TRACE")),
            Map.entry("HTTP_URL_ABS", List.of("url_reg", "^[^/:]*://")),
            Map.entry("HTTP_URL_SLASH", List.of("url_beg", "/")),
            Map.entry("HTTP_URL_STAR", List.of("url", "*")),
            Map.entry("HTTP_CONTENT", List.of("req.hdr_val(content-length)", "gt", "0")),
            Map.entry("RDP_COOKIE", List.of("req.rdp_cookie_cnt", "gt", "0")),
            Map.entry("REQ_CONTENT", List.of("req.len", "gt", "0")),
            Map.entry("WAIT_END", List.of("wait_end")));

    static List<String> expression(String name) {
        return LIST.get(name);
    }
}
