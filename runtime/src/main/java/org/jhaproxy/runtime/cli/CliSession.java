package org.jhaproxy.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.Engine;

/**
 * One connection to a stats socket, as haproxy's CLI applet runs it (cli_io_handler()): the
 * input is cut into commands at each LF or unescaped ';', each answer ends with "\n" (or
 * "\n> " once "prompt" made the session interactive), and a non-interactive session closes
 * after the answer that leaves no input waiting. Knows nothing of the network: it takes the
 * bytes received (as ISO-8859-1 characters) and gives the bytes to send.
 */
public final class CliSession {
    /** PAYLOAD_PATTERN: a line ending with it is followed by a payload up to an empty line. */
    private static final String PAYLOAD = "<<";

    private final Engine engine;
    private final StatsSockets sockets;
    private final CliKeywords keywords;
    private final StringBuilder input = new StringBuilder();
    private CliLevel level;
    private long timeoutMs;
    private boolean prompt;
    private boolean ended;
    /** The last command's answer ends the response itself: no empty line follows it (see {@link CliRequest#endsAnswer()}). */
    private boolean answerEnded;
    private String payloadCommand;
    private StringBuilder payload;
    /** "show events -w": the ring this session follows, null when it runs commands. */
    private RingReader following;
    /** Input came while following: the command ends at the next event (see {@link #received}). */
    private boolean interrupted;
    /** This session's own stream, as "show sess" lists it. */
    private org.jhaproxy.runtime.stream.LiveStream stream;

    /** "expose-fd listeners" on the socket this session came through: "_getsocks" is allowed. */
    private final boolean exposeFd;
    /** The connection's descriptor (a UNIX socket's, for "_getsocks"), -1 when unknown. */
    private int fd = -1;

