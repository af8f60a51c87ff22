package cn.newsevents.contract.event;

/**
 * The version of the extraction rules, recorded on every event ({@code extractorVersion}) and on every stored
 * article, so stored results can be re-run when the rules change ({@code reprocess} selects the articles at another
 * version). Raise it with every change of what the extractor reports.
 */
public final class ExtractorVersion {
    /**
     * The version the extractor of this build writes. Set through a method call so that it is not a compile-time
     * constant: a constant is copied into every class that reads it, and an incremental build would keep the old
     * value in classes that were not recompiled.
     */
    public static final String CURRENT = of("0.22.0");

    private static String of(String version) {
        return version;
    }

    private ExtractorVersion() {
    }
}
