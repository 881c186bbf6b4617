package org.jhaproxy.runtime.promex;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.action.ErrorReplies;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.action.Service;
import org.jhaproxy.runtime.cli.ShowInfo;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-request use-service prometheus-exporter" (haproxy's promex addon): the metrics of the
 * process, its frontends, backends and servers in Prometheus' text format, as a chunked 200
 * with haproxy's head; a query string haproxy refuses gets its 400. The log names the applet
 * "<PROMEX>" as the server.
 */
public final class PromexService implements Service {
    /** The service's name after "use-service". */
    public static final String NAME = "prometheus-exporter";
    public static final PromexService INSTANCE = new PromexService();

    private static final String HEAD = "HTTP/1.1 200 OK\r\ncache-control: no-cache\r\n"
            + "content-type: text/plain; version=0.0.4\r\ntransfer-encoding: chunked\r\n";

    private PromexService() {
    }

    @Override
    public String name() {
        return "<PROMEX>";
    }

    @Override
    public Answer answer(Engine engine, SampleContext c, HttpRequest req, String connection) {
        PromexQuery query;
        try {
            query = PromexQuery.parse(req.uri());
        } catch (PromexQuery.Invalid invalid) {
            // the built-in 400, which closes the connection
            String err = new String(ErrorReplies.of(400).bytes(), StandardCharsets.ISO_8859_1)
                    .replaceFirst("\r\n\r\n", "\r\nconnection: close\r\n\r\n");
            return new Answer(Reply.local(err, true), -1);
        }
        List<String> chunks = PromexChunks.cut(PromexDump.of(query, ShowInfo.fields(engine), ShowInfo.VERSION,
                engine.proxies()));
        StringBuilder sb = new StringBuilder(HEAD);
        if (connection != null) {
            sb.append("connection: ").append(connection).append("\r\n");
        }
        sb.append("\r\n");
        long htx = PromexChunks.HEAD_DATA;
        if (req.method().equals(HttpMethod.HEAD)) {
            // no body goes out, but the applet's first call did fill the buffer, which the log counts
            htx += chunks.isEmpty() ? 0 : chunks.get(0).length();
        } else {
            for (String chunk : chunks) {
                sb.append(Integer.toHexString(chunk.length()).toUpperCase(java.util.Locale.ROOT)).append("\r\n")
                        .append(chunk).append("\r\n");
                htx += chunk.length();
            }
            sb.append("0\r\n\r\n");
        }
        return new Answer(Reply.local(sb.toString(), "close".equals(connection)), htx);
    }
}
