package org.jhaproxy.config.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * The files the SSL keywords load while the configuration is read (ssl_sock.c, ssl_ckch.c,
 * ssl_crtlist.c): certificates, CA and CRL files, crt-lists. HAProxy reads them at parse time,
 * so a missing file fails the check; we only look at their presence and rough shape.
 */
final class SslFiles {
    private SslFiles() {
    }

    /** A relative path is taken under "crt-base" / "ca-base" from the global section, when set. */
    static String withBase(ParseContext ctx, String baseKeyword, String path) {
        String base = globalArg(ctx, baseKeyword);
        if (!path.startsWith("/") && base != null) {
            return base + "/" + path;
        }
        return path;
    }

    static String globalArg(ParseContext ctx, String keyword) {
        GlobalBuilder.Setting s = ctx.config().global().get(keyword);
        if (s == null || s.args().isEmpty()) {
            return null;
        }
        int i = s.args().get(0).equals(keyword) ? 1 : 0;
        return i < s.args().size() && !s.args().get(i).isEmpty() ? s.args().get(i) : null;
    }

    /**
     * ssl_sock_load_cert(): a directory is loaded file by file, a file must hold a certificate
     * and a private key (in itself or in "&lt;file&gt;.key"); a missing path may still be a bundle
     * ("&lt;path&gt;.rsa", ".ecdsa", ".dsa"). Null when fine, else HAProxy's message.
     */
    static String loadCertificate(ParseContext ctx, String path) {
        Path p = ctx.env().resolve(path);
        if (Files.isDirectory(p)) {
            return loadDirectory(ctx, path, p);
        }
        if (!Files.exists(p)) {
            for (String ext : new String[] {"rsa", "ecdsa", "dsa"}) {
                if (Files.exists(ctx.env().resolve(path + "." + ext))) {
                    return null;
                }
            }
            return String.format("unable to stat SSL certificate from file '%s' : %s.", path, "No such file or directory");
        }
        return loadFile(ctx, path, p);
    }

    private static String loadFile(ParseContext ctx, String path, Path p) {
        if (!holdsPem(p, "CERTIFICATE")) {
            return String.format("unable to load certificate from file '%s'.", path);
        }
        if (!holdsPrivateKey(p) && !holdsPrivateKey(ctx.env().resolve(path + ".key"))) {
            return String.format("No Private Key found in '%s.key'.", path);
        }
        return null;
    }

    /** crtlist_load_cert_dir(): every file but dotfiles and the companions (.key, .ocsp, .issuer, .sctl). */
    private static String loadDirectory(ParseContext ctx, String path, Path dir) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var s = Files.list(dir)) {
            s.map(x -> x.getFileName().toString()).forEach(names::add);
        } catch (IOException e) {
            return null;
        }
        java.util.Collections.sort(names);
        String prefix = path.endsWith("/") ? path : path + "/";
        for (String n : names) {
            if (n.startsWith(".") || n.endsWith(".key") || n.endsWith(".ocsp") || n.endsWith(".issuer") || n.endsWith(".sctl")) {
                continue;
            }
            Path f = dir.resolve(n);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            String err = loadFile(ctx, prefix + n, f);
            if (err != null) {
                return err;
            }
        }
        return null;
    }

    private static boolean holdsPrivateKey(Path p) {
        // "-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----"...
        return Files.isRegularFile(p) && holdsPemSuffix(p, "PRIVATE KEY-----");
    }

    private static boolean holdsPemSuffix(Path p, String tail) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(tail);
        } catch (IOException e) {
            return false;
        }
    }

    /** ssl_store_load_locations_file(): the "Couldn't open" alert HAProxy prints first, or null. */
    static String loadCaFile(ParseContext ctx, String path) {
        Path p = ctx.env().resolve(path);
        if (path.equals("@system-ca") || Files.isReadable(p)) {
            return null;
        }
        String why = Files.exists(p) ? "Permission denied" : "No such file or directory";
        return String.format("Couldn't open the ca-file '%s' (%s).", path, why);
    }

    /** ssl_sock_load_cert_list_file(): only its presence is checked here. */
    static String loadCrtList(ParseContext ctx, String path) {
        Path p = ctx.env().resolve(path);
        if (Files.isRegularFile(p) && Files.isReadable(p)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            return String.format("cannot open file '%s' : %s", path, "Is a directory");
        }
        return String.format("cannot open file '%s' : %s", path, Files.exists(p) ? "Permission denied" : "No such file or directory");
    }

    private static boolean holdsPem(Path p, String kind) {
        try {
            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            return text.contains("-----BEGIN " + kind) || text.contains("-----BEGIN TRUSTED " + kind)
                    || text.contains("-----BEGIN X509 " + kind);
        } catch (IOException e) {
            return false;
        }
    }
}
