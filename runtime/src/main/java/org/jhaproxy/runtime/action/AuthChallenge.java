package org.jhaproxy.runtime.action;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-request auth [realm &lt;realm&gt;]" (configuration.txt 4.2, http_action_auth()): the
 * proxy's 401 error message (its errorfile if it has one) with every WWW-Authenticate header
 * replaced by {@code Basic realm="<realm>"}, the realm defaulting to the proxy's name. The
 * stream ends there, as a local answer to the request ("LR"), counted as an HTTP error of what
 * it tracks and, for the frontend's own rules, as an intercepted request.
 *
 * <p>haproxy answers 407 with Proxy-Authenticate instead when "option http-use-proxy-header"
 * sees a proxy request; jhaproxy does not run that option, so it is always 401.
 */
final class AuthChallenge {
    private static final int STATUS = 401;
    private static final String HEADER = "www-authenticate";

    private AuthChallenge() {
    }

    static HttpAction compile(List<String> w, CompileScope scope) throws NotSupported {
        String realm = scope.proxy().name();
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i).equals("realm") && i + 1 < w.size()) {
                realm = w.get(++i);
            } else {
                throw new NotSupported("auth option '" + w.get(i) + "' is not supported by jhaproxy yet.");
            }
        }
        String value = "Basic realm=\"" + realm + "\"";
        Reply builtIn = challenge(ErrorReplies.of(STATUS), value);
        return (c, msg) -> {
            org.jhaproxy.runtime.stick.Tracking.httpError(c);
            if (!c.backendAssigned() || c.backend() == c.frontend()) {
                c.frontend().frontendCounters().intercepted.increment();
            }
            Reply r = ErrorReplies.of(STATUS, c, builtIn);
            return r == builtIn ? r : challenge(r, value);
        };
    }

    /** The error reply as a local answer, its WWW-Authenticate headers replaced by ours (last of the head). */
    private static Reply challenge(Reply error, String value) {
        if (error.bytes() == null || error.bytes().length == 0) {
            return new Reply(Reply.Kind.RESPONSE, error.bytes(), error.close(), true);
        }
        String text = new String(error.bytes(), StandardCharsets.ISO_8859_1);
        int eoh = text.indexOf("\r\n\r\n");
        StringBuilder head = new StringBuilder();
        for (String line : text.substring(0, eoh).split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (head.length() > 0 && colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(HEADER)) {
                continue;
            }
            head.append(line).append("\r\n");
        }
        head.append(HEADER).append(": ").append(value).append("\r\n");
        return Reply.local(head + text.substring(eoh + 2), error.close());
    }
}
