package org.jhaproxy.config.section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "namespace_list" section (cfg_parse_netns() in cfgparse.c): "namespace &lt;name&gt;..." opens
 * each network namespace from /var/run/netns right away; other lines are silently ignored.
 */
public final class NamespaceListSection implements Section {
    public static final String KIND = "namespace_list";

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        if (!line.keyword().equals("namespace")) {
            return ErrCode.NONE;
        }
        var all = ctx.config().otherSections().of(KIND);
        NamedSection list = all.computeIfAbsent("", n -> new NamedSection(KIND, n, new Position(line.file(), line.lineNo())));
        for (int i = 1; !line.arg(i).isEmpty(); i++) {
            String ns = line.arg(i);
            Character bad = SectionName.invalidChar(ns);
            if (bad != null) {
                return ResolversSection.alertNoSpace(ctx, line, String.format("character '%c' is not permitted in '%s' name '%s'.",
                        bad, line.keyword(), ns));
            }
            if (list.entry("namespace", ns) != null) {
                return ResolversSection.alertNoSpace(ctx, line, String.format("Namespace '%s' is already added.", ns));
            }
            if (!Files.isReadable(Path.of("/var/run/netns", ns))) {
                return ResolversSection.alertNoSpace(ctx, line, String.format("Cannot open namespace '%s'.", ns));
            }
            list.addEntry(new NamedSection.Entry("namespace", ns, List.of(), new Position(line.file(), line.lineNo())));
        }
        return ErrCode.NONE;
    }
}
