package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.jhaproxy.runtime.proxy.ErrorSnapshot;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.SessionAddresses;

/**
 * h1_capture_bad_message(): a refused message becomes its proxy's error snapshot, the frontend's
 * for a request, the backend's for a response, with the H1 mux's flags of that moment. The
 * connection and stream flags are the values haproxy 2.6 shows for a message refused by its
 * parser: a frontend connection waiting for its stream (H1C_F_ST_EMBRYONIC; H1C_F_IN_FULL when
 * the head filled the buffer), a backend connection attached to its stream; a front stream with
 * H1S_F_NOT_FIRST from its second request on.
 */
final class ErrorCapture {
    private static final int FRONT_CONN = 0x00000100;
    private static final int IN_FULL = 0x00000020;
    private static final int BACK_CONN = 0x80002200;
    private static final int FRONT_STREAM = 0x00000810;
    private static final int NOT_FIRST = 0x00000080;
    private static final int BACK_STREAM = 0x00004810;

    private ErrorCapture() {
    }

    /**
     * A request the frontend refused; no stream was created for it, so no backend is known.
     * {@code hostRefused}: it was refused for its Host header.
     */
    static void request(Proxy frontend, Channel client, HeadCapture capture, byte[] bytes, boolean first,
                        boolean hostRefused) {
        if (bytes == null) {
            return;
        }
        int conn = FRONT_CONN | (bytes.length >= capture.room() ? IN_FULL : 0);
        H1ErrorScan.Result r = H1ErrorScan.scan(bytes, bytes.length, false, hostRefused, conn,
                FRONT_STREAM | (first ? 0 : NOT_FIRST));
        frontend.captureError(false, new ErrorSnapshot(System.currentTimeMillis(), src(client), null, null,
                ErrorSnapshot.nextEventId(), bytes, capture.wrapsAt(), r.errPos(), r.h1()));
    }

    /** A response the backend's server sent and the H1 parser (or the transaction) refused. */
    static void response(Proxy frontend, Channel client, Channel serverChannel, Server server) {
        ResponseDecoder decoder = serverChannel == null ? null : serverChannel.pipeline().get(ResponseDecoder.class);
        byte[] bytes = decoder == null ? null : decoder.takeRefused();
        if (bytes == null || server == null) {
            return;
        }
        H1ErrorScan.Result r = H1ErrorScan.scan(bytes, bytes.length, true, false, BACK_CONN, BACK_STREAM);
        server.backend().captureError(true, new ErrorSnapshot(System.currentTimeMillis(), src(client), frontend,
                server, ErrorSnapshot.nextEventId(), bytes, decoder.capture().wrapsAt(), r.errPos(), r.h1()));
    }

    private static InetSocketAddress src(Channel client) {
        return client == null ? null : SessionAddresses.of(client).src();
    }
}
