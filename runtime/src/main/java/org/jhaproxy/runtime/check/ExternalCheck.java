package org.jhaproxy.runtime.check;

import io.netty.channel.EventLoop;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.sample.Addresses;
import org.jhaproxy.runtime.server.Server;

/**
 * "option external-check" (configuration.txt 4 "external-check command"): each check runs the
 * command with the arguments {@code <proxy_address> <proxy_port> <server_address> <server_port>}
 * and only haproxy's environment (PATH from "external-check path", "" by default, and the
 * HAPROXY_PROXY_* / HAPROXY_SERVER_* variables). Exit 0 passes ("External check passed"),
 * another status fails with it as the code ("External check error, code: 3"); a command still
 * running after "inter" (or min(inter, timeout connect) with "timeout check") is sent SIGTERM and
 * the check times out. Processes start on a thread of their own, never on an event loop.
 */
final class ExternalCheck {
    /** Forking and waiting block: a daemon pool of its own does it. */
    private static final ExecutorService LAUNCHER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "external-check");
        t.setDaemon(true);
        return t;
    });

    private final String command;
    private final String path;
    private final String proxyAddr;
    private final String proxyPort;
    private final Map<String, String> fixedEnv;

    private ExternalCheck(String command, String path, String proxyAddr, String proxyPort, Map<String, String> fixedEnv) {
        this.command = command;
        this.path = path;
        this.proxyAddr = proxyAddr;
        this.proxyPort = proxyPort;
        this.fixedEnv = fixedEnv;
    }

    /** prepare_external_check(): the arguments and variables that do not change between runs. */
    static ExternalCheck of(ProxyConfig backend, int proxyId, Server server) {
        Line cmd = backend.last("external-check", "command");
        Line path = backend.last("external-check", "path");
        String addr = "NOT_USED";
        String port = "NOT_USED";
        outer:
        for (Bind b : backend.binds()) {
            // the first IPv4, IPv6 or UNIX listener
            for (org.jhaproxy.config.addr.SocketAddress l : b.listeners()) {
                switch (l.family()) {
                    case INET, INET6 -> {
                        addr = l.host();
                        port = String.valueOf(l.port());
                        break outer;
                    }
                    case UNIX -> {
                        addr = l.host();
                        break outer;
                    }
                    default -> {
                    }
                }
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path == null ? "" : path.arg(2));
        env.put("HAPROXY_PROXY_NAME", backend.name());
        env.put("HAPROXY_PROXY_ID", String.valueOf(proxyId));
        // "NOT_USED" arguments are empty variables
        env.put("HAPROXY_PROXY_ADDR", addr.equals("NOT_USED") ? "" : addr);
        env.put("HAPROXY_PROXY_PORT", port.equals("NOT_USED") ? "" : port);
        env.put("HAPROXY_SERVER_NAME", server.name());
        env.put("HAPROXY_SERVER_ID", String.valueOf(server.puid()));
        env.put("HAPROXY_SERVER_MAXCONN", String.valueOf(server.maxconn()));
        env.put("HAPROXY_SERVER_SSL", "0");
        String proto = server.config().option("proto", null);
        env.put("HAPROXY_SERVER_PROTO", backend.mode() == org.jhaproxy.config.model.ProxyMode.HTTP
                ? (proto != null ? proto : "h1") : "tcp");
        return new ExternalCheck(cmd == null ? "" : cmd.arg(2), env.get("PATH"), addr, port, Map.copyOf(env));
    }

    /** Runs the command once; {@code done} gets the outcome on {@code loop}. */
    void run(Server server, long timeout, EventLoop loop, Events events, Consumer<CheckOutcome> done) {
        InetSocketAddress srv = server.address(null);
        String srvAddr = Addresses.text(srv.getAddress());
        String srvPort = String.valueOf(srv.getPort());
        int curconn = server.currentConns();
        LAUNCHER.execute(() -> {
            String exe = resolve();
            if (exe == null) {
                // haproxy's child reports it cannot exec the command and exits -1
                events.alert("Failed to exec process for external health check: No such file or directory. Aborting.");
                loop.execute(() -> done.accept(new CheckOutcome(CheckStatus.PROCERR, 255, "")));
                return;
            }
            ProcessBuilder pb = new ProcessBuilder(List.of(exe, proxyAddr, proxyPort, srvAddr, srvPort)).inheritIO();
            pb.environment().clear();
            pb.environment().putAll(fixedEnv);
            pb.environment().put("HAPROXY_SERVER_ADDR", srvAddr);
            pb.environment().put("HAPROXY_SERVER_PORT", srvPort);
            pb.environment().put("HAPROXY_SERVER_CURCONN", String.valueOf(curconn));
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                events.alert("Failed to exec process for external health check: " + reason(e) + ". Aborting.");
                loop.execute(() -> done.accept(new CheckOutcome(CheckStatus.PROCERR, 255, "")));
                return;
            }
            boolean[] over = new boolean[1];
            var timer = loop.schedule(() -> {
                if (!over[0] && p.isAlive()) {
                    over[0] = true;
                    events.warning("kill " + p.pid());
                    p.destroy();
                    done.accept(new CheckOutcome(CheckStatus.PROCTOUT, 0, ""));
                }
            }, timeout, TimeUnit.MILLISECONDS);
            p.onExit().thenAccept(exited -> loop.execute(() -> {
                if (over[0]) {
                    return;
                }
                over[0] = true;
                timer.cancel(false);
                int code = exited.exitValue();
                done.accept(new CheckOutcome(code == 0 ? CheckStatus.PROCOK : CheckStatus.PROCERR, code, ""));
            }));
        });
    }

    /** execvp() with the check's PATH: a name without '/' is looked for in it ("" is the current directory). */
    private String resolve() {
        if (command.isEmpty()) {
            return null;
        }
        if (command.contains("/")) {
            return command;
        }
        List<String> dirs = new ArrayList<>(List.of(path.split(":", -1)));
        for (String d : dirs) {
            File f = new File(d.isEmpty() ? "." : d, command);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    private static String reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("error=13")) {
            return "Permission denied";
        }
        return "No such file or directory";
    }
}
