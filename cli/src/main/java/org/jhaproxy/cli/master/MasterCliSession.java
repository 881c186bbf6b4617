package org.jhaproxy.cli.master;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jhaproxy.runtime.cli.CliKeywords;
import org.jhaproxy.runtime.cli.ShowInfo;

/**
 * One master CLI connection (management.txt 9.4.1): a line of ';'-separated commands, each
 * for the master or, behind an "@" prefix, for a worker ("@1" the current one, "@!<pid>" any,
 * "@" or "@master" the master; a prefix alone becomes the target of the next commands). A
 * worker's command goes to its internal stats socket and its answer comes back as it is.
 * Without "prompt" the connection closes after one line, as a worker's socket does.
 */
public final class MasterCliSession {
    private static final List<String> LEVELS = List.of("user", "operator", "admin");
    /** The master-only commands of haproxy's table this session executes (for -dKcli). */
    public static final java.util.Set<String> MASTER_COMMANDS = java.util.Set.of("@<relative pid>", "@!<pid>", "@master",
            "show proc", "reload");

    private final Master master;
    private final SocketChannel channel;
    private String level;
    private boolean prompt;
    /** The worker the commands go to by default, null for the master. */
    private WorkerProcess target;

    MasterCliSession(Master master, SocketChannel channel, String level) {
        this.master = master;
        this.channel = channel;
        this.level = LEVELS.contains(level) ? level : "admin";
    }

    void run() {
        try (channel) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.ISO_8859_1));
            OutputStream out = Channels.newOutputStream(channel);
            for (String line; (line = in.readLine()) != null; ) {
                boolean keep = line(line, out);
                if (!keep) {
                    return;
                }
                if (prompt) {
                    write(out, promptText());
                } else {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private String promptText() {
        if (target != null) {
            return target.pid() + "> ";
        }
        return master.failedReloads > 0 ? "master[ReloadFailed]> " : "master> ";
    }

    /** Runs a line's commands; false when the connection must close. */
    private boolean line(String line, OutputStream out) throws IOException {
        for (String cmd : split(line)) {
            List<String> words = words(cmd);
            WorkerProcess to = target;
            if (!words.isEmpty() && words.get(0).startsWith("@")) {
                String prefix = words.get(0);
                Target t = resolve(prefix);
                if (!t.found()) {
                    write(out, "Can't find the target PID matching the prefix '" + prefix + "'\n");
                    return false;
                }
                words = words.subList(1, words.size());
                if (words.isEmpty()) {
                    target = t.worker();
                    continue;
                }
                to = t.worker();
                cmd = cmd.stripLeading().substring(prefix.length());
            }
            if (to != null) {
                write(out, forward(to, cmd));
                continue;
            }
            String answer = master(words);
            if (answer == null) {
                return false;
            }
            write(out, answer);
        }
        return true;
    }

    /** A master command's answer, "" for a silent one, null when the connection must close. */
    private String master(List<String> words) {
        String joined = String.join(" ", words);
        switch (joined) {
            case "prompt" -> {
                prompt = !prompt;
                return "";
            }
            case "quit" -> {
                return null;
            }
            case "show proc" -> {
                return ShowProc.of(master) + "\n";
            }
            case "show version" -> {
                return ShowInfo.VERSION + "\n\n";
            }
            case "show cli level" -> {
                return level + "\n\n";
            }
            case "show cli sockets" -> {
                return "\n";
            }
            case "operator", "user" -> {
                if (LEVELS.indexOf(joined) < LEVELS.indexOf(level)) {
                    level = joined;
                }
                return "";
            }
            case "reload" -> {
                if (level.equals("user")) {
                    return "Permission denied\n\n";
                }
                // the new master of haproxy's re-exec has no session: the connection closes
                master.askReload();
                return null;
            }
            default -> {
                boolean help = !words.isEmpty() && words.get(0).equals("help");
                return CliKeywords.masterUsage(words, help && level.equals("user")) + "\n";
            }
        }
    }

    private record Target(boolean found, WorkerProcess worker) {
    }

    /** pcli_prefix_to_pid(): "@", "@master", "@0" the master, "@1" the current worker, "@!pid" any. */
    private Target resolve(String prefix) {
        String p = prefix.substring(1);
        if (p.isEmpty() || p.equals("master")) {
            return new Target(true, null);
        }
        if (p.startsWith("!")) {
            long pid = atoi(p.substring(1));
            for (WorkerProcess w : master.workers) {
                if (w.pid() == pid) {
                    return new Target(true, w);
                }
            }
            return new Target(false, null);
        }
        long n = atoi(p);
        if (n == 0) {
            return new Target(true, null);
        }
        WorkerProcess current = master.current();
        return n == 1 && current != null ? new Target(true, current) : new Target(false, null);
    }

    /** The worker's answer to one command on its internal stats socket, at this session's level. */
    private String forward(WorkerProcess w, String cmd) {
        String lowered = level.equals("admin") ? "" : level + "; ";
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(w.socket));
            ch.write(ByteBuffer.wrap((lowered + cmd.strip() + "\n").getBytes(StandardCharsets.ISO_8859_1)));
            return new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The commands of a line: split on ';' not preceded by a backslash. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                cur.append(';');
                i++;
            } else if (c == ';') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static List<String> words(String cmd) {
        String s = cmd.strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("[ \t]+"));
    }

    private static long atoi(String s) {
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return 0;
        }
        long v = Long.parseLong(s.substring(start, i));
        return s.charAt(0) == '-' ? -v : v;
    }

    private static void write(OutputStream out, String text) throws IOException {
        if (!text.isEmpty()) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
