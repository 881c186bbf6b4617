package org.jhaproxy.runtime.proxyprotocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.runtime.ssl.ClientTls;

/**
 * A server's "proxy-v2-options" (manual 5.2), and "send-proxy-v2-ssl[-cn]" which imply some:
 * the TLVs a PROXY protocol version 2 header carries after the addresses, in haproxy's order
 * (make_proxy_line_v2()): CRC32C, ALPN (always, when the client negotiated one), AUTHORITY (the
 * client's SNI), UNIQUE_ID (the stream's unique-id-format, even empty), then SSL with its
 * client flags, verify result and sub-TLVs: version, client certificate CN ("cert-cn"), key
 * algorithm ("cert-key") and signature algorithm ("cert-sig") of the certificate the frontend
 * presented, cipher ("ssl-cipher"). On a connection without TLS the SSL TLV is empty (flags 0).
 */
public record ProxyV2Options(boolean ssl, boolean certCn, boolean certKey, boolean certSig, boolean cipher,
                             boolean authority, boolean crc32c, boolean uniqueId) {
    static final ProxyV2Options NONE = new ProxyV2Options(false, false, false, false, false, false, false, false);

    private static final int TYPE_ALPN = 0x01;
    private static final int TYPE_AUTHORITY = 0x02;
    static final int TYPE_CRC32C = 0x03;
    private static final int TYPE_UNIQUE_ID = 0x05;
    private static final int TYPE_SSL = 0x20;
    private static final int SUBTYPE_VERSION = 0x21;
    private static final int SUBTYPE_CN = 0x22;
    private static final int SUBTYPE_CIPHER = 0x23;
    private static final int SUBTYPE_SIG_ALG = 0x24;
    private static final int SUBTYPE_KEY_ALG = 0x25;
    private static final int CLIENT_SSL = 0x01;
    private static final int CLIENT_CERT_CONN = 0x02;
    private static final int CLIENT_CERT_SESS = 0x04;

    /** The server's options (srv_parse_proxy_v2_options(): each certificate option implies "ssl"). */
    public static ProxyV2Options of(ServerConfig s) {
        boolean sslCn = s.has("send-proxy-v2-ssl-cn");
        boolean ssl = sslCn || s.has("send-proxy-v2-ssl");
        String text = s.option("proxy-v2-options", "");
        boolean cn = sslCn;
        boolean key = false;
        boolean sig = false;
        boolean cipher = false;
        boolean authority = false;
        boolean crc = false;
        boolean unique = false;
        for (String o : text.split(",")) {
            switch (o) {
                case "ssl" -> ssl = true;
                case "cert-cn" -> cn = ssl = true;
                case "cert-key" -> key = ssl = true;
                case "cert-sig" -> sig = ssl = true;
                case "ssl-cipher" -> cipher = ssl = true;
                case "authority" -> authority = true;
                case "crc32c" -> crc = true;
                case "unique-id" -> unique = true;
                default -> {
                }
            }
        }
        return new ProxyV2Options(ssl, cn, key, sig, cipher, authority, crc, unique);
    }

    /** Whether any option is set: alone, without "send-proxy-v2", they make the server send a version 1 header. */
    boolean any() {
        return ssl || authority || crc32c || uniqueId;
    }

    /**
     * The TLVs but the CRC32C one, ISO-8859-1 text (comparable, for connection reuse).
     * {@code tls} is the client connection's TLS (null: plain, or a check); {@code uniqueId}
     * the stream's id (null: no stream, no UNIQUE_ID TLV; "" without unique-id-format).
     */
    String tlvs(ClientTls tls, String uniqueId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tls != null && tls.alpn() != null && !tls.alpn().isEmpty()) {
            tlv(out, TYPE_ALPN, bytes(tls.alpn()));
        }
        if (authority && tls != null && tls.sni() != null) {
            tlv(out, TYPE_AUTHORITY, bytes(tls.sni()));
        }
        if (this.uniqueId && uniqueId != null) {
            tlv(out, TYPE_UNIQUE_ID, bytes(uniqueId));
        }
        if (ssl) {
            tlv(out, TYPE_SSL, ssl(tls));
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] ssl(ClientTls tls) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        int client = 0;
        if (tls != null) {
            client |= CLIENT_SSL;
            if (tls.clientCert() != null) {
                // a full handshake with a certificate: used in this connection and in its session
                client |= CLIENT_CERT_CONN | CLIENT_CERT_SESS;
            }
        }
        v.write(client);
        // the verify result: X509_V_OK (0), the only one a connection that got here can have
        v.writeBytes(new byte[4]);
        if (tls != null) {
            if (tls.protocol() != null) {
                tlv(v, SUBTYPE_VERSION, bytes(tls.protocol()));
            }
            String cn = certCn && tls.clientCert() != null ? CertificateNames.commonName(tls.clientCert()) : null;
            if (cn != null) {
                tlv(v, SUBTYPE_CN, cn.getBytes(StandardCharsets.UTF_8));
            }
            java.security.cert.X509Certificate local = certKey || certSig ? CertificateNames.local(tls) : null;
            String keyName = certKey && local != null ? CertificateNames.keyAlgorithm(local) : null;
            if (keyName != null) {
                tlv(v, SUBTYPE_KEY_ALG, bytes(keyName));
            }
            if (certSig && local != null) {
                String sigName = CertificateNames.signatureAlgorithm(local);
                if (sigName != null) {
                    tlv(v, SUBTYPE_SIG_ALG, bytes(sigName));
                }
            }
            if (cipher && tls.cipher() != null) {
                tlv(v, SUBTYPE_CIPHER, bytes(tls.cipher()));
            }
        }
        return v.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static void tlv(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(value.length >> 8);
        out.write(value.length & 0xff);
        out.writeBytes(value);
    }
}
