package org.jhaproxy.config.section;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * The global part of apply_server_state() (server_state.c), run between
 * check_config_validity() and the server address resolution: the global "server-state-file"
 * (relative to "server-state-base" unless absolute) must be readable, else a warning.
 */
public final class ServerStateFile {
    private static final int MAXPATHLEN = 4096;

    private ServerStateFile() {
    }

    public static int apply(ParseContext ctx) {
        GlobalBuilder g = ctx.config().global();
        GlobalBuilder.Setting file = g.get("server-state-file");
        if (file == null) {
            return ErrCode.NONE;
        }
        String name = file.args().get(0);
        GlobalBuilder.Setting base = g.get("server-state-base");
        String path = name;
        if (!name.startsWith("/") && base != null) {
            String b = base.args().get(0);
            path = b + (b.endsWith("/") ? "" : "/") + name;
        }
        if (path.length() >= MAXPATHLEN) {
            ctx.diag().warning("config: Can't load global server state file: file too long.");
            return ErrCode.WARN;
        }
        Path p = ctx.env().resolve(path);
        String why = null;
        if (!Files.exists(p)) {
            why = "No such file or directory";
        } else if (!Files.isReadable(p)) {
            why = "Permission denied";
        }
        if (why != null) {
            ctx.diag().warning(String.format("config: Can't open global server state file '%s': %s", path, why));
            return ErrCode.WARN;
        }
        return ErrCode.NONE;
    }
}
