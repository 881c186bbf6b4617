package org.jhaproxy.cli.master;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The master CLI (management.txt 9.4), bound from "-S <bind>[,option,value...]": a UNIX
 * socket path (or "unix@path") or a TCP "[ipv4@]host:port", with the bind options "mode"
 * (octal) and "level" (user, operator, admin: the default). One thread per connection: the
 * master serves a handful of operators, not traffic.
 */
final class MasterCli {
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();

    private MasterCli() {
    }

    static MasterCli start(Master master, List<String> specs) throws IOException {
        MasterCli cli = new MasterCli();
        try {
            for (String spec : specs) {
                cli.bind(master, spec);
            }
        } catch (IOException e) {
            cli.close();
            throw e;
        }
        return cli;
    }

    private void bind(Master master, String spec) throws IOException {
        String[] words = spec.split(",");
        String address = words[0];
        String level = "admin";
        String mode = null;
        for (int i = 1; i + 1 < words.length; i += 2) {
            switch (words[i]) {
                case "level" -> level = words[i + 1];
                case "mode" -> mode = words[i + 1];
                default -> {
                    // uid/gid/user/group and the other bind options: the socket keeps the master's
                }
            }
        }
        ServerSocketChannel ch;
        String bare = address.startsWith("unix@") ? address.substring(5) : address;
        int colon = bare.lastIndexOf(':');
        if (bare.startsWith("/") || bare.startsWith(".") || colon < 0) {
            Path p = Path.of(bare);
            Files.deleteIfExists(p);
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.bind(UnixDomainSocketAddress.of(p));
            } catch (IOException e) {
                ch.close();
                throw new IOException("Starting proxy MASTER: cannot bind socket (" + e.getMessage() + ") [" + bare + "]");
            }
            paths.add(p);
            if (mode != null) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions(Integer.parseInt(mode, 8))));
            }
        } else {
            String host = bare.startsWith("ipv4@") || bare.startsWith("ipv6@") ? bare.substring(5, colon) : bare.substring(0, colon);
            int port = Integer.parseInt(bare.substring(colon + 1));
            ch = ServerSocketChannel.open();
            try {
                ch.bind(new InetSocketAddress(host.isEmpty() || host.equals("*") ? "0.0.0.0" : host, port));
            } catch (IOException e) {
                ch.close();
                throw new IOException("Starting proxy MASTER: cannot bind socket [" + bare + "]");
            }
        }
        channels.add(ch);
        String startLevel = level;
        Thread t = new Thread(() -> accept(master, ch, startLevel), "master-cli");
        t.setDaemon(true);
        t.start();
    }

    private static String permissions(int mode) {
        StringBuilder sb = new StringBuilder();
        String rwx = "rwx";
        for (int bit = 8; bit >= 0; bit--) {
            sb.append((mode & (1 << bit)) != 0 ? rwx.charAt(2 - bit % 3) : '-');
        }
        return sb.toString();
    }

    private static void accept(Master master, ServerSocketChannel ch, String level) {
        while (ch.isOpen()) {
            try {
                SocketChannel c = ch.accept();
                Thread t = new Thread(() -> new MasterCliSession(master, c, level).run(), "master-cli-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    void close() {
        for (ServerSocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a socket file left behind is replaced at the next start
            }
        }
    }
}
