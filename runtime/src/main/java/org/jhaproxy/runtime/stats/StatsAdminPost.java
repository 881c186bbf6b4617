package org.jhaproxy.runtime.stats;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.AdminChange;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.StateChange;
import org.jhaproxy.runtime.server.StatusCause;
import org.jhaproxy.runtime.stream.LiveStream;
import org.jhaproxy.runtime.stream.Streams;

/**
 * A POST to the stats page by a client "stats admin" allows (haproxy's stats_process_http_post()):
 * the form "s=srv&...&action=maint&b=backend" is read whole, each named server of the backend
 * gets the action, and the answer is a 303 back to the page with the outcome in ";st=": DONE
 * (every server changed), PART, ERRP (none, or a bad parameter), NONE (no server named), DENY
 * (a POST without the admin level), EXCD (a form larger than a buffer can hold).
 */
public final class StatsAdminPost {
    /** What a buffer holds of a request's data beside its headers (bufsize - maxrewrite). */
    private static final int MAX_FORM = 16384 - 1024;
    private static final StatusCause FROM_WEB = new StatusCause(null, -1, "changed from Web interface", -1);

    /** The process-wide things an action needs: its messages, the warm-up timer, the live streams. */
    public record Scope(Proxies proxies, Events events, ScheduledExecutorService warmupLoop, Streams streams) {
    }

    private final Scope scope;
    private final String uri;
    private final String flags;
    private final String connection;
    private final ByteArrayOutputStream form = new ByteArrayOutputStream();
    private boolean exceeded;

    /**
     * The redirect goes to {@code uri} + ";st=" + the outcome + {@code flags} (";up;norefresh?scope=x");
     * a null {@code scope} is a client without the admin level, answered DENY.
     */
    StatsAdminPost(Scope scope, String uri, String flags, String connection) {
        this.scope = scope;
        this.uri = uri;
        this.flags = flags;
        this.connection = connection;
    }

    /** A part of the form as it arrives; the caller still owns {@code data}. */
    public void add(ByteBuf data) {
        if (scope == null || exceeded || form.size() + data.readableBytes() > MAX_FORM) {
            exceeded = true;
            return;
        }
        byte[] b = new byte[data.readableBytes()];
        data.getBytes(data.readerIndex(), b);
        form.writeBytes(b);
    }

    /** The whole form was read: the actions are applied and the 303 is the answer. */
    public Reply finish() {
        if (scope == null) {
            return redirect(uri, "DENY", flags, connection);
        }
        return redirect(uri, exceeded ? "EXCD" : apply(form.toString(StandardCharsets.ISO_8859_1)), flags, connection);
    }

    /**
     * haproxy's 303 (stats_send_http_redirect()), with the H1 mux's {@code connection} header
     * if any (see {@link StatsApplet#connection}); an empty body, so the connection may stay.
     */
    static Reply redirect(String uri, String status, String flags, String connection) {
        return Reply.local("HTTP/1.1 303 See Other\r\ncache-control: no-cache\r\ncontent-type: text/plain\r\n"
                + "content-length: 0\r\nlocation: " + uri + ";st=" + status + flags + "\r\n"
                + (connection == null ? "" : "connection: " + connection + "\r\n") + "\r\n", "close".equals(connection));
    }

    /**
     * The parameters are read from the last one back (the form puts the backend and the action
     * last); the servers named before both were known are applied once they are.
     */
    private String apply(String body) {
        String[] params = body.isEmpty() ? new String[0] : body.split("&", -1);
        Proxy px = null;
        String action = null;
        List<String> pending = new ArrayList<>();
        int total = 0;
        int altered = 0;
        for (int i = params.length - 1; i >= 0; i--) {
            String p = params[i];
            int eq = p.indexOf('=');
            String key;
            String value;
            try {
                key = decode(eq < 0 ? p : p.substring(0, eq));
                value = eq < 0 ? "" : decode(p.substring(eq + 1));
            } catch (IllegalArgumentException bad) {
                break;
            }
            if (px == null && key.equals("b")) {
                px = backend(value);
                if (px == null) {
                    return "ERRP";
                }
            } else if (action == null && key.equals("action")) {
                if (!ACTIONS.contains(value)) {
                    return "ERRP";
                }
                action = value;
            } else if (key.equals("s")) {
                pending.add(value);
            }
            if (px != null && action != null) {
                for (String name : pending) {
                    Server s = server(px, name);
                    int r = s == null ? 1 : act(s, action);
                    total += r > 0 ? 1 : 0;
                    altered += r == 2 ? 1 : 0;
                }
                pending.clear();
            }
        }
        if (total == 0) {
            return "NONE";
        }
        return altered == 0 ? "ERRP" : altered == total ? "DONE" : "PART";
    }

    private static final List<String> ACTIONS = List.of("ready", "drain", "maint", "shutdown", "dhlth", "ehlth",
            "hrunn", "hnolb", "hdown", "dagent", "eagent", "arunn", "adown", "disable", "enable", "stop", "start");

    /** 2 when the server was changed, 1 when it counts without being changed, 0 when it does not count. */
    private int act(Server s, String action) {
        Events ev = scope.events();
        switch (action) {
            case "ready" -> AdminChange.ready(s, ev, scope.warmupLoop());
            case "drain" -> AdminChange.drain(s, ev, scope.warmupLoop());
            case "maint" -> AdminChange.maint(s, ev);
            case "disable" -> {
                if (s.inMaintenance()) {
                    return 0;
                }
                AdminChange.maint(s, ev);
            }
            case "enable" -> {
                if (!s.inMaintenance()) {
                    return 0;
                }
                AdminChange.ready(s, ev, scope.warmupLoop());
            }
            case "shutdown" -> {
                if (s.backend().config().disabled()) {
                    return 0;
                }
                scope.streams().on(s).forEach(LiveStream::kill);
            }
            case "hrunn" -> {
                s.check().forcedUp();
                StateChange.running(s, FROM_WEB, ev, scope.warmupLoop());
            }
            case "hnolb" -> {
                s.check().forcedUp();
                StateChange.stopping(s, FROM_WEB, ev);
            }
            case "hdown" -> {
                s.check().forcedDown();
                StateChange.stopped(s, FROM_WEB, ev);
            }
            case "dagent", "eagent" -> {
                if (!s.agent().configured()) {
                    return 0;
                }
                s.agent().enabled(action.equals("eagent"));
            }
            case "dhlth", "ehlth" -> {
                if (!s.check().configured()) {
                    return 0;
                }
                s.check().enabled(action.equals("ehlth"));
            }
            case "arunn" -> {
                if (!s.agent().enabled()) {
                    return 0;
                }
                s.agent().forcedUp();
                StateChange.running(s, FROM_WEB, ev, scope.warmupLoop());
            }
            case "adown" -> {
                if (!s.agent().enabled()) {
                    return 0;
                }
                s.agent().forcedDown();
                StateChange.stopped(s, FROM_WEB, ev);
            }
            default -> {
                // "stop"/"start" (drain by the old form): not offered by 2.6's page
                return 1;
            }
        }
        return 2;
    }

    private Proxy backend(String name) {
        Proxy found = null;
        for (Proxy p : scope.proxies().all()) {
            if (p.config().isBackend() && p.name().equals(name)) {
                if (found != null) {
                    return null;
                }
                found = p;
            }
        }
        return found;
    }

    private static Server server(Proxy px, String name) {
        for (Server s : px.servers()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** url_decode() of a form field: "+" is a space. */
    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.ISO_8859_1);
    }
}
