package org.jhaproxy.config.sample;

/** A registered sample converter: name, arguments, and the types it takes and gives. */
public record Converter(String name, ArgSignature args, SampleType inType, SampleType outType) {
}
