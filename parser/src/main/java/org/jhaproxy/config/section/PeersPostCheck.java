package org.jhaproxy.config.section;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.PeersBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * The peers part of check_config_validity(): a peers section that does not declare the local
 * peer is removed with a warning (disabled ones silently). HAProxy keeps its sections newest
 * first, so the warnings come in reverse order of declaration.
 */
public final class PeersPostCheck implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        List<PeersBuilder> list = new ArrayList<>(ctx.config().peersSections());
        Collections.reverse(list);
        for (PeersBuilder p : list) {
            if (p.disabled()) {
                continue;
            }
            if (!p.localPeerSeen()) {
                ctx.diag().warning(String.format("Removing incomplete section 'peers %s' (no peer named '%s').", p.name(), LocalPeer.name(ctx)));
                err |= ErrCode.WARN;
            }
        }
        return err;
    }
}
