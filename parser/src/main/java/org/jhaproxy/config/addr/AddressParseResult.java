package org.jhaproxy.config.addr;

/**
 * Either a parsed address or HAProxy's error text for it (as memprintf()'d by str2sa_range(),
 * including the trailing newline some of its messages carry; callers that print through
 * indent_msg() drop it with {@link #errorLine()}).
 */
public record AddressParseResult(SocketAddress address, String error) {

    public static AddressParseResult ok(SocketAddress address) {
        return new AddressParseResult(address, null);
    }

    public static AddressParseResult fail(String error) {
        return new AddressParseResult(null, error);
    }

    public boolean ok() {
        return address != null;
    }

    /** The error without its trailing newline. */
    public String errorLine() {
        if (error == null) {
            return null;
        }
        return error.endsWith("\n") ? error.substring(0, error.length() - 1) : error;
    }
}
