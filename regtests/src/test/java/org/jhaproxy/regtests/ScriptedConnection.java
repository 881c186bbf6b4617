package org.jhaproxy.regtests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays the steps of one scripted connection (a client's, or a backend server's for one accepted
 * connection) and writes what it received into the transcript. Sends are not written (they are
 * the case's input) unless they fail. The socket is left open at the end unless a step closed it:
 * the case closes it once the program has stopped.
 */
final class ScriptedConnection {
    /** How long one receiving step may wait. */
    static final long READ_DEADLINE_MS = 5000;
    /** How long expect-closed waits for the close before writing "still open". */
    static final long CLOSE_DEADLINE_MS = 1000;

    private ScriptedConnection() {
    }

    static void play(List<RuntimeCase.Step> steps, Socket socket, StringBuilder out) throws IOException {
        WireInput in = new WireInput(socket);
        OutputStream os = socket.getOutputStream();
        for (RuntimeCase.Step step : steps) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_DEADLINE_MS);
            switch (step.verb()) {
                case "send" -> send(os, step.data(), 1, step, out);
                case "send-repeat" -> send(os, step.data(), step.number(0), step, out);
                case "recv-request" -> write(out, step, in.message(true, false, deadline));
                case "recv-response" -> write(out, step, in.message(false, false, deadline));
                case "recv-head" -> write(out, step, in.message(false, true, deadline));
                case "recv" -> write(out, step, in.exactly(step.number(0), deadline));
                case "recv-until-close" -> write(out, step, in.untilClose(deadline));
                case "expect-closed" -> {
                    long ms = step.words().isEmpty() ? CLOSE_DEADLINE_MS : step.number(0);
                    write(out, step, in.closing(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms)));
                }
                case "shutdown-write" -> socket.shutdownOutput();
                case "close" -> socket.close();
                case "reset" -> {
                    // SO_LINGER 0: the close sends a RST instead of a FIN (a peer aborting)
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
                case "delay" -> pause(step.number(0));
                default -> throw new IllegalArgumentException("line " + step.line() + ": unknown step '" + step.verb() + "'");
            }
            if (socket.isClosed()) {
                return;
            }
        }
    }

    private static void send(OutputStream os, byte[] data, int times, RuntimeCase.Step step, StringBuilder out) {
        if (data == null) {
            throw new IllegalArgumentException("line " + step.line() + ": " + step.verb() + " needs a \"string\"");
        }
        try {
            // one write of the whole run: written byte run by byte run, the program could answer
            // (and close) between two writes, which made the outcome depend on timing
            byte[] all = new byte[data.length * times];
            for (int i = 0; i < times; i++) {
                System.arraycopy(data, 0, all, i * data.length, data.length);
            }
            os.write(all);
            os.flush();
        } catch (IOException e) {
            // the program closed or reset the connection before taking all the bytes
            out.append("  ").append(step.verb()).append('\n').append("    <send failed>\n");
        }
    }

    private static void write(StringBuilder out, RuntimeCase.Step step, WireInput.Received r) {
        out.append("  ").append(step.verb());
        for (String w : step.words()) {
            out.append(' ').append(w);
        }
        out.append('\n');
        out.append(escape(r.bytes(), "    "));
        if (r.ending() != null) {
            out.append("    <").append(r.ending()).append(">\n");
        }
    }

    /** Bytes as readable lines: \r \n \t \\ and \xNN escaped, a line break after each \n. */
    static String escape(byte[] bytes, String indent) {
        StringBuilder sb = new StringBuilder();
        boolean lineStart = true;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (lineStart) {
                sb.append(indent);
                lineStart = false;
            }
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> {
                    sb.append("\\n\n");
                    lineStart = true;
                }
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        if (!lineStart) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Only where the timing is the behaviour under test (a timeout case). */
    private static void pause(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
