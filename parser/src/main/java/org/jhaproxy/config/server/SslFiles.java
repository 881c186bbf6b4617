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
     * ssl_sock_load_cert(): a directory is loaded file by file, a file must hold a certificate;
     * null when fine, else HAProxy's message.
     */
    static String loadCertificate(ParseContext ctx, String path) {
        Path p = ctx.env().resolve(path);
        if (Files.isDirectory(p)) {
            return null;
        }
        if (!Files.exists(p)) {
            return String.format("unable to stat SSL certificate from file '%s' : %s.", path, "No such file or directory");
        }
        if (!holdsPem(p, "CERTIFICATE")) {
            return String.format("unable to load certificate from file '%s'.", path);
        }
        return null;
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
