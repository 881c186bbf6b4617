package org.jhaproxy.runtime.check;

import java.util.regex.Pattern;

/** One step of a check (a "tcp-check" or "http-check" line): connect, send, or expect. */
sealed interface CheckRule {
    /**
     * "tcp-check connect [port N] [default] [send-proxy] [via-socks4]": a new connection (port 0
     * keeps the server's check port). {@code dflt} (TCPCHK_OPT_DEFAULT_CONNECT, the implicit
     * connect and the protocol checks' own) takes the server's check settings: its
     * "check-send-proxy" and "check-via-socks4"; the other two are the rule's own options.
     */
    record Connect(int port, boolean dflt, boolean sendProxy, boolean viaSocks4) implements CheckRule {
        /** "connect default": the implicit first connection, and that of the protocol checks. */
        static final Connect DEFAULT = new Connect(0, true, false, false);
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

    /** Bytes computed at each run ("send-binary-lf" with "%[date()...]" in "option ssl-hello-chk"). */
    record SendComputed(java.util.function.Supplier<byte[]> bytes) implements CheckRule {
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
