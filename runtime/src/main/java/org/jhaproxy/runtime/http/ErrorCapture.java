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
 * the head filled the buffer), a backend connection attached to its stream; a stream with
 * H1S_F_NOT_FIRST from the connection's second message on.
 */
final class ErrorCapture {
    private static final int FRONT_CONN = 0x00000100;
    private static final int IN_FULL = 0x00000020;
    private static final int ATTACHED = 0x00002200;
    private static final int BACK_CONN = 0x80002200;
    private static final int FRONT_STREAM = 0x00000810;
    private static final int NOT_FIRST = 0x00000080;
    private static final int BACK_STREAM = 0x00004810;
    /** H1S_F_WANT_KAL, _TUN, _CLO: the connection mode the stream wants. */
    private static final int WANT_MASK = 0x00000070;
    private static final int WANT_CLOSE = 0x00000040;

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

    /**
     * A request body the decoder refused (an invalid chunk size). In the read that brought the
     * head, no stream was attached yet; later, the stream's backend is the other end and the
     * connection is attached to it (H1C_F_ST_ATTACHED|H1C_F_ST_READY).
     */
    static void requestBody(Proxy frontend, Channel client, RequestDecoder decoder, H1Flags head, boolean first,
                            Proxy backend) {
        HeadCapture.BodyError e = decoder == null ? null : decoder.capture().takeBodyError();
        if (e == null) {
            return;
        }
        int conn = e.withHead() ? FRONT_CONN : ATTACHED;
        H1ErrorScan.Result r = H1ErrorScan.scanBody(e.bytes(), e.lineAt(), e.withHead(), msgFlags(head), e.bodyLength(),
                conn, FRONT_STREAM | (first ? 0 : NOT_FIRST));
        int m = r.h1().msgFlags();
        if ((m & (H1ErrorScan.VER_11 | H1ErrorScan.CONN_KAL)) == 0 || (m & H1ErrorScan.CONN_CLO) != 0) {
            // h1_set_cli_conn_mode() ran on the accepted head: no keep-alive in HTTP/1.0, or a close
            ErrorSnapshot.H1State h = r.h1();
            r = new H1ErrorScan.Result(r.errPos(), new ErrorSnapshot.H1State(h.connFlags(),
                    (h.streamFlags() & ~WANT_MASK) | WANT_CLOSE, h.msgState(), h.msgStateName(), m, h.chunkLen(),
                    h.bodyLen()));
        }
        frontend.captureError(false, new ErrorSnapshot(System.currentTimeMillis(), src(client),
                e.withHead() ? null : backend, null, ErrorSnapshot.nextEventId(), e.bytes(), e.wrapsAt(), r.errPos(),
                r.h1()));
    }

    /** The H1_MF_* flags of a request head the parser accepted. */
    private static int msgFlags(H1Flags f) {
        return H1ErrorScan.NO_PHDR | H1ErrorScan.CLEAN_CONN_HDR | (f.ver11() ? H1ErrorScan.VER_11 : 0)
                | (f.connClose() ? H1ErrorScan.CONN_CLO : 0) | (f.connKeepAlive() ? H1ErrorScan.CONN_KAL : 0)
                | (f.connUpgrade() ? H1ErrorScan.CONN_UPG : 0) | (f.transferEncoding() ? H1ErrorScan.XFER_ENC : 0)
                | (f.chunked() ? H1ErrorScan.CHNK | H1ErrorScan.TE_CHUNKED : 0)
                | (f.contentLength() && !f.transferEncoding() ? H1ErrorScan.CLEN : 0);
    }

    /** A response the backend's server sent and the H1 parser (or the transaction) refused. */
    static void response(Proxy frontend, Channel client, Channel serverChannel, Server server) {
        ResponseDecoder decoder = serverChannel == null ? null : serverChannel.pipeline().get(ResponseDecoder.class);
        byte[] bytes = decoder == null ? null : decoder.takeRefused();
        if (bytes == null && decoder != null && server != null) {
            // refused for a body that came in the head's read: the parser's pass took both
            responseBody(frontend, client, decoder, server, 0);
            return;
        }
        if (bytes == null || server == null) {
            return;
        }
        H1ErrorScan.Result r = H1ErrorScan.scan(bytes, bytes.length, true, false, BACK_CONN,
                BACK_STREAM | (decoder.answeredBefore() ? NOT_FIRST : 0));
        server.backend().captureError(true, new ErrorSnapshot(System.currentTimeMillis(), src(client), frontend,
                server, ErrorSnapshot.nextEventId(), bytes, decoder.capture().wrapsAt(), r.errPos(), r.h1()));
    }

    /**
     * A response body refused once its head went out (an invalid chunk size in a later read),
     * {@code headFlags} the H1_MF_* flags of its head; or in the head's own read ({@code headFlags}
     * unused, read from the bytes).
     */
    static void responseBody(Proxy frontend, Channel client, Channel serverChannel, Server server, H1Flags head) {
        ResponseDecoder decoder = serverChannel == null ? null : serverChannel.pipeline().get(ResponseDecoder.class);
        if (decoder != null && server != null) {
            responseBody(frontend, client, decoder, server, msgFlags(head) | H1ErrorScan.RESP);
        }
    }

    private static void responseBody(Proxy frontend, Channel client, ResponseDecoder decoder, Server server, int headFlags) {
        HeadCapture.BodyError e = decoder.capture().takeBodyError();
        if (e == null) {
            return;
        }
        H1ErrorScan.Result r = H1ErrorScan.scanBody(e.bytes(), e.lineAt(), e.withHead(), true, headFlags, e.bodyLength(),
                BACK_CONN, BACK_STREAM | (decoder.answeredBeforeBody() ? NOT_FIRST : 0));
        server.backend().captureError(true, new ErrorSnapshot(System.currentTimeMillis(), src(client), frontend,
                server, ErrorSnapshot.nextEventId(), e.bytes(), e.wrapsAt(), r.errPos(), r.h1()));
    }

    private static InetSocketAddress src(Channel client) {
        return client == null ? null : SessionAddresses.of(client).src();
    }
}
