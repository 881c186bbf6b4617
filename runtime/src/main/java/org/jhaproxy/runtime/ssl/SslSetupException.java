package org.jhaproxy.runtime.ssl;

/** A TLS setting that cannot be put in place at start: the start fails with this message. */
public final class SslSetupException extends Exception {
    public SslSetupException(String message) {
        super(message);
    }
}
