package org.jhaproxy.runtime.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * The server-state files read at start (apply_server_state(), configuration.txt "server-state-
 * file", "load-server-state-from-file"): what "show servers state" printed before a reload is
 * applied to the servers of the same names. A backend loads the global file ("global"), its own
 * file named by "server-state-file-name" or after it ("local"), or nothing ("none", the
 * default); relative names are under "server-state-base". A file that cannot be opened or has no
 * version was already reported while the configuration was checked, and applies nothing.
 */
public final class ServerStateFile {
    /** The keywords it executes. */
    public static final Set<String> EXECUTED = Set.of("global server-state-file", "global server-state-base",
            "proxy load-server-state-from-file", "proxy server-state-file-name");
    /** SRV_STATE_LINE_MAXLEN: fgets() reads a longer line in pieces, the first one without its newline. */
    private static final int LINE_MAX = 2000;

    private ServerStateFile() {
    }

    /**
     * Applies the files to the servers of {@code proxies} (numbered by {@code uuid}), reporting
     * on {@code events}, which should be the start's ({@link Events#starting()}).
     */
    public static void apply(Config config, List<Proxy> proxies, java.util.function.ToIntFunction<Proxy> uuid,
            Events events) {
        String base = arg(config.globalLine("server-state-base"));
        String global = arg(config.globalLine("server-state-file"));
        Map<String, ServerStateLine> globalLines = null;
        if (global != null) {
            String file = path(base, global);
            List<String> text = read(file);
            if (text != null) {
                globalLines = new LinkedHashMap<>();
                for (int n = 1; n < text.size(); n++) {
                    String l = text.get(n);
                    ServerStateLine.Kind k = kind(l);
                    if (k == ServerStateLine.Kind.CORRUPTED) {
                        events.warning(String.format("config: corrupted global server state file '%s' at line %d.", file, n));
                        globalLines = null;
                        break;
                    }
                    if (k == ServerStateLine.Kind.SERVER) {
                        ServerStateLine st = ServerStateLine.of(strip(l));
                        globalLines.putIfAbsent(st.backendName() + " " + st.serverName(), st);
                    }
                }
            }
        }
        for (Proxy p : proxies) {
            if (!p.config().isBackend() || p.config().disabled() || p.servers().isEmpty()) {
                continue;
            }
            Line mode = p.config().last("load-server-state-from-file");
            String how = mode == null ? "none" : mode.arg(1);
            if (how.equals("global")) {
                if (globalLines != null) {
                    update(p, globalLines, events);
                }
            } else if (how.equals("local")) {
                local(p, uuid.applyAsInt(p), path(base, localName(p)), events);
            }
        }
    }

    /** A backend's own file: lines of other backends are skipped, an id or name mismatch is reported. */
    private static void local(Proxy p, int uuid, String file, Events events) {
        List<String> text = read(file);
        if (text == null) {
            return;
        }
        Map<String, ServerStateLine> lines = new LinkedHashMap<>();
        for (int n = 1; n < text.size(); n++) {
            String l = text.get(n);
            ServerStateLine.Kind k = kind(l);
            if (k == ServerStateLine.Kind.CORRUPTED) {
                events.warning(String.format("Proxy '%s': corrupted server state file '%s' at line %d.", p.name(), file, n));
                return;
            }
            if (k != ServerStateLine.Kind.SERVER) {
                continue;
            }
            ServerStateLine st = ServerStateLine.of(strip(l));
            boolean sameId = ServerStateLine.atoi(st.backendId()) == uuid;
            boolean sameName = st.backendName().equals(p.name());
            if (!sameId && !sameName) {
                continue;
            }
            if (!sameId) {
                mismatch(p, String.format("backend ID mismatch: from server state file: '%s', from running config '%d'",
                        st.backendId(), uuid), events);
            } else if (!sameName) {
                mismatch(p, String.format("backend name mismatch: from server state file: '%s', from running config '%s'",
                        st.backendName(), p.name()), events);
                if (!st.backendIdForced()) {
                    continue;
                }
            }
            lines.putIfAbsent(p.name() + " " + st.serverName(), st);
        }
        update(p, lines, events);
        for (ServerStateLine left : lines.values()) {
            mismatch(p, String.format("can't find server '%s' in backend '%s'", left.serverName(), p.name()), events);
        }
    }

    /** Each server of the backend with a line takes its state; the lines used are removed. */
    private static void update(Proxy p, Map<String, ServerStateLine> lines, Events events) {
        for (Server s : p.servers()) {
            ServerStateLine st = lines.remove(p.name() + " " + s.name());
            if (st != null) {
                ServerStateUpdate.apply(s, st, events);
                initAddrLast(s, ServerStateUpdate.lastAddr(st));
            }
        }
    }

    /**
     * srv_iterate_initaddr()'s "last" (first of the default "last,libc"): a server given by name
     * takes the address saved for it, unless a method before "last" already gave it one.
     */
    private static void initAddrLast(Server s, String saved) {
        var a = s.config().address();
        if (saved == null || a == null || a.fqdn() == null) {
            return;
        }
        String methods = s.config().option("init-addr", "last,libc");
        for (String m : methods.split(",")) {
            if (m.equals("last")) {
                java.net.InetAddress ip = AddressUpdate.literal(saved);
                if (ip != null) {
                    s.takeAddress(ip);
                    return;
                }
            } else if (!m.equals("libc") || s.ip() != null) {
                return;
            }
        }
    }

    private static void mismatch(Proxy p, String what, Events events) {
        events.warning("Proxy '" + p.name() + "': " + what);
        events.log(p, LogLevel.NOTICE, what);
    }

    private static ServerStateLine.Kind kind(String line) {
        return ServerStateLine.kind(strip(line), line.endsWith("\n") && line.length() < LINE_MAX);
    }

    private static String strip(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * The file's lines, each with its newline, after its version line; null when it cannot be
     * read or its first line is not "1" (reported while checking the configuration).
     */
    private static List<String> read(String file) {
        String all;
        try {
            all = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        while (start < all.length()) {
            int nl = all.indexOf('\n', start);
            int end = nl < 0 ? all.length() : nl + 1;
            lines.add(all.substring(start, end));
            start = end;
        }
        if (lines.isEmpty() || !lines.get(0).endsWith("\n")) {
            return null;
        }
        String v = lines.get(0).substring(0, lines.get(0).length() - 1);
        Long version = ServerStateLine.strtol(v);
        // strtol() then the newline right after the digits
        if (version == null || version != 1 || !v.stripLeading().matches("[+-]?[0-9]+")) {
            return null;
        }
        return lines;
    }

    /** The backend's own "server-state-file-name" (not a defaults section's), else its name. */
    static String localName(Proxy p) {
        String name = p.name();
        for (Line l : p.config().lines()) {
            boolean own = l.file().equals(p.config().at().file()) && l.lineNo() > p.config().at().line();
            if (own && l.keyword().equals("server-state-file-name")) {
                name = l.arg(1).isEmpty() || l.arg(1).equals("use-backend-name") ? p.name() : l.arg(1);
            }
        }
        return name;
    }

    /** srv_state_get_filepath(): a relative name is under "server-state-base". */
    private static String path(String base, String name) {
        if (name.startsWith("/") || base == null) {
            return name;
        }
        return base + (base.endsWith("/") ? "" : "/") + name;
    }

    private static String arg(Line l) {
        return l == null || l.args().size() < 2 ? null : l.arg(1);
    }
}
