package org.jhaproxy.runtime.cache;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.action.Service;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The cache applet (http_cache_io_handler()): the stored head with an "age" header appended,
 * then the body as the H1 mux writes it (one chunk when it was chunked), nothing after the head
 * for a HEAD request, and a "304 Not Modified" head when the request's condition holds.
 */
final class CacheHit implements Service {
    private final CacheEntry entry;

    CacheHit(CacheEntry entry) {
        this.entry = entry;
    }

    @Override
    public String name() {
        return "<CACHE>";
    }

    @Override
    public Answer answer(Engine engine, SampleContext c, HttpRequest req, String connection) {
        boolean notModified = Conditional.notModified(req.headers(), entry);
        boolean headOnly = notModified || req.method().equals(HttpMethod.HEAD);
        long age = Math.min(Math.max(0, Cache.now() - entry.latestValidation) + entry.age, CacheEntry.MAX_AGE);
        String reason = notModified ? "Not Modified" : entry.reason;
        StringBuilder head = new StringBuilder(256);
        head.append(entry.version).append(' ').append(notModified ? 304 : entry.status).append(' ').append(reason)
                .append("\r\n");
        for (CacheEntry.Header h : entry.headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        String ageText = Long.toString(age);
        head.append("age: ").append(ageText).append("\r\n");
        if (connection != null) {
            head.append("connection: ").append(connection).append("\r\n");
        }
        head.append("\r\n");
        long htx = entry.headHtxSize() - entry.reason.length() + reason.length() + 3 + ageText.length();
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + (headOnly ? 0 : 64));
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            htx += entry.bodyHtxSize();
            writeBody(out);
        }
        return new Answer(new Reply(Reply.Kind.RESPONSE, out.toByteArray(), "close".equals(connection), true), htx);
    }

    private void writeBody(ByteArrayOutputStream out) {
        long n = 0;
        for (byte[] b : entry.body) {
            n += b.length;
        }
        if (entry.chunked && n > 0) {
            out.writeBytes((Long.toHexString(n).toUpperCase(java.util.Locale.ROOT) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (byte[] b : entry.body) {
            out.writeBytes(b);
        }
        if (entry.chunked) {
            StringBuilder end = new StringBuilder(n > 0 ? "\r\n0\r\n" : "0\r\n");
            for (CacheEntry.Header h : entry.trailers) {
                end.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            out.writeBytes(end.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