    CliSession(Engine engine, StatsSockets sockets, CliLevel level, long timeoutMs, boolean exposeFd) {
        this.exposeFd = exposeFd;
        this.engine = engine;
        this.sockets = sockets;
        this.keywords = sockets.keywords();
        this.level = level;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Handles what arrived ({@code eof}: the client shut its side); returns the answer to send.
     * Once {@link #ended()}, the connection is to be closed after sending it.
     */
    public String received(String bytes, boolean eof) {
        if (following != null) {
            // haproxy's ring reader only looks at its input when it wakes up for a new event (or
            // the close, or the timeout): what the client types then ends it, and is thrown away
            interrupted |= !bytes.isEmpty();
            if (!eof) {
                return "";
            }
            String out = following.read() + unfollow();
            ended = true;
            return out;
        }
        input.append(bytes);
        StringBuilder out = new StringBuilder();
        while (!ended) {
            int end = payload != null ? input.indexOf("\n") : delimiter();
            if (end < 0) {
                // an incomplete last line is dropped when the client closes, as haproxy does
                ended = eof;
                break;
            }
            String line = input.substring(0, end);
            input.delete(0, end + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (payload != null) {
                if (line.isEmpty()) {
                    String command = payloadCommand;
                    String body = payload.toString();
                    payload = null;
                    payloadCommand = null;
                    out.append(execute(command, body));
                } else {
                    payload.append(payload.length() == 0 ? "" : "\n").append(line);
                }
            } else if (line.endsWith(PAYLOAD)) {
                payloadCommand = line;
                payload = new StringBuilder();
            } else {
                out.append(execute(line, null));
                if (following != null) {
                    if (input.length() == 0) {
                        break; // the answer goes on with each new event
                    }
                    // commands pipelined after it end it at once, unread
                    following = null;
                    input.setLength(0);
                }
            }
            if (ended) {
                break; // "quit": no prompt
            }
            if (prompt) {
                out.append(payload != null ? "+ " : answerEnded ? "> " : "\n> ");
            } else if (payload == null && !answerEnded) {
                out.append('\n');
            }
            answerEnded = false;
            if (!prompt && payload == null && input.length() == 0) {
                ended = true;
            }
        }
        return out.toString();
    }

    /** "show events &lt;ring&gt; -w": after its answer, the session sends the ring's new events. */
    void follow(RingReader reader) {
        following = reader;
    }

    /** Whether the session follows a ring: {@link #woken()} gives what to send when it is written to. */
    public boolean following() {
        return following != null;
    }

    RingReader reader() {
        return following;
    }

    /** The ring followed has new events: they are sent, then the prompt if the client typed meanwhile. */
    public String woken() {
        if (following == null) {
            return "";
        }
        String out = following.read();
        return interrupted ? out + unfollow() : out;
    }

    /** The idle timeout struck while following: the command ends with its prompt, then the connection. */
    public String expired() {
        String out = following == null ? "" : following.read() + unfollow();
        ended = true;
        return out;
    }

    /** The end of "show events -w": the input is drained, the prompt sent; a non-interactive session is over. */
    private String unfollow() {
        following = null;
        interrupted = false;
        input.setLength(0);
        if (prompt) {
            return "\n> ";
        }
        ended = true;
        return "\n";
    }

    void answerEnded() {
        answerEnded = true;
    }

    /** The end of the next command: the first LF or ';' not escaped by a backslash, or -1. */
    private int delimiter() {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\n' || c == ';') {
                return i;
            }
        }
        return -1;
    }

    /** cli_parse_request(): finds the command and runs it; an unknown one gets the usage text. */
    private String execute(String line, String body) {
        List<String> args = words(line);
        CliKeywords.Entry e = keywords.find(args);
        if (e == null || e.flags().contains("ACCESS_MASTER_ONLY")) {
            return CliUsage.of(keywords, args);
        }
        if (e.flags().contains("ACCESS_EXPERT")) {
            return "This command is restricted to expert mode only.\n";
        }
        if (e.flags().contains("ACCESS_EXPERIMENTAL")) {
            return "This command is restricted to experimental mode only.\n";
        }
        if (e.command() == null) {
            return CliKeywords.NOT_SUPPORTED;
        }
        return e.command().run(new CliRequest(args, body, this));
    }

    /**
     * The words of a command line: split on spaces and tabs, a backslash keeps the next
     * character in the word and is removed ("\\" gives one backslash); a lone "<<" ends the
     * words (the payload follows).
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int p = 0;
        int n = line.length();
        while (p < n) {
            while (p < n && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) {
                p++;
            }
            if (p >= n || line.substring(p).equals(PAYLOAD)) {
                break;
            }
            StringBuilder w = new StringBuilder();
            while (p < n && line.charAt(p) != ' ' && line.charAt(p) != '\t') {
                char c = line.charAt(p++);
                if (c == '\\') {
                    if (p >= n) {
                        break;
                    }
                    c = line.charAt(p++);
                }
                w.append(c);
            }
            p++;
            out.add(w.toString());
        }
        return out;
    }

    public org.jhaproxy.runtime.stream.LiveStream stream() {
        return stream;
    }

    void stream(org.jhaproxy.runtime.stream.LiveStream s) {
        stream = s;
    }

    public Engine engine() {
        return engine;
    }

    /** The stats sockets this session came through (their counts, for "show info"). */
    public StatsSockets sockets() {
        return sockets;
    }

    public CliKeywords keywords() {
        return keywords;
    }

    public CliLevel level() {
        return level;
    }

    /** "operator" / "user": the level can only be lowered. */
    public void level(CliLevel l) {
        this.level = l;
    }

    /** "prompt": toggles the interactive mode. */
    public void togglePrompt() {
        prompt = !prompt;
    }

    /** "quit": close without a prompt. */
    public void quit() {
        ended = true;
    }

    /** Whether the socket has "expose-fd listeners". */
    public boolean exposesListeners() {
        return exposeFd;
    }

    /** The connection's descriptor, -1 when the transport has none to give. */
    public int fd() {
        return fd;
    }

    void fd(int fd) {
        this.fd = fd;
    }

    public boolean ended() {
        return ended;
    }

    /** The idle timeout ("stats timeout", "set timeout cli"). */
    public long timeoutMs() {
        return timeoutMs;
    }

    public void timeoutMs(long ms) {
        this.timeoutMs = ms;
    }
}
