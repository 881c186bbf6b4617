package org.jhaproxy.config.model;

import java.util.List;
import java.util.Map;

/** The validated configuration the runtime starts from. Immutable. */
public record Config(List<String> files, Map<String, GlobalBuilder.Setting> global, List<String> proxyNames) {
}
