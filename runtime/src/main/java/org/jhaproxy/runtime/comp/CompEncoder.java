package org.jhaproxy.runtime.comp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One response body through its algorithm: each part is deflated and flushed so that what
 * arrived leaves at once, as haproxy flushes each data block; the last part finishes the
 * stream. "deflate" is the zlib format (RFC 1950), "raw-deflate" the bare stream (RFC 1951),
 * "gzip" the gzip container (RFC 1952) around it, "identity" passes the bytes as they are.
 * The level is "tune.comp.maxlevel" (1 unless set). The output bytes need not be haproxy's:
 * its libslz and zlib's deflate encode differently; what a client decodes is the same.
 */
public final class CompEncoder {
    /** The gzip header: deflate, no name or time, fastest compression, Unix. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 4, 3};

    private final CompAlgo algo;
    private final Deflater deflater;
    private final CRC32 crc;
    private boolean headerWritten;
    private long consumed;
    private boolean ended;

    private CompEncoder(CompAlgo algo, int level) {
        this.algo = algo;
        this.deflater = algo == CompAlgo.IDENTITY ? null : new Deflater(level, algo != CompAlgo.DEFLATE);
        this.crc = algo == CompAlgo.GZIP ? new CRC32() : null;
    }

    static CompEncoder of(CompAlgo algo, int level) {
        return new CompEncoder(algo, level);
    }

    /** Whether the bytes are really compressed (a level above 0): haproxy counts comp_in/out, else comp_byp. */
    public boolean compresses() {
        return deflater != null;
    }

    /**
     * {@code in} encoded, in a new buffer from {@code alloc}; {@code last} ends the stream. The
     * caller still owns {@code in}.
     */
    public ByteBuf encode(ByteBuf in, boolean last, ByteBufAllocator alloc) {
        if (deflater == null) {
            return in.retainedSlice();
        }
        int n = in.readableBytes();
        consumed += n;
        ByteBuf out = alloc.buffer(n + n / 8 + 64);
        try {
            deflate(in, last, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    private void deflate(ByteBuf in, boolean last, ByteBuf out) {
        if (crc != null && !headerWritten) {
            out.writeBytes(GZIP_HEADER);
            headerWritten = true;
        }
        ByteBuffer input = in.nioBuffer();
        if (crc != null) {
            crc.update(input.duplicate());
        }
        deflater.setInput(input);
        if (last) {
            deflater.finish();
        }
        while (true) {
            out.ensureWritable(64);
            ByteBuffer room = out.nioBuffer(out.writerIndex(), out.writableBytes());
            int written = deflater.deflate(room, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            out.writerIndex(out.writerIndex() + written);
            if (last ? deflater.finished() : written < room.capacity() && deflater.needsInput()) {
                break;
            }
            out.ensureWritable(out.capacity());
        }
        if (last) {
            if (crc != null) {
                out.writeIntLE((int) crc.getValue());
                out.writeIntLE((int) consumed);
            }
            end();
        }
    }

    /**
     * comp_http_payload() on one part of the body: the part encoded, counted as compressed
     * (comp_in, comp_out) or bypassed (identity), the response counted once its end passed
     * (comp_rsp). {@code endBlocks}: the HTX size of the trailers and end of a chunked message,
     * which the filter consumes too. {@code part} is released; trailers go on with the last part.
     */
    public HttpContent part(HttpContent part, long endBlocks, ByteBufAllocator alloc, CompCounters fe, CompCounters be) {
        boolean last = part instanceof LastHttpContent;
        long n = part.content().readableBytes() + (last ? endBlocks : 0);
        ByteBuf encoded;
        try {
            encoded = encode(part.content(), last, alloc);
        } finally {
            part.release();
        }
        for (CompCounters c : new CompCounters[] {fe, be}) {
            if (compresses()) {
                c.in.add(n);
                c.out.add(encoded.readableBytes());
            } else {
                c.bypassed.add(n);
            }
            if (last) {
                c.responses.increment();
            }
        }
        if (!last) {
            return new DefaultHttpContent(encoded);
        }
        DefaultLastHttpContent end = new DefaultLastHttpContent(encoded);
        end.trailingHeaders().set(((LastHttpContent) part).trailingHeaders());
        return end;
    }

    /** The native memory of the deflater goes back (the body ended, or the stream did). */
    void end() {
        if (deflater != null && !ended) {
            ended = true;
            deflater.end();
        }
    }
}
