package org.jhaproxy.config.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.ParseContext;

/**
 * apply_server_state() (server_state.c), run just before the servers' addresses are set: the
 * global "server-state-file" and the local files of backends with "load-server-state-from-file
 * local" are opened; a missing or version-less file only warns. The states themselves are not
 * applied by a check.
 */
final class ServerStateFile {
    private ServerStateFile() {
    }

    static void apply(ParseContext ctx) {
        String global = globalArg(ctx, "server-state-file");
        if (global != null) {
            String file = path(ctx, global);
            if (file.length() >= 4096) {
                ctx.diag().warning("config: Can't load global server state file: file too long.");
            } else {
                String why = open(ctx, file);
                if (why != null) {
                    ctx.diag().warning(String.format("config: Can't open global server state file '%s': %s", file, why));
                } else if (!hasVersion(ctx, file)) {
                    ctx.diag().warning(String.format("config: Can't get version of the global server state file '%s'.", file));
                }
            }
        }
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (!px.has(ProxyCapability.BACKEND) || px.disabled() || px.servers().isEmpty()
                    || !"local".equals(px.loadServerStateFromFile())) {
                continue;
            }
            String file = path(ctx, localName(px));
            String why = open(ctx, file);
            if (why != null) {
                ctx.diag().warning(String.format("Proxy '%s': Can't open server state file '%s': %s.", px.name(), file, why));
            } else if (!hasVersion(ctx, file)) {
                ctx.diag().warning(String.format("Proxy '%s': Can't get version of the server state file '%s'.", px.name(), file));
            }
        }
    }

    /**
     * The backend's own "server-state-file-name" (a defaults section's is not inherited), its
     * name without one or with "use-backend-name".
     */
    static String localName(ProxyBuilder px) {
        String name = px.name();
        for (org.jhaproxy.config.source.Line l : px.lines().all()) {
            boolean own = l.file().equals(px.at().file()) && l.lineNo() > px.at().line();
            if (own && l.keyword().equals("server-state-file-name")) {
                name = l.arg(1).isEmpty() || l.arg(1).equals("use-backend-name") ? px.name() : l.arg(1);
            }
        }
        return name;
    }

    /** srv_state_get_filepath(): relative names go under "server-state-base". */
    private static String path(ParseContext ctx, String name) {
        String base = globalArg(ctx, "server-state-base");
        if (name.startsWith("/") || base == null || base.isEmpty()) {
            return name;
        }
        return base + (base.endsWith("/") ? "" : "/") + name;
    }

    /** fopen(file, "r"): null when readable, else strerror(errno). */
    private static String open(ParseContext ctx, String file) {
        Path p = ctx.env().resolve(file);
        if (Files.isDirectory(p)) {
            return null; // fopen() of a directory succeeds; reading it then fails
        }
        if (!Files.exists(p)) {
            return "No such file or directory";
        }
        return Files.isReadable(p) ? null : "Permission denied";
    }

    /** srv_state_get_version(): the first line is the format version, "1". */
    private static boolean hasVersion(ParseContext ctx, String file) {
        try (BufferedReader r = Files.newBufferedReader(ctx.env().resolve(file), StandardCharsets.ISO_8859_1)) {
            String first = r.readLine();
            return first != null && first.trim().equals("1");
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String globalArg(ParseContext ctx, String keyword) {
        GlobalBuilder.Setting s = ctx.config().global().get(keyword);
        if (s == null || s.args().isEmpty()) {
            return null;
        }
        return s.args().get(0);
    }
}
