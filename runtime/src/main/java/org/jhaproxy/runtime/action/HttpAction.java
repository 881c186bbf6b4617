package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import org.jhaproxy.runtime.sample.SampleContext;

/** One http-request / http-response action, compiled (HAProxy's act_rule action_ptr). */
@FunctionalInterface
public interface HttpAction {
    /**
     * Applies the action to {@code msg} (the request or response head being processed).
     * @return null to go on with the next rule, else the final verdict
     */
    Reply apply(SampleContext c, HttpMessage msg);
}
