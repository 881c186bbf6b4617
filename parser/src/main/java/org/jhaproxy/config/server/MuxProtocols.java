package org.jhaproxy.config.server;

/**
 * The multiplexers the "proto" keyword of bind and server lines may name (haproxy -vv
 * "Available multiplexer protocols" of 2.6 built without QUIC).
 */
final class MuxProtocols {
    enum Side { FRONTEND, BACKEND }

    private MuxProtocols() {
    }

    static boolean isKnown(String token, Side side) {
        return switch (token) {
            case "h1", "h2", "none" -> true;
            case "fcgi" -> side == Side.BACKEND;
            default -> false;
        };
    }
}
