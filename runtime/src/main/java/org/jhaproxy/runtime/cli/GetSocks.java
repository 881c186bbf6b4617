package org.jhaproxy.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.listener.SocketTransfer;

/**
 * "_getsocks" (management.txt 9.3): a new process started with "-x" asks for the listening
 * sockets, every frontend's and the stats sockets', and receives them with SCM_RIGHTS (see
 * {@link SocketTransfer}). Only on a socket with "expose-fd listeners"; elsewhere, or with
 * nothing to send, the connection closes without a byte, as haproxy's does. The session ends
 * either way.
 */
final class GetSocks implements CliCommand {
    @Override
    public List<String> keywords() {
        return List.of("_getsocks");
    }

    @Override
    public String run(CliRequest request) {
        CliSession session = request.session();
        session.quit();
        if (session.fd() < 0) {
            request.engine().events().warning("Only works on real connections");
            return "";
        }
        if (!session.exposesListeners()) {
            return "";
        }
        List<Integer> fds = new ArrayList<>();
        for (Listener l : request.engine().listeners()) {
            if (l.exportedFd() >= 0) {
                fds.add(l.exportedFd());
            }
        }
        fds.addAll(session.sockets().exportedFds());
        List<String> interfaces = new ArrayList<>();
        fds.forEach(fd -> interfaces.add(null)); // no "interface" bind option is executed
        SocketTransfer.send(session.fd(), fds, interfaces, request.engine().events()::warning);
        return "";
    }
}
