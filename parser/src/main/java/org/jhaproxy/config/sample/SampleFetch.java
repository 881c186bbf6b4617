package org.jhaproxy.config.sample;

/**
 * A registered sample fetch: its name, arguments, output type and the places it may be used
 * (the capability bitmap of the -dK dump, one bit per {@link CheckPlace}).
 */
public record SampleFetch(String name, ArgSignature args, SampleType outType, int validAt) {
    public boolean usableAt(int places) {
        return (validAt & places) != 0;
    }
}
