package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * An applet "http-request use-service" hands the request to (haproxy's services, such as
 * prometheus-exporter): it becomes the stream's server, named in the log, and writes the
 * whole response itself.
 */
public interface Service {
    /** The applet's name as the log shows it in place of the server ("<PROMEX>"). */
    String name();

    /**
     * The response to {@code req}.
     * @param connection the Connection value the H1 mux adds to it, or null
     */
    Answer answer(Engine engine, SampleContext c, HttpRequest req, String connection);

    /** The response's bytes, and its size as haproxy counts it (its HTX form) for the log. */
    record Answer(Reply reply, long htxBytes) {
    }
}
