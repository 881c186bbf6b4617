package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The differential pattern of the stats socket tests: jhaproxy and, where installed, haproxy
 * run the same configuration (started here, or by the test); the same request goes to the same
 * socket of both, the answers are normalised (entry addresses, pids, timings) and must be
 * equal. Without haproxy, only jhaproxy is asked. {@link #sameRuns} is the same for a scenario
 * run on each program in turn.
 */
final class ProxyPair implements AutoCloseable {
    /** One scenario on one program, what it saw as a value to compare (a record, a string). */
    interface Scenario<R> {
        R run(Path program) throws Exception;
    }

    /** What a test does with haproxy. */
    interface Half {
        void run(Path haproxy) throws Exception;
    }

    private final Function<String, SocketAddress> jhaproxy;
    private final Function<String, SocketAddress> haproxy;
    private final UnaryOperator<String> normalise;
    /** The processes and their frontend's ports where this pair started them. */
    private RunningProxy jProcess;
    private RunningProxy hProcess;
    private int jPort;
    private int hPort;

    /**
     * {@code jhaproxy} and {@code haproxy} give each side's address of a socket name ("admin.sock");
     * {@code haproxy} is null where haproxy is not installed.
     */
    ProxyPair(Function<String, SocketAddress> jhaproxy, Function<String, SocketAddress> haproxy,
            UnaryOperator<String> normalise) {
        this.jhaproxy = jhaproxy;
        this.haproxy = haproxy;
        this.normalise = normalise;
    }

    /** The sockets are files of these directories; {@code haproxyDir} is null without haproxy. */
    static ProxyPair in(Path jhaproxyDir, Path haproxyDir, UnaryOperator<String> normalise) {
        return new ProxyPair(s -> UnixDomainSocketAddress.of(jhaproxyDir.resolve(s)),
                haproxyDir == null ? null : s -> UnixDomainSocketAddress.of(haproxyDir.resolve(s)), normalise);
    }

    /**
     * Starts jhaproxy and, where installed, haproxy on {@code config(directory of its sockets,
     * port of its frontend)}, each with its own directory and port; {@link #close} stops both.
     */
    static ProxyPair start(String test, BiFunction<Path, Integer, String> config, UnaryOperator<String> normalise)
            throws Exception {
        Path jdir = Files.createTempDirectory(test + "-j");
        Path program = HealthCheckIT.haproxy();
        Path hdir = program == null ? null : Files.createTempDirectory(test + "-h");
        ProxyPair pair = in(jdir, hdir, normalise);
        try {
            pair.jPort = RunningProxy.freePort();
            pair.jProcess = RunningProxy.start(config.apply(jdir, pair.jPort), "-db").listening(pair.jPort);
            if (program != null) {
                pair.hPort = RunningProxy.freePort();
                pair.hProcess = RunningProxy.start(program, config.apply(hdir, pair.hPort), "-db").listening(pair.hPort);
            } else {
                System.out.println(test + ": haproxy is not installed, the haproxy half is skipped");
            }
            Path jsock = jdir.resolve("admin.sock");
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(jsock)));
            return pair;
        } catch (Exception | AssertionError e) {
            pair.close();
            throw e;
        }
    }

    boolean differential() {
        return haproxy != null;
    }

    /** jhaproxy's answer to {@code request} (its newline included) on {@code socket}, as it is. */
    String jhaproxy(String socket, String request) throws IOException {
        return StatsCli.exchange(jhaproxy.apply(socket), request);
    }

    /** haproxy's answer, as it is; only where {@link #differential()}. */
    String haproxy(String socket, String request) throws IOException {
        return StatsCli.exchange(haproxy.apply(socket), request);
    }

    /** jhaproxy's answer, normalised, checked equal to haproxy's where it is installed. */
    String same(String socket, String request) throws IOException {
        return same(socket, request, normalise);
    }

    /** {@link #same(String, String)} with another normalisation, for the answers that need more. */
    String same(String socket, String request, UnaryOperator<String> normalise) throws IOException {
        String j = normalise.apply(jhaproxy(socket, request));
        if (haproxy != null) {
            assertEquals(normalise.apply(haproxy(socket, request)), j,
                    "answer to " + request.replace("\n", "\\n") + " on " + socket);
        }
        return j;
    }

    /** jhaproxy's whole response to an HTTP request on its frontend, checked equal to haproxy's (started pairs). */
    String request(String request, String what) throws IOException {
        String j = RawHttp.exchange(jPort, request);
        if (hProcess != null) {
            assertEquals(RawHttp.exchange(hPort, request), j, what);
        }
        return j;
    }

    /** Stops the processes {@link #start} started, jhaproxy's output checked clean. */
    @Override
    public void close() throws Exception {
        if (hProcess != null) {
            hProcess.close();
        }
        if (jProcess != null) {
            jProcess.assertCleanOutput();
            jProcess.close();
        }
    }

    /**
     * Runs {@code scenario} on jhaproxy, then on haproxy where it is installed, and checks that
     * both saw the same; returns what jhaproxy's run saw.
     */
    static <R> R sameRuns(String test, Scenario<R> scenario) throws Exception {
        R j = scenario.run(RunningProxy.jhaproxy());
        onHaproxy(test, haproxy -> assertEquals(scenario.run(haproxy), j));
        return j;
    }

    /** A test's haproxy half: {@code half} runs on haproxy where it is installed; where not, the test says it skipped it. */
    static void onHaproxy(String test, Half half) throws Exception {
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println(test + ": haproxy is not installed, the differential run is skipped");
            return;
        }
        half.run(haproxy);
    }

    /** The warnings and alerts of a program's output, the pid as "(PID)": what a differential run compares of it. */
    static Stream<String> warningsAndAlerts(String output) {
        return output.lines().filter(l -> l.startsWith("[WARNING]") || l.startsWith("[ALERT]"))
                .map(l -> l.replaceFirst("\\(\\d+\\)", "(PID)"));
    }

    /** {@link #warningsAndAlerts} with the health checks' durations as "Nms". */
    static List<String> checkMessages(String output) {
        return warningsAndAlerts(output).map(l -> l.replaceAll("check duration: \\d+ms", "check duration: Nms")).toList();
    }
}
