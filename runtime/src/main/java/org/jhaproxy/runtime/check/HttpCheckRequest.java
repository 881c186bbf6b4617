package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The request of an "http-check send" rule (merged with "option httpchk"'s), written at each run
 * as haproxy's H1 mux writes it (tcpcheck_eval_send()): the request line, the "hdr" headers
 * whose log-format value is not empty (names lower-cased in HTTP/1.1), "X-Haproxy-Server-State"
 * with "send-state", a content-length with a body, and in HTTP/1.1 "connection: close" unless a
 * Connection header was given.
 *
 * @param headers each header's name and its value's log-format
 * @param state   whether the server's state header is sent ("http-check send-state")
 */
record HttpCheckRequest(String meth, String uri, String ver, List<Header> headers, String body, boolean state) {
    /** One "hdr NAME FMT". */
    record Header(String name, Function<CheckSession, String> value) {
    }

    byte[] build(CheckSession session, java.util.function.Supplier<String> serverState) {
        boolean http11 = ver.equalsIgnoreCase("HTTP/1.1");
        StringBuilder req = new StringBuilder(meth).append(' ').append(uri).append(' ').append(ver).append("\r\n");
        boolean connection = false;
        for (Header h : headers) {
            String v = h.value().apply(session);
            if (v.isEmpty()) {
                continue;
            }
            connection |= h.name().equalsIgnoreCase("connection");
            req.append(http11 ? h.name().toLowerCase(Locale.ROOT) : h.name()).append(": ").append(v).append("\r\n");
        }
        if (state) {
            req.append(http11 ? "x-haproxy-server-state" : "X-Haproxy-Server-State").append(": ")
                    .append(serverState.get()).append("\r\n");
        }
        if (!body.isEmpty()) {
            req.append(http11 ? "content-length" : "Content-Length").append(": ").append(body.length()).append("\r\n");
        }
        if (http11 && !connection) {
            req.append("connection: close\r\n");
        }
        req.append("\r\n").append(body);
        return req.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
