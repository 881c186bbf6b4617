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

    /**
     * The HTTP check's request with "http-check send-state": the server's state header
     * ({@code name}) goes between {@code head} (request line and headers) and {@code tail}, as
     * it changes from one check to the next.
     */
    record HttpSend(String head, String name, String tail) implements CheckRule {
    }

    /** "tcp-check comment TEXT": no action, it names the next rule in failure reasons; it takes a step number. */
    record Comment() implements CheckRule {
    }

    /** What an expect rule matches. */
    enum Match { STRING, RSTRING, BINARY, STATUS, RSTATUS, HEADER }

    /**
     * "tcp-check expect [!] string|rstring|binary PATTERN" or "http-check expect [!]
     * status|rstatus|string|rstring PATTERN | hdr ..."; {@code http} for an HTTP check's expect (on the
     * status line or the body).
     */
    record Expect(Match match, boolean inverse, String pattern, byte[] bytes, Pattern regex, boolean http,
                  HeaderExpect header) implements CheckRule {
        Expect(Match match, boolean inverse, String pattern, byte[] bytes, Pattern regex, boolean http) {
            this(match, inverse, pattern, bytes, regex, http, null);
        }
    }

    /** The agent check's reply: one line of words (tcpcheck_agent_expect_reply()). */
    record AgentReply() implements CheckRule {
    }
}
