package cn.newsevents.contract.event;

/**
 * The version of the extraction rules, recorded on every event ({@code extractorVersion}) and on every stored
 * article, so stored results can be re-run when the rules change ({@code reprocess} selects the articles at another
 * version). Raise it with every change of what the extractor reports.
 */
public final class ExtractorVersion {
    /** The version the extractor of this build writes. */
    public static final String CURRENT = "0.10.0";

    private ExtractorVersion() {
    }
}
