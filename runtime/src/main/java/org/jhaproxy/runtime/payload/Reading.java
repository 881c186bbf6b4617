package org.jhaproxy.runtime.payload;

/**
 * What a parser of the request buffer got (ClientHello, RdpCookie): {@code value} (null for
 * none) and whether more data may change it, payload.c's SMP_F_MAY_CHANGE: none for now while
 * the bytes may still become what is looked for, none for good when they cannot.
 */
public record Reading(Object value, boolean mayChange) {
    static final Reading TOO_SHORT = new Reading(null, true);
    static final Reading NONE = new Reading(null, false);

    static Reading of(Object v) {
        return new Reading(v, false);
    }
}
