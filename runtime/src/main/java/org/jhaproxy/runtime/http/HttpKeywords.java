package org.jhaproxy.runtime.http;

import java.util.Set;

/** The keywords the HTTP transaction code executes beyond the core list of RuntimeSupport. */
public final class HttpKeywords {
    /**
     * "timeout tarpit": how long "http-request tarpit" holds a request (Tarpit); "option
     * http-buffer-request": the rules wait for the body (RequestAnalysis).
     */
    public static final Set<String> EXECUTED = Set.of("proxy timeout tarpit", "proxy option http-buffer-request");

    private HttpKeywords() {
    }
}
