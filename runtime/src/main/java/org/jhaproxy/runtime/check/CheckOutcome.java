package org.jhaproxy.runtime.check;

/**
 * One check's result: its status, the L7 code it saw (0 if none) and its info text. An agent
 * check ends with the agent's reply line instead ({@code reply}, status null), which only the
 * server's state can turn into a status; a status null without a reply keeps the previous one
 * (the agent's incomplete line).
 */
record CheckOutcome(CheckStatus status, int code, String info, String reply) {
    CheckOutcome(CheckStatus status, int code, String info) {
        this(status, code, info, null);
    }

    static CheckOutcome of(CheckStatus status, String info) {
        return new CheckOutcome(status, 0, info);
    }

    /** The agent's line, up to its first CR or LF. */
    static CheckOutcome agent(String line) {
        return new CheckOutcome(null, 0, null, line);
    }

    /** The agent closed before ending its line: the previous status stays, with this info. */
    static CheckOutcome incompleteAgentLine() {
        return new CheckOutcome(null, 0, "Ignoring incomplete line from agent", null);
    }

    /** A check keeps at most this much of its info text (HCHK_DESC_LEN - 1). */
    private static final int INFO_MAX = 127;

    /** The info text of bytes from {@code from}: a C string, up to a NUL byte, cut at 127 bytes. */
    static String info(byte[] data, int from) {
        int end = from;
        while (end < data.length && data[end] != 0 && end - from < INFO_MAX) {
            end++;
        }
        return from >= end ? "" : new String(data, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A computed info text as the check keeps it (up to a NUL byte, at most 127 bytes). */
    static String info(String text) {
        return info(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0);
    }
}
