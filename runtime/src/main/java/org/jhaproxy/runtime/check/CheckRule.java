package org.jhaproxy.runtime.check;

import java.util.regex.Pattern;

/** One step of a check (a "tcp-check" or "http-check" line): connect, send, or expect. */
sealed interface CheckRule {
    /** "tcp-check connect [port N]": a new connection (0 keeps the server's check port). */
    record Connect(int port) implements CheckRule {
    }

    /** "tcp-check send" / "send-binary" or the HTTP request: bytes written to the server. */
    record Send(byte[] bytes) implements CheckRule {
    }

    /** What an expect rule matches. */
    enum Match { STRING, RSTRING, BINARY, STATUS, RSTATUS }

    /**
     * "tcp-check expect [!] string|rstring|binary PATTERN" or "http-check expect [!]
     * status|rstatus|string|rstring PATTERN"; {@code http} for an HTTP check's expect (on the
     * status line or the body).
     */
    record Expect(Match match, boolean inverse, String pattern, byte[] bytes, Pattern regex, boolean http)
            implements CheckRule {
    }

    /** The agent check's reply: one line of words (tcpcheck_agent_expect_reply()). */
    record AgentReply() implements CheckRule {
    }
}
