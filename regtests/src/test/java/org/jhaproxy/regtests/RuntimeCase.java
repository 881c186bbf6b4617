package org.jhaproxy.regtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One runtime case file (regtests/src/test/resources/runtime/NNN-name.case): a configuration
 * template, the scripted backend servers and the scripted clients. The format is described in
 * that directory's README.md.
 */
record RuntimeCase(String name, String pending, String config, List<Script> servers, List<Script> clients) {
    /** The same case with another configuration text (the harness adds its log target). */
    RuntimeCase withConfig(String text) {
        return new RuntimeCase(name, pending, text, servers, clients);
    }


    /** A scripted peer: a backend server (answers connections from the proxy) or a client. */
    record Script(String name, boolean server, String target, int repeat, boolean loop, List<List<Step>> connections) {
    }

    /** One line of a script: a verb, its words, and the bytes of its quoted strings if any. */
    record Step(String verb, List<String> words, byte[] data, int line) {
        int number(int index) {
            return Integer.parseInt(words.get(index));
        }
    }

    static RuntimeCase load(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.case$", "");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String pending = null;
        StringBuilder config = null;
        List<Script> servers = new ArrayList<>();
        List<Script> clients = new ArrayList<>();
        String section = null;
        String[] header = null;
        List<List<Step>> connections = null;
        int headerLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "end:";
            boolean indented = line.startsWith(" ") || line.startsWith("\t");
            if (!indented && (line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            if (indented) {
                if (section == null) {
                    throw error(file, i, "indented line outside a section");
                }
                if (section.equals("config")) {
                    config.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
                } else {
                    Step step = parseStep(file, i, line);
                    if (step == null) {
                        continue;
                    }
                    // "accept" in a server, "connect" in a client: the next connection's script
                    if (step.verb.equals("accept") && section.equals("server")
                            || step.verb.equals("connect") && section.equals("client")) {
                        if (!connections.get(connections.size() - 1).isEmpty()) {
                            connections.add(new ArrayList<>());
                        }
                        continue;
                    }
                    connections.get(connections.size() - 1).add(step);
                }
                continue;
            }
            if (section != null && !section.equals("config")) {
                Script script = finish(file, headerLine, section, header, connections);
                (script.server() ? servers : clients).add(script);
            }
            section = null;
            if (line.startsWith("pending:")) {
                pending = line.substring("pending:".length()).strip();
            } else if (line.equals("config:")) {
                section = "config";
                config = new StringBuilder();
            } else if (line.equals("end:")) {
                break;
            } else if (line.matches("(server|client) \\w+( .*)?:\\s*")) {
                header = line.strip().replaceFirst(":$", "").split("\\s+");
                section = header[0];
                headerLine = i;
                connections = new ArrayList<>();
                connections.add(new ArrayList<>());
            } else {
                throw error(file, i, "expected 'config:', 'server NAME:', 'client NAME:' or 'pending: reason'");
            }
        }
        if (config == null) {
            throw error(file, 0, "no 'config:' section");
        }
        return new RuntimeCase(name, pending, config.toString(), servers, clients);
    }

    private static Script finish(Path file, int line, String kind, String[] header, List<List<Step>> connections) {
        String target = "FE";
        int repeat = 1;
        boolean loop = false;
        for (int w = 2; w < header.length; w++) {
            switch (header[w]) {
                case "loop" -> loop = true;
                case "repeat" -> repeat = Integer.parseInt(header[++w]);
                case "to" -> target = header[++w];
                default -> throw error(file, line, "unknown word '" + header[w] + "' (expected loop, repeat N, to FE2)");
            }
        }
        return new Script(header[1], kind.equals("server"), target, repeat, loop, connections);
    }

    /** A step line: verb, words, and "quoted" strings with C escapes joined into the data bytes. */
    private static Step parseStep(Path file, int lineNo, String line) {
        List<String> words = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean quoted = false;
        String s = line.strip();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '#') {
                break;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                quoted = true;
                i = unquote(file, lineNo, s, i + 1, data);
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                words.add(s.substring(i, end));
                i = end;
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        String verb = words.remove(0);
        return new Step(verb, List.copyOf(words), quoted ? data.toByteArray() : null, lineNo + 1);
    }

    private static int unquote(Path file, int lineNo, String s, int i, ByteArrayOutputStream out) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\', '"' -> out.write(e);
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                default -> throw error(file, lineNo, "unknown escape \\" + e);
            }
        }
        throw error(file, lineNo, "unterminated string");
    }

    private static IllegalArgumentException error(Path file, int lineNo, String message) {
        return new IllegalArgumentException(file.getFileName() + ":" + (lineNo + 1) + ": " + message);
    }
}
