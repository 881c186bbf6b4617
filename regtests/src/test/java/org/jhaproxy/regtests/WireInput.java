package org.jhaproxy.regtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The receiving side of one scripted connection: buffered reads that each end by a deadline.
 * A read returns what it got and how it ended ({@link Received#ending()}): complete (null),
 * "closed" (the peer's FIN), "reset" (an RST) or "timeout", so a misbehaving program becomes a
 * readable transcript line instead of a hang.
 */
final class WireInput {
    /** The bytes one step received, and how the step ended (null when it got what it wanted). */
    record Received(byte[] bytes, String ending) {
    }

    private final Socket socket;
    private final InputStream in;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private String eof;
    private ByteArrayOutputStream taken;

    WireInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Exactly n bytes. */
    Received exactly(int n, long deadline) {
        taken = new ByteArrayOutputStream();
        return done(need(n, deadline) ? take(n) : ending());
    }

    /** Everything until the peer closes. */
    Received untilClose(long deadline) {
        taken = new ByteArrayOutputStream();
        while (fill(deadline)) {
            // keep reading
        }
        take(end - start);
        return done(ending());
    }

    /**
     * One HTTP/1.x message: the head, then a body framed by Transfer-Encoding: chunked or
     * Content-Length; a response with neither is delimited by the close. A request without
     * either and a 1xx/204/304 response have no body. With headOnly, only the head is read (a
     * response to HEAD, or a request whose body is read later, after a 100-continue).
     */
    Received message(boolean request, boolean headOnly, long deadline) {
        taken = new ByteArrayOutputStream();
        int headEnd;
        while ((headEnd = headEnd()) < 0) {
            if (!fill(deadline)) {
                take(end - start);
                return done(ending());
            }
        }
        String headText = new String(buf, start, headEnd - start, StandardCharsets.ISO_8859_1);
        take(headEnd - start);
        String[] lines = headText.split("\r?\n");
        boolean chunked = false;
        long length = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (name.equals("transfer-encoding")) {
                chunked = value.endsWith("chunked");
            } else if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
        }
        if (headOnly) {
            return done(null);
        }
        if (!request) {
            String[] status = lines[0].split(" ");
            int code = status.length > 1 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : 200;
            if (code < 200 || code == 204 || code == 304) {
                return done(null);
            }
        }
        if (chunked) {
            return done(chunks(deadline));
        }
        if (length >= 0) {
            return done(need((int) length, deadline) ? take((int) length) : ending());
        }
        if (request) {
            return done(null);
        }
        // close-delimited: the transcript shows the close that ended it
        while (fill(deadline)) {
            // keep reading
        }
        take(end - start);
        return done(ending());
    }

    /**
     * Waits for the peer to close: "closed" / "reset", or "still open" when the deadline passes
     * first; bytes that arrive meanwhile are shown.
     */
    Received closing(long deadline) {
        taken = new ByteArrayOutputStream();
        while (fill(deadline)) {
            // keep reading
        }
        take(end - start);
        return done(eof == null ? "still open" : eof);
    }

    private String chunks(long deadline) {
        while (true) {
            int lineEnd = line(deadline);
            if (lineEnd < 0) {
                take(end - start);
                return ending();
            }
            String sizeLine = new String(buf, start, lineEnd - start, StandardCharsets.ISO_8859_1).strip();
            take(lineEnd - start);
            int size;
            try {
                size = Integer.parseInt(sizeLine.replaceFirst(";.*", "").strip(), 16);
            } catch (NumberFormatException e) {
                return "bad chunk size";
            }
            if (size == 0) {
                // trailers, up to the empty line
                while (true) {
                    int t = line(deadline);
                    if (t < 0) {
                        take(end - start);
                        return ending();
                    }
                    boolean empty = t - start <= 2;
                    take(t - start);
                    if (empty) {
                        return null;
                    }
                }
            }
            if (!need(size, deadline)) {
                take(end - start);
                return ending();
            }
            take(size);
            int crlf = line(deadline);
            if (crlf < 0) {
                take(end - start);
                return ending();
            }
            take(crlf - start);
        }
    }

    /** The index just past the next LF, reading as needed; -1 on close or deadline. */
    private int line(long deadline) {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    return i + 1;
                }
            }
            if (!fill(deadline)) {
                return -1;
            }
        }
    }

    private int headEnd() {
        for (int i = start; i < end; i++) {
            if (buf[i] == '\n') {
                if (i + 1 < end && buf[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < end && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    private boolean need(int n, long deadline) {
        while (end - start < n) {
            if (!fill(deadline)) {
                take(end - start);
                return false;
            }
        }
        return true;
    }

    private String take(int n) {
        taken.write(buf, start, n);
        start += n;
        return null;
    }

    private String ending() {
        return eof == null ? "timeout" : eof;
    }

    private Received done(String ending) {
        Received r = new Received(taken.toByteArray(), ending);
        taken = null;
        return r;
    }

    /** Reads more bytes; false at the peer's close, a reset or the deadline. */
    private boolean fill(long deadline) {
        if (eof != null) {
            return false;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        if (start == end) {
            start = end = 0;
        } else if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = "closed";
                return false;
            }
            end += n;
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            eof = "reset";
            return false;
        } catch (IOException e) {
            eof = "error " + e.getMessage();
            return false;
        }
    }
}
