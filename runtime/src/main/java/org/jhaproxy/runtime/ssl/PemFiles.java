package org.jhaproxy.runtime.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM files haproxy loads (ssl_ckch.c): a certificate file holds the certificate, its
 * chain and usually the private key; a key kept apart is in "&lt;file&gt;.key". Keys come as
 * PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"), as OpenSSL
 * writes them; the last two are rewrapped as PKCS#8, which is what Java reads.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** rsaEncryption and id-ecPublicKey, DER-encoded object identifiers. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemFiles() {
    }

    /** A certificate, its chain and its key. */
    record KeyPair(PrivateKey key, X509Certificate[] chain) {
    }

    /** The certificate file and its key (in it, else in "&lt;file&gt;.key"). */
    static KeyPair keyPair(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        List<X509Certificate> chain = certificates(text);
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("unable to load certificate from file '" + file + "'.");
        }
        PrivateKey key = privateKey(text);
        if (key == null) {
            Path separate = Path.of(file + ".key");
            key = Files.exists(separate) ? privateKey(Files.readString(separate, StandardCharsets.ISO_8859_1)) : null;
        }
        if (key == null) {
            throw new GeneralSecurityException("No Private Key found in '" + file + ".key'.");
        }
        return new KeyPair(key, chain.toArray(new X509Certificate[0]));
    }

    /** Every certificate of a PEM file (a CA file). */
    static X509Certificate[] certificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> all = certificates(Files.readString(file, StandardCharsets.ISO_8859_1));
        if (all.isEmpty()) {
            throw new GeneralSecurityException("unable to load certificates from file '" + file + "'.");
        }
        return all.toArray(new X509Certificate[0]);
    }

    private static List<X509Certificate> certificates(String text) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE") || m.group(1).equals("TRUSTED CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der(m.group(2)))));
            }
        }
        return out;
    }

    private static PrivateKey privateKey(String text) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = der(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der);
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            wrap(RSA_OID, new byte[] {0x05, 0x00}, der)));
                }
                case "EC PRIVATE KEY" -> {
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            wrap(EC_OID, curveOf(der), der)));
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException wrongKind) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("unsupported private key");
    }

    /** PrivateKeyInfo: SEQUENCE { INTEGER 0, SEQUENCE { algorithm, parameters }, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] parameters, byte[] key) {
        byte[] algId = tlv(0x30, concat(algorithm, parameters));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algId, tlv(0x04, key)));
    }

    /** The named curve of a SEC1 ECPrivateKey: the OID inside its [0] parameters. */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        for (int i = 0; i + 2 < sec1.length; i++) {
            if ((sec1[i] & 0xff) == 0xa0 && sec1[i + 2] == 0x06) {
                int len = sec1[i + 3] & 0xff;
                byte[] oid = new byte[len + 2];
                System.arraycopy(sec1, i + 2, oid, 0, oid.length);
                return oid;
            }
        }
        throw new GeneralSecurityException("EC private key without a named curve");
    }

    private static byte[] tlv(int tag, byte[] value) {
        int n = value.length;
        byte[] len = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, len, value);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] der(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    }
}
