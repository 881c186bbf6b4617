package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made with the openssl command at test time: a CA, server certificates for
 * a.example and b.example (each with its "www." name too), a client certificate, as the PEM
 * files haproxy loads (certificate and key in one file) and the Java contexts tests use.
 */
final class TestPki {
    final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    static TestPki create() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pki");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "30", "-subj", "/CN=Test CA");
        for (String n : List.of("a", "b")) {
            Files.writeString(dir.resolve(n + ".ext"), "subjectAltName=DNS:" + n + ".example,DNS:www." + n + ".example\n");
            issue(dir, n, "/C=FR/O=Test/CN=" + n + ".example", n + ".ext");
        }
        issue(dir, "client", "/C=FR/O=Test/CN=client", null);
        return new TestPki(dir);
    }

    private static void issue(Path dir, String name, String subject, String ext) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        List<String> sign = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey",
                "ca.key", "-CAcreateserial", "-out", name + ".crt", "-days", "30"));
        if (ext != null) {
            sign.addAll(List.of("-extfile", ext));
        }
        run(dir, sign.toArray(new String[0]));
        Files.writeString(dir.resolve(name + ".pem"), Files.readString(dir.resolve(name + ".crt")) + Files.readString(dir.resolve(name + ".key")));
        run(dir, "openssl", "pkcs12", "-export", "-in", name + ".crt", "-inkey", name + ".key", "-out", name + ".p12",
                "-passout", "pass:test");
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + new String(out));
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** A context trusting the test CA, presenting {@code keyName}'s certificate when not null. */
    SSLContext context(String keyName) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(file("ca.pem"))) {
            trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (keyName != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file(keyName + ".p12"))) {
                ks.load(in, "test".toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "test".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    void delete() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
