package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Arrays;
import java.util.List;

/**
 * The raw bytes of the message an H1 decoder just refused, as haproxy's H1 mux keeps its input
 * buffer for "show errors" (h1_capture_bad_message()): from the first byte of the message (or,
 * for a body refused in a later read, of that read) to the last one read, at most what the mux's
 * buffer holds. Netty's decoder consumes a head line by line and its buffer may be released
 * before the message reaches the stream, so the bytes are taken while the decoder still has
 * them: this notes where each head and each read starts, and copies only for a message found
 * invalid, or for the part of a head that a single read did not bring whole.
 */
final class HeadCapture {
    /** What a buffer of tune.bufsize lets the mux read: less its HTX header and one block's. */
    private static final int HTX_OVERHEAD = 64;

    private final int room;
    /** A body is being decoded: the next bytes after it start a new message. */
    private boolean inBody;
    /** The message failed: what follows is skipped by the decoder, not captured. */
    private boolean broken;
    /** The head's bytes that earlier reads consumed, while the head is incomplete. */
    private byte[] earlier;
    private int earlierLength;
    private int from;
    /** The decode call began in a body: what it consumed was no part of a head. */
    private boolean bodyAtStart;
    /** Where the head started in the decoder's buffer: the mux's buffer wraps that much sooner. */
    private int headOffset;
    private byte[] captured;
    private int capturedOffset;
    /** Reads so far: a head and a body error of the same read are one pass of haproxy's parser. */
    private int pass;
    private boolean newPass = true;
    /** Where the current read's data starts in the decoder's buffer (with what earlier reads left). */
    private int passStart;
    private int headPass = -1;
    private int headStart;
    /** The body bytes decoded since the last head (h1m->body_len of a chunked message). */
    private long bodyBytes;
    private BodyError bodyError;

    /**
     * A body the decoder refused (an invalid chunk size): the parser's buffer from the head when
     * the head came in the same read, else from the start of the read; {@code lineAt} is where
     * the refused chunk-size line starts in it.
     */
    record BodyError(byte[] bytes, int lineAt, boolean withHead, long bodyLength, int wrapsAt) {
    }

    HeadCapture(HttpLimits limits) {
        this.room = Math.max(256, limits.maxChunk() - HTX_OVERHEAD);
    }

    /** Before the decoder reads {@code in}: a head goes on, or starts, at its reader index. */
    void decoding(ByteBuf in) {
        from = in.readerIndex();
        bodyAtStart = inBody;
        if (newPass) {
            newPass = false;
            passStart = from;
        }
        if (earlierLength == 0) {
            headOffset = from;
        }
    }

    /** The messages the decoder added to {@code out} from {@code first}; {@code refused} says which to keep. */
    void decoded(ByteBuf in, List<Object> out, int first, java.util.function.Predicate<HttpMessage> refused) {
        if (broken) {
            return;
        }
        boolean head = false;
        for (int i = first; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpMessage m) {
                head = true;
                if (m.decoderResult().isFailure() || refused.test(m)) {
                    captured = take(in, in.writerIndex());
                    capturedOffset = headOffset;
                    broken = m.decoderResult().isFailure();
                } else {
                    captured = null;
                }
                earlier = null;
                earlierLength = 0;
                inBody = true;
                headPass = pass;
                headStart = headOffset;
                bodyBytes = 0;
            } else if (o instanceof io.netty.handler.codec.http.HttpContent c) {
                if (c.decoderResult().isFailure()) {
                    // the decoder read the refused chunk-size line in this call, from its start
                    boolean withHead = headPass == pass;
                    int start = withHead ? headStart : passStart;
                    byte[] b = new byte[Math.min(room, Math.max(0, in.writerIndex() - start))];
                    in.getBytes(start, b);
                    bodyError = new BodyError(b, from - start, withHead, bodyBytes,
                            room + HTX_OVERHEAD - 48 - start);
                    broken = true;
                } else {
                    bodyBytes += c.content().readableBytes();
                }
            }
            if (o instanceof LastHttpContent) {
                inBody = false;
            }
        }
        if (!head && !bodyAtStart && !inBody && in.readerIndex() > from) {
            // an incomplete head: the decoder consumed its whole lines, kept here until its end
            byte[] part = take(in, in.readerIndex());
            earlier = part;
            earlierLength = part.length;
        }
    }

    /** A read begins: what the decoder decodes next belongs to a new pass of the parser. */
    void reading() {
        pass++;
        newPass = true;
    }

    /** The body error noted last, null if none; taken once. */
    BodyError takeBodyError() {
        BodyError e = bodyError;
        bodyError = null;
        return e;
    }

    /** The bytes of the head refused last, null if none; taken once. */
    byte[] take() {
        byte[] b = captured;
        captured = null;
        return b;
    }

    private byte[] take(ByteBuf in, int to) {
        int n = Math.min(room, earlierLength + Math.max(0, to - from));
        byte[] b = earlierLength > 0 ? Arrays.copyOf(earlier, n) : new byte[n];
        if (n > earlierLength) {
            in.getBytes(from, b, earlierLength, n - earlierLength);
        }
        return b;
    }

    /** The size of a buffer's worth: a head that fills it was cut there. */
    int room() {
        return room;
    }

    /**
     * Where the mux's buffer wraps, from the first byte of the head captured last: past its HTX
     * header, and sooner by what earlier messages of the same read took (pipelined requests).
     */
    int wrapsAt() {
        return room + HTX_OVERHEAD - 48 - capturedOffset;
    }
}
