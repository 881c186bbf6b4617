package org.jhaproxy.runtime.stream;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * Every live stream of the process (haproxy's per-thread stream lists), for "show sess" and
 * "shutdown session". A stream is added when it is created and removed when it is freed; both
 * are one map operation keyed by the stream's unique id, so the event loops never wait on each
 * other. The dump sorts by id, which is haproxy's creation order.
 */
public final class Streams {
    private final ConcurrentHashMap<Long, LiveStream> live = new ConcurrentHashMap<>();
    /** global.req_count's sibling: the next stream's uniq_id. */
    private final AtomicLong uniqIds = new AtomicLong();
    /** stream_epoch: moved on by each "show sess", so a dump can leave out the streams created after it began. */
    private final AtomicInteger epoch = new AtomicInteger();

    /** Registers a new stream accepted on {@code client} by {@code frontend} (stream_new()). */
    public LiveStream add(Channel client, Proxy frontend, LiveStream.Target target) {
        LiveStream s = new LiveStream(uniqIds.getAndIncrement(), epoch.get(), client, frontend, null, target);
        live.put(s.id(), s);
        return s;
    }

    /** Registers a CLI stream: an applet of the GLOBAL frontend, on its listener {@code luid}. */
    public LiveStream addCli(Channel client, int luid, LiveStream.Target target) {
        LiveStream s = new LiveStream(uniqIds.getAndIncrement(), epoch.get(), client, null, luid, target);
        live.put(s.id(), s);
        return s;
    }

    /** The stream is freed (stream_free()); null is ignored so callers need no test. */
    public void remove(LiveStream s) {
        if (s != null) {
            live.remove(s.id(), s);
        }
    }

    /** Takes the epoch of a "show sess" that starts now for {@code dumper}, and moves the global one on. */
    public int beginDump(LiveStream dumper) {
        int e = epoch.getAndIncrement();
        if (dumper != null) {
            dumper.epoch(e);
        }
        return e;
    }

    /** Streams created since the start (global.req_count, "show info" CumReq). */
    public long created() {
        return uniqIds.get();
    }

    /** The live streams in creation order. */
    public List<LiveStream> all() {
        List<LiveStream> all = new ArrayList<>(live.values());
        all.sort(Comparator.comparingLong(LiveStream::id));
        return all;
    }

    /** The stream "show sess" named {@code pointer}, or null. */
    public LiveStream byPointer(long pointer) {
        long id = LiveStream.idOf(pointer);
        return id < 0 ? null : live.get(id);
    }

    /** Every stream whose target is {@code server}, as srv_shutdown_streams() walks them. */
    public List<LiveStream> on(org.jhaproxy.runtime.server.Server server) {
        List<LiveStream> on = new ArrayList<>();
        for (LiveStream s : all()) {
            if (s.server() == server) {
                on.add(s);
            }
        }
        return on;
    }
}
