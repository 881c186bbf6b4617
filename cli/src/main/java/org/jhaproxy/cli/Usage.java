package org.jhaproxy.cli;

/** The usage text, shaped like haproxy's, listing the flags jhaproxy understands. */
final class Usage {
    static final String TEXT = VersionInfo.short_()
            + "Usage : jhaproxy [-f <cfgfile|cfgdir>]* [ -vdVD ] [ -p <pidfile> ] [-- <cfgfile>*]\n"
            + "        -v displays version ; -vv shows known build options.\n"
            + "        -d enters debug mode ; -db only disables background mode.\n"
            + "        -V enters verbose mode (disables quiet mode)\n"
            + "        -q quiet mode : don't display messages\n"
            + "        -c check mode : only check config files and exit\n"
            + "        -cc check condition : evaluate a condition and exit\n"
            + "        -p writes pids of all children to this file\n"
            + "        -dK{class[,...]} dump registered keywords (use 'help' for list)\n"
            + "        -dW fails if any warning is emitted\n"
            + "        -dD diagnostic mode : warn about suspicious configuration statements\n"
            + "\n";

    private Usage() {
    }
}
