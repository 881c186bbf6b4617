package org.jhaproxy.runtime.log;

/**
 * The two characters of the session state at disconnection (%ts): who or what ended the stream
 * (SF_ERR_*) and in which phase (SF_FINST_*), as the manual's section 8.5 lists them.
 */
public final class TermState {
    private TermState() {
    }

    /** The first character, in SF_ERR_* order (the order matters: "more than LOCAL" is an error). */
    public enum Cause {
        NONE('-'), LOCAL('L'), CLIENT_TIMEOUT('c'), CLIENT_CLOSE('C'), SERVER_TIMEOUT('s'), SERVER_CLOSE('S'),
        PROXY('P'), RESOURCE('R'), INTERNAL('I'), DOWN('D'), KILLED('K'), UP('U');

        public final char code;

        Cause(char code) {
            this.code = code;
        }
    }

    /** The second character (SF_FINST_*). */
    public enum Phase {
        NONE('-'), REQUEST('R'), CONNECT('C'), HEADERS('H'), DATA('D'), LAST('L'), QUEUE('Q'), TARPIT('T');

        public final char code;

        Phase(char code) {
            this.code = code;
        }
    }
}
