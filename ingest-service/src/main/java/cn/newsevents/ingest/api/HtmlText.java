package cn.newsevents.ingest.api;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reduces HTML to plain text: tags dropped, entities decoded, block elements and {@code <br>} become line
 * breaks, script and style content disappears. Text without any tag is returned unchanged, so a "<" in prose
 * survives.
 */
public final class HtmlText {
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>|<!--");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6", "tr", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd",
            "dt", "figure", "figcaption", "main", "aside", "nav", "address");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "head", "title");
    private static final Pattern BLANK_RUNS = Pattern.compile("\n[ \t\u3000]*(\n[ \t\u3000]*)+");

    private HtmlText() {
    }

    /** Whether {@code s} contains something that looks like an HTML tag or comment. */
    public static boolean looksLikeHtml(String s) {
        return s.indexOf('<') >= 0 && TAG.matcher(s).find();
    }

    /** {@code s} as plain text when it looks like HTML, else {@code s} itself. */
    public static String toText(String s) {
        if (s == null || !looksLikeHtml(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        Jsoup.parseBodyFragment(s).body().traverse(new NodeVisitor() {
            /** How many script, style, ... elements enclose the node: a counter, not a walk up the tree. */
            private int dropped;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && DROPPED.contains(e.normalName())) {
                    dropped++;
                }
                if (node instanceof TextNode text && dropped == 0) {
                    out.append(text.text());
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    endLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && DROPPED.contains(e.normalName())) {
                    dropped--;
                }
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    endLine(out);
                }
            }
        });
        String text = BLANK_RUNS.matcher(out.toString()).replaceAll("\n\n");
        return text.strip();
    }

    private static void endLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
