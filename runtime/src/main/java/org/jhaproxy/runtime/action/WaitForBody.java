package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import java.util.List;
import org.jhaproxy.config.sample.Units;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A wait for the request body before the rules go on (http_wait_for_msg_body()): "http-request
 * wait-for-body time T [at-least N]", and "option http-buffer-request" (the whole body, or what
 * the buffer holds, within "timeout http-request"). {@code timeMs} 0 waits with no time limit but
 * the client's; {@code atLeast} 0 waits for the whole body.
 */
public record WaitForBody(long timeMs, long atLeast) implements HttpAction {
    /** The analysis stops here: the stream waits, then resumes with the next rule. */
    @Override
    public Reply apply(SampleContext c, HttpMessage msg) {
        return Reply.WAIT_BODY;
    }

    /** "wait-for-body time &lt;time&gt; [at-least &lt;bytes&gt;]", as the parser validated it. */
    static WaitForBody parse(List<String> w) {
        long time = 0;
        long bytes = 0;
        for (int i = 1; i + 1 < w.size(); i += 2) {
            if (w.get(i).equals("time")) {
                time = Units.parseTime(w.get(i + 1));
            } else if (w.get(i).equals("at-least")) {
                bytes = Units.parseSize(w.get(i + 1));
            }
        }
        return new WaitForBody(time, bytes);
    }
}
