package org.jhaproxy.config;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.cond.CfgConditionEvaluator;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.ConfigReader;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.config.source.ParseContext;

/**
 * Loads a configuration the way HAProxy 2.6 does when it starts (haproxy.c init()): read every
 * file, stop on errors, run the whole-configuration checks, resolve server addresses. The
 * outcome carries the exit status `-c` gives and, when valid, the model.
 */
public final class ConfigLoader {

    /** How loading ended: exitCode 0 valid, 1 errors, 2 valid but no listener. */
    public record Outcome(int exitCode, Config config, ConfigBuilder builder, boolean hasListener) {
        public boolean valid() {
            return exitCode != 1;
        }
    }

    private final Diagnostics diag;
    private final Environment env;
    private final Keywords keywords;
    private final List<PostParseCheck> validityChecks;
    private final List<PostParseCheck> addressChecks;
    private String localPeer;
    private boolean localPeerSet;
    private String pidFile;

    public ConfigLoader(Diagnostics diag, Environment env, Keywords keywords,
                        List<PostParseCheck> validityChecks, List<PostParseCheck> addressChecks) {
        this.diag = diag;
        this.env = env;
        this.keywords = keywords;
        this.validityChecks = validityChecks;
        this.addressChecks = addressChecks;
    }

    /** -L: the local peer name, instead of the host name. */
    public ConfigLoader localPeer(String name) {
        this.localPeer = name;
        this.localPeerSet = name != null;
        return this;
    }

    /**
     * -p: the pidfile, set before the configuration is read as haproxy sets global.pidfile, so
     * that a "pidfile" line is then "already specified".
     */
    public ConfigLoader pidFile(String path) {
        this.pidFile = path;
        return this;
    }

    public static ConfigLoader standard(Diagnostics diag, Environment env) {
        return new ConfigLoader(diag, env, Keywords.standard(), Checks.validity(), Checks.addresses());
    }

    /**
     * "-f DIR" stands for the directory's "*.cfg" regular files, dot files excepted, in byte order
     * (cfgfiles_expand_directories()). Returns null, after the alert, when a path cannot be read.
     */
    public List<String> expandDirectories(List<String> files) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            Path p = env.resolve(f);
            if (!Files.exists(p)) {
                diag.alert("Cannot open configuration file/directory " + f + " : " + openError(f));
                return null;
            }
            if (!Files.isDirectory(p)) {
                out.add(f);
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                s.map(x -> x.getFileName().toString())
                        .filter(n -> !n.startsWith(".") && n.indexOf(".cfg") >= 0 && n.indexOf(".cfg") == n.length() - 4)
                        .sorted()
                        .filter(n -> Files.isRegularFile(p.resolve(n)))
                        .forEach(n -> out.add(f + "/" + n));
            } catch (IOException e) {
                diag.alert("Cannot open configuration directory " + f + " : Permission denied");
                return null;
            }
        }
        return out;
    }

    /**
     * The local peer name: the host name unless -L gave one. HAProxy exports it as
     * HAPROXY_LOCALPEER before reading the files, so "${HAPROXY_LOCALPEER}" works in them.
     */
    public static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            String h = System.getenv("HOSTNAME");
            return h != null ? h : "localhost";
        }
    }

    public Outcome load(List<String> cfgFiles) throws IOException {
        env.set("HAPROXY_LOCALPEER", localPeerSet ? localPeer : hostname());
        ConfigBuilder builder = new ConfigBuilder();
        if (pidFile != null) {
            builder.global().set("pidfile", new org.jhaproxy.config.model.Position("<command line>", 0), List.of(pidFile));
        }
        ParseContext ctx = new ParseContext(diag, builder, env);
        ConfigReader reader = new ConfigReader(Sections.standard(keywords), ctx, new CfgConditionEvaluator(env::get));
        int err = 0;
        List<String> files = expandDirectories(cfgFiles);
        if (files == null) {
            return new Outcome(1, null, builder, false);
        }
        for (String file : files) {
            builder.files().add(file);
            int ret = reader.read(file);
            if (ret == -1) {
                diag.alert(String.format("Could not open configuration file %s : %s", file, openError(file)));
                return new Outcome(1, null, builder, false);
            }
            if ((ret & (ErrCode.ABORT | ErrCode.FATAL)) != 0) {
                diag.alert("Error(s) found in configuration file : " + file);
            }
            err |= ret;
            if ((err & ErrCode.ABORT) != 0) {
                return new Outcome(1, null, builder, false);
            }
        }
        if (ErrCode.isFatal(err)) {
            diag.alert("Fatal errors found in configuration.");
            return new Outcome(1, null, builder, false);
        }
        env.set("HAPROXY_CFGFILES", String.join(";", files));
        for (PostParseCheck c : validityChecks) {
            err |= c.run(ctx);
        }
        if (ErrCode.isFatal(err)) {
            diag.alert("Fatal errors found in configuration.");
            return new Outcome(1, null, builder, false);
        }
        for (PostParseCheck c : addressChecks) {
            err |= c.run(ctx);
        }
        if (ErrCode.isFatal(err)) {
            diag.alert("Failed to initialize server(s) addr.");
            return new Outcome(1, null, builder, false);
        }
        boolean listener = hasListener(builder);
        return new Outcome(listener ? 0 : 2, builder.build(), builder, listener);
    }

    private String openError(String file) {
        File f = env.resolve(file).toFile();
        if (!f.exists()) {
            return "No such file or directory";
        }
        if (f.isDirectory()) {
            return "Is a directory";
        }
        return "Permission denied";
    }

    /** At least one enabled proxy with a bind line (peers and log-forward sections count too). */
    private static boolean hasListener(ConfigBuilder b) {
        for (ProxyBuilder p : b.proxies()) {
            if (!p.disabled() && !p.binds().isEmpty()) {
                return true;
            }
        }
        return b.sectionsHaveListener();
    }
}
