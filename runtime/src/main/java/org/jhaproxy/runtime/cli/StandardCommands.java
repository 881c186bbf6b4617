package org.jhaproxy.runtime.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Every stats socket command jhaproxy executes. A new command is one more entry here; its
 * keywords must be those of an entry of haproxy's table (haproxy-commands.txt).
 */
final class StandardCommands {
    private StandardCommands() {
    }

    static List<CliCommand> all() {
        List<CliCommand> all = new ArrayList<>(SessionCommands.all());
        all.add(new ShowInfo());
        all.add(new GetSocks());
        all.add(new ShowActivity());
        all.add(new ShowPools());
        all.add(new ShowCache());
        all.add(new ShowEvents());
        all.addAll(ProxyCommands.all());
        all.addAll(ServerCommands.all());
        all.addAll(DynamicServers.all());
        all.addAll(FrontendCommands.all());
        all.addAll(ShowServers.all());
        all.addAll(ShowErrors.all());
        all.addAll(StreamCommands.all());
        all.add(new ClearCounters());
        all.addAll(MapCommands.all());
        all.addAll(TableCommands.all());
        all.addAll(org.jhaproxy.runtime.stats.StatCommands.all());
        return all;
    }
}
