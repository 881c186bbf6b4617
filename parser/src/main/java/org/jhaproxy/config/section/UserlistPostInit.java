package org.jhaproxy.config.section;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.source.ParseContext;

/**
 * userlist_postinit() (auth.c), the first step of check_config_validity(): every group a user
 * names and every user a group names must exist in the same userlist. HAProxy walks its lists
 * newest first and stops at the first error; check_config_validity() then stops too, so a
 * caller should not run the later checks when this one fails.
 */
public final class UserlistPostInit implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        List<NamedSection> lists = new ArrayList<>(ctx.config().otherSections().of(UserlistSection.KIND).values());
        Collections.reverse(lists);
        for (NamedSection ul : lists) {
            List<NamedSection.Entry> users = entries(ul, "user");
            List<NamedSection.Entry> groups = entries(ul, "group");
            for (NamedSection.Entry u : users) {
                for (String g : names(u)) {
                    if (ul.entry("group", g) == null) {
                        ctx.diag().alert(String.format("userlist '%s': no such group '%s' specified in user '%s'", ul.name(), g, u.name()));
                        return ErrCode.ALERT_FATAL;
                    }
                }
            }
            for (NamedSection.Entry g : groups) {
                for (String u : names(g)) {
                    if (ul.entry("user", u) == null) {
                        ctx.diag().alert(String.format("userlist '%s': no such user '%s' specified in group '%s'", ul.name(), u, g.name()));
                        return ErrCode.ALERT_FATAL;
                    }
                }
            }
        }
        return ErrCode.NONE;
    }

    private static List<NamedSection.Entry> entries(NamedSection ul, String kind) {
        List<NamedSection.Entry> out = new ArrayList<>();
        for (NamedSection.Entry e : ul.entries().values()) {
            if (e.kind().equals(kind)) {
                out.add(e);
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** strtok(list, ","): the non-empty comma-separated names. */
    private static List<String> names(NamedSection.Entry e) {
        List<String> out = new ArrayList<>();
        if (e.args().isEmpty()) {
            return out;
        }
        for (String s : e.args().get(0).split(",")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
