package org.jhaproxy.config.section;

import org.jhaproxy.config.addr.AddressParser;

/** The address of a listener as str2listener() reads it, for the sections that bind (peers, log-forward). */
final class ListenerAddress {
    static final int OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.PORT_RANGE | AddressParser.SOCKET_FD | AddressParser.STREAM | AddressParser.XPRT;

    private ListenerAddress() {
    }

    /** indent_msg(msg, 2) as the callers apply it, newline included. */
    static String indent(String msg) {
        int lf = msg.length() - msg.replace("\n", "").length();
        if (lf == 0) {
            return msg;
        }
        if (lf == 1 && msg.endsWith("\n")) {
            return msg.substring(0, msg.length() - 1);
        }
        String m = msg.endsWith("\n") ? msg.substring(0, msg.length() - 1) : msg;
        return m.replace("\n", "\n  ") + (msg.endsWith("\n") ? "\n\n" : "");
    }
}
