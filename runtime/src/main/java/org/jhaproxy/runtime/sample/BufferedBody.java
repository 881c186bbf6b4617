package org.jhaproxy.runtime.sample;

/**
 * What the request buffer holds of an HTTP request's body when the rules run (req.body,
 * req.body_len, req.body_size, req.body_param): all of it once "option http-buffer-request" or
 * "http-request wait-for-body" waited for it, as much as the buffer holds of a larger one.
 */
public interface BufferedBody {
    /** The body bytes in the buffer (chunked framing removed). */
    byte[] data();

    /** The advertised length: the Content-Length, else (chunked) the bytes in the buffer. */
    long size();

    /**
     * What req.len gives in HTTP (htx->data): the request's HTX blocks in the buffer, the head
     * (see HtxSize) and the body held so far.
     */
    long htxLength();
}
