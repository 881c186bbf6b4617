package org.jhaproxy.config.diag;

/**
 * The error bits a keyword parser returns, as HAProxy's ERR_* codes: a parser ORs them
 * together, the reader stops a file on {@link #ABORT}, and {@link #FATAL} makes the whole
 * configuration fail after the file is read.
 */
public final class ErrCode {
    public static final int NONE = 0x00;
    public static final int RETRYABLE = 0x01;
    public static final int FATAL = 0x02;
    public static final int ABORT = 0x04;
    public static final int WARN = 0x08;
    public static final int ALERT = 0x10;

    /** The usual result of a keyword that was rejected: an alert that fails the configuration. */
    public static final int ALERT_FATAL = ALERT | FATAL;

    private ErrCode() {
    }

    public static boolean isFatal(int code) {
        return (code & (FATAL | ABORT)) != 0;
    }
}
