package org.jhaproxy.runtime.sample;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.sample.ConverterCall;
import org.jhaproxy.config.sample.SampleExpr;
import org.jhaproxy.config.sample.SampleType;

/** Turns a parsed sample expression into a {@link CompiledSample}, once, at start-up. */
public final class SampleCompiler {
    private SampleCompiler() {
    }

    public static CompiledSample compile(SampleExpr e, CompileScope scope) throws NotSupported {
        Fetch f = Fetches.create(e.fetch().name(), e.args(), scope);
        List<SampleConverter> convs = new ArrayList<>();
        List<SampleType> types = new ArrayList<>();
        for (ConverterCall cc : e.converters()) {
            convs.add(Converters.create(cc.converter().name(), cc.args(), scope));
            types.add(cc.converter().inType());
        }
        return new CompiledSample(f, convs, types);
    }
}
