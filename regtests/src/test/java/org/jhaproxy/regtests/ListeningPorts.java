package org.jhaproxy.regtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which local TCP ports are listening, read from Linux's /proc/net/tcp{,6} so that waiting for a
 * program to listen opens no connection to it. Elsewhere, falls back to a probe connection.
 */
final class ListeningPorts {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    static boolean all(List<Integer> ports) throws IOException {
        if (!Files.isReadable(TABLES.get(0))) {
            for (int port : ports) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                } catch (IOException e) {
                    return false;
                }
            }
            return true;
        }
        Set<Integer> listening = new HashSet<>();
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ...: local_address is HEXIP:HEXPORT
                if (f.length > 3 && f[3].equals(LISTEN) && f[1].contains(":")) {
                    listening.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return listening.containsAll(ports);
    }
}
