package org.jhaproxy.runtime.sample;

/**
 * A configuration element the runtime cannot execute yet (a fetch, converter, action...): the
 * start is refused with this message, HAProxy-shaped, rather than run the line differently.
 */
public final class NotSupported extends Exception {
    public NotSupported(String message) {
        super(message, null, false, false);
    }
}
