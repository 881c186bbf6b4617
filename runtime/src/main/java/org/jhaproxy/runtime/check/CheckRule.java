package org.jhaproxy.runtime.check;

import java.util.regex.Pattern;

/** One step of a check (a "tcp-check" or "http-check" line): connect, send, or expect. */
sealed interface CheckRule {
    /**
     * "tcp-check connect" / "http-check connect": a new connection, to {@code port} (0: the
     * {@code portExpr}'s value, else the address's port, else the server's check port) at
     * {@code addr} (null: the server's check address); {@code sendProxy} starts it with a PROXY
     * line, {@code linger} closes it cleanly instead of with a reset.
     */
    record Connect(int port, org.jhaproxy.runtime.sample.CompiledSample portExpr, java.net.InetSocketAddress addr,
                   boolean sendProxy, boolean linger) implements CheckRule {
        Connect(int port) {
            this(port, null, null, false, false);
        }
    }

    /** "tcp-check set-var(check.x) EXPR" / "unset-var": acts on the check's session, takes a step number. */
    record Action(java.util.function.Consumer<org.jhaproxy.runtime.sample.SampleContext> run) implements CheckRule {
    }

    /**
     * "http-check send": the request, built at each run (its header values and body may be
     * log-format strings, "send-state" adds the server's state header).
     */
    record SendHttp(HttpCheckRequest request) implements CheckRule {
    }

    /** "tcp-check send" / "send-binary" or the HTTP request: bytes written to the server. */
    record Send(byte[] bytes) implements CheckRule {
    }

    /**
     * Bytes computed at each run from the check's session ("send-lf", "send-binary-lf", the
     * "%[date()...]" of "option ssl-hello-chk"); null for a hex string that does not parse.
     */
    record SendComputed(java.util.function.Function<CheckSession, byte[]> bytes) implements CheckRule {
    }

    /** "tcp-check comment TEXT": no action, it names the next rule in failure reasons; it takes a step number. */
    record Comment() implements CheckRule {
    }

    /** What an expect rule matches. */
    enum Match { STRING, RSTRING, BINARY, RBINARY, STATUS, RSTATUS, HEADER, CUSTOM }

    /**
     * "tcp-check expect [!] string|rstring|binary PATTERN" or "http-check expect [!]
     * status|rstatus|string|rstring PATTERN | hdr ..."; {@code http} for an HTTP check's expect (on the
     * status line or the body).
     */
    record Expect(Match match, boolean inverse, String pattern, byte[] bytes, Pattern regex, boolean http,
                  HeaderExpect header, ExpectOptions options) implements CheckRule {
        Expect(Match match, boolean inverse, String pattern, byte[] bytes, Pattern regex, boolean http) {
            this(match, inverse, pattern, bytes, regex, http, null, ExpectOptions.NONE);
        }

        Expect(Match match, boolean inverse, String pattern, byte[] bytes, Pattern regex, boolean http, HeaderExpect header) {
            this(match, inverse, pattern, bytes, regex, http, header, ExpectOptions.NONE);
        }

        /** A tcp-check expect of a protocol check: {@code pattern} a regex for RSTRING and RBINARY. */
        static Expect tcp(Match match, boolean inverse, String pattern, ExpectOptions options) {
            byte[] bytes = pattern.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Pattern regex = match == Match.RSTRING || match == Match.RBINARY ? Pattern.compile(pattern) : null;
            return new Expect(match, inverse, pattern, bytes, regex, false, null, options);
        }

        /** An "expect custom" rule: a protocol parser in place of a pattern. */
        static Expect custom(ExpectOptions.CustomExpect parser) {
            return new Expect(Match.CUSTOM, false, "", new byte[0], null, false, null, ExpectOptions.custom(parser));
        }
    }

    /** The agent check's reply: one line of words (tcpcheck_agent_expect_reply()). */
    record AgentReply() implements CheckRule {
    }
}
