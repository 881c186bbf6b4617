package org.jhaproxy.runtime.stream;

import io.netty.channel.group.ChannelGroup;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.proxy.Proxies;

/**
 * What every stream of a running process shares: the transport, the proxies, the live connections
 * and streams, and the engine itself for the applets that show the whole process (services).
 */
public record StreamContext(Transport transport, Config config, Proxies proxies, ChannelGroup clients, Streams streams,
                            org.jhaproxy.runtime.Engine engine) {
}
