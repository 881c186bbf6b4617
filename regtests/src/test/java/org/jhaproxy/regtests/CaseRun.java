package org.jhaproxy.regtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one runtime case through one program (bin/jhaproxy or haproxy): scripted servers on
 * loopback ephemeral ports, the configuration written with the ports filled in, the program
 * started with `-f haproxy.cfg -db`, the clients played once its frontends listen, then the
 * program stopped (SIGTERM). The result is the transcript: what each client connection and each
 * server connection received, with the ports put back as their ${NAME} placeholders.
 */
final class CaseRun {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)\\}");
    private static final long START_DEADLINE_MS = 20_000;

    private CaseRun() {
    }

    static String transcript(RuntimeCase c, Path program) throws Exception {
        return transcript(c, program, 0);
    }

    /**
     * The transcript, its log section read once {@code expectedLogLines} lines came (the golden's
     * count, 0 when unknown) and the log then stayed quiet, or at the log's deadline.
     */
    static String transcript(RuntimeCase c, Path program, int expectedLogLines) throws Exception {
        Path tmp = Files.createTempDirectory("runtime-case");
        List<ScriptedServer> servers = new ArrayList<>();
        Process process = null;
        Path output = tmp.resolve("program.out");
        CaseLogs logs = new CaseLogs();
        try {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("LOG", Integer.toString(logs.port()));
            for (RuntimeCase.Script s : c.servers()) {
                ScriptedServer server = new ScriptedServer(s);
                servers.add(server);
                values.put(s.name().toUpperCase(), Integer.toString(server.port()));
            }
            String config = fill(c.withConfig(CaseLogs.inject(c.config())), values, tmp);
            Files.writeString(tmp.resolve("haproxy.cfg"), config, StandardCharsets.UTF_8);
            servers.forEach(ScriptedServer::start);

            process = start(program, tmp, output);
            List<Integer> frontends = new ArrayList<>();
            values.forEach((k, v) -> {
                if (k.matches("FE\\d*")) {
                    frontends.add(Integer.parseInt(v));
                }
            });
            StringBuilder transcript = new StringBuilder();
            if (!awaitListening(process, frontends)) {
                transcript.append("program did not listen on the frontend ports:\n")
                        .append(Files.readString(output, StandardCharsets.ISO_8859_1));
            } else {
                for (RuntimeCase.Script client : c.clients()) {
                    String port = values.get(client.target());
                    if (port == null) {
                        throw new IllegalArgumentException(c.name() + ": client " + client.name() + " connects to ${" + client.target() + "}, which the config does not use");
                    }
                    play(client, Integer.parseInt(port), transcript);
                }
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ScriptedConnection.READ_DEADLINE_MS);
                for (ScriptedServer s : servers) {
                    s.awaitIdle(deadline);
                }
                logs.awaitQuiet(expectedLogLines);
            }
            stop(process);
            for (ScriptedServer s : servers) {
                transcript.append(s.finish());
            }
            transcript.append(logs.section());
            String programOutput = Files.readString(output, StandardCharsets.ISO_8859_1);
            if (programOutput.contains("LEAK:")) {
                transcript.append("program reported a Netty leak:\n").append(programOutput);
            }
            return normalise(transcript.toString(), values);
        } finally {
            logs.close();
            if (process != null) {
                process.destroyForcibly();
            }
            for (ScriptedServer s : servers) {
                s.close();
            }
            CorpusIT.deleteTree(tmp);
        }
    }

    /** The configuration with its ${NAME} placeholders filled: server ports, frontend ports, ${TMP}, ${FILES}. */
    static String fill(RuntimeCase c, Map<String, String> values, Path tmp) throws IOException {
        Matcher m = PLACEHOLDER.matcher(c.config());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                if (name.matches("FE\\d*") || name.equals("CLOSED")) {
                    value = Integer.toString(LoopbackPorts.free());
                } else if (name.equals("TMP")) {
                    value = tmp.toString();
                } else if (name.equals("FILES")) {
                    value = Path.of("src/test/resources/runtime/files").toAbsolutePath().toString();
                } else {
                    throw new IllegalArgumentException(c.name() + ": no value for ${" + name + "} (servers are ${S1}.., frontends ${FE}, ${FE2}..)");
                }
                values.put(name, value);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Process start(Path program, Path dir, Path output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(program.toString(), "-f", "haproxy.cfg", "-db").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        ProgramRun.userEnvironment(pb).put("JHAPROXY_JAVA_OPTS", "-Dio.netty.leakDetection.level=paranoid");
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /**
     * Polls until every frontend port is in the LISTEN state, without connecting (a probe
     * connection would be a real connection to the proxy, forwarded in TCP mode).
     */
    private static boolean awaitListening(Process p, List<Integer> ports) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            if (ListeningPorts.all(ports)) {
                return true;
            }
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private static void play(RuntimeCase.Script client, int port, StringBuilder transcript) throws IOException {
        List<Socket> open = new ArrayList<>();
        try {
            for (int round = 1; round <= client.repeat(); round++) {
                for (List<RuntimeCase.Step> steps : client.connections()) {
                    transcript.append("client ").append(client.name());
                    if (client.repeat() > 1) {
                        transcript.append(" #").append(round);
                    }
                    transcript.append('\n');
                    Socket s = new Socket();
                    open.add(s);
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) ScriptedConnection.READ_DEADLINE_MS);
                    } catch (IOException e) {
                        transcript.append("  <connect failed>\n");
                        continue;
                    }
                    ScriptedConnection.play(steps, s, transcript);
                }
            }
        } finally {
            // a client that did not close keeps its connection until the client's script is over
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Ports differ from run to run: each is written back as its placeholder. */
    static String normalise(String transcript, Map<String, String> values) {
        String t = transcript;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue().matches("\\d+")) {
                t = t.replaceAll("(?<=:)" + e.getValue() + "(?!\\d)", Matcher.quoteReplacement("${" + e.getKey() + "}"));
            }
        }
        return t;
    }
}
