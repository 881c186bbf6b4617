package org.jhaproxy.runtime.log;

import io.netty.handler.codec.http.HttpHeaders;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "unique-id-format" and "unique-id-header" of a frontend (stream_generate_unique_id()): the id
 * is built once per stream, when the request was analysed, or earlier by the "unique-id" fetch,
 * or at log time when the stream never got that far; "unique-id-header" adds it to the request.
 */
public final class UniqueId {
    /** haproxy's UNIQUEID_LEN: the id is built in a buffer of 128 bytes, its terminating NUL included. */
    private static final int MAX_LENGTH = 127;

    private final LogLine format;
    private final String header;

    private UniqueId(LogLine format, String header) {
        this.format = format;
        this.header = header;
    }

    /** The frontend's settings, null without a "unique-id-format". */
    static UniqueId of(ProxyConfig c, CompileScope scope) throws NotSupported {
        Line f = c.last("unique-id-format");
        if (f == null || f.arg(1).isEmpty() || !c.isFrontend()) {
            return null;
        }
        Line h = c.last("unique-id-header");
        String header = h == null || h.arg(1).isEmpty() ? null : h.arg(1);
        return new UniqueId(LogLine.compile(f.arg(1), c.mode() == ProxyMode.HTTP, LogOptions.HTTP, true, scope), header);
    }

    /** The stream's id, built now if it was not yet; null when its frontend has no unique-id-format. */
    public static String of(SampleContext c) {
        ProxyLog pl = c.frontend().log();
        UniqueId u = pl == null ? null : pl.uniqueId();
        if (u == null) {
            return null;
        }
        if (c.uniqueId() == null) {
            StreamLog log = c.log() != null ? c.log() : StreamLog.acceptedNow();
            String id = u.format.build(new LogInput(c, log, 0, 0));
            c.uniqueId(id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id);
        }
        return c.uniqueId();
    }

    /** http_process_request(), step 8: the id is built and, with "unique-id-header", sent to the server. */
    public static void request(SampleContext c, HttpHeaders toServer) {
        String id = of(c);
        if (id == null) {
            return;
        }
        String header = c.frontend().log().uniqueId().header;
        if (header != null) {
            toServer.add(header.toLowerCase(java.util.Locale.ROOT), id);
        }
    }
}
