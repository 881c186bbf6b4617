package org.jhaproxy.cli;

/** usage(): the version, then the flags, on stderr; haproxy exits 1 after it. */
final class Usage {
    private Usage() {
    }

    static String text(String progname) {
        return "Usage : " + progname + " [-f <cfgfile|cfgdir>]* [ -vdVD ] [ -n <maxconn> ] [ -N <maxpconn> ]\n"
                + "        [ -p <pidfile> ] [ -m <max megs> ] [ -C <dir> ] [-- <cfgfile>*]\n"
                + "        -v displays version ; -vv shows known build options.\n"
                + "        -d enters debug mode ; -db only disables background mode.\n"
                + "        -dM[<byte>,help,...] debug memory (default: poison with <byte>/0x50)\n"
                + "        -V enters verbose mode (disables quiet mode)\n"
                + "        -D goes daemon ; -C changes to <dir> before loading files.\n"
                + "        -W master-worker mode.\n"
                + "        -Ws master-worker mode with systemd notify support.\n"
                + "        -q quiet mode : don't display messages\n"
                + "        -c check mode : only check config files and exit\n"
                + "        -cc check condition : evaluate a condition and exit\n"
                + "        -n sets the maximum total # of connections (uses ulimit -n)\n"
                + "        -m limits the usable amount of memory (in MB)\n"
                + "        -N sets the default, per-proxy maximum # of connections (0)\n"
                + "        -L set local peer name (default to hostname)\n"
                + "        -p writes pids of all children to this file\n"
                + "        -de disables epoll() usage even when available\n"
                + "        -dp disables poll() usage even when available\n"
                + "        -dS disables splice usage (broken on old kernels)\n"
                + "        -dG disables getaddrinfo() usage\n"
                + "        -dR disables SO_REUSEPORT usage\n"
                + "        -dL dumps loaded object files after config checks\n"
                + "        -dK{class[,...]} dump registered keywords (use 'help' for list)\n"
                + "        -dr ignores server address resolution failures\n"
                + "        -dV disables SSL verify on servers side\n"
                + "        -dW fails if any warning is emitted\n"
                + "        -dD diagnostic mode : warn about suspicious configuration statements\n"
                + "        -sf/-st [pid ]* finishes/terminates old pids.\n"
                + "        -x <unix_socket> get listening sockets from a unix socket\n"
                + "        -S <bind>[,<bind options>...] new master CLI\n"
                + "\n";
    }
}
