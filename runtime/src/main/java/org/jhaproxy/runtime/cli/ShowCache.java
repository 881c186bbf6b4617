package org.jhaproxy.runtime.cli;

import java.util.List;

/**
 * "show cache" (management.txt 9.3): each cache with its free blocks, then its objects. An
 * admin-level command.
 */
final class ShowCache implements CliCommand {
    @Override
    public List<String> keywords() {
        return List.of("show", "cache");
    }

    @Override
    public String run(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        return r.engine().proxies().caches().show();
    }
}
