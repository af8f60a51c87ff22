package cn.newsevents.bench.corpus;

import cn.newsevents.contract.event.Article;
import cn.newsevents.extraction.ArticleText;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleGeneratorTest {

    @Test
    void everyGeneratedArticleFollowsTheArticleLayoutAndHasAUniqueUrl() {
        List<ArticleGenerator.GeneratedArticle> articles = new ArticleGenerator(7, "https://bench.example/t/").next(300);
        Set<String> urls = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ArticleGenerator.GeneratedArticle generated : articles) {
            Article article = ArticleText.parse(generated.raw(), generated.url());
            assertTrue(article.bodyOffset() > 0 && article.bodyOffset() < article.text().length(), generated.raw());
            assertTrue(generated.seminars() >= 2, "each article reports several seminars");
            urls.add(generated.url());
            ids.add(article.id());
        }
        assertEquals(300, urls.size());
        assertEquals(300, ids.size());
    }

    @Test
    void mixesSimplifiedAndTraditionalScript() {
        List<ArticleGenerator.GeneratedArticle> articles = new ArticleGenerator(11, "u").next(200);
        long traditional = articles.stream().filter(ArticleGenerator.GeneratedArticle::traditional).count();
        assertTrue(traditional > 40 && traditional < 120, "traditional share was " + traditional + "/200");
        String sample = articles.stream().filter(ArticleGenerator.GeneratedArticle::traditional).findFirst()
                .orElseThrow().raw();
        assertTrue(sample.contains("會"), "a traditional article spells 会 as 會: " + sample);
    }

    @Test
    void theSameSeedGivesTheSameArticles() {
        assertEquals(new ArticleGenerator(3, "u").next(20), new ArticleGenerator(3, "u").next(20));
    }
}
