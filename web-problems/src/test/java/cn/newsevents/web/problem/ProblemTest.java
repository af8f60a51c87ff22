package cn.newsevents.web.problem;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProblemTest {

    @Test
    void aProblemAboutFieldsNamesTheFirstAndListsEvery() {
        Problem p = Problem.ofFields(ProblemType.INVALID_FIELD, List.of(
                new Problem.FieldError("url", "The field 'url' must be absolute."),
                new Problem.FieldError("title", "The field 'title' is required.")));
        assertEquals("urn:newsevents:problem:invalid-field", p.type());
        assertEquals(400, p.status());
        assertEquals("url", p.field());
        assertEquals(2, p.errors().size());
        assertEquals("The field 'url' must be absolute. The field 'title' is required.", p.detail());
        assertNull(p.instance());
        assertEquals("/articles", p.withInstance("/articles").instance());
    }

    @Test
    void aProblemAboutNoFieldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Problem.ofFields(ProblemType.INVALID_FIELD, List.of()));
    }

    @Test
    void frameworkErrorsGetTheGenericTypeOfTheirStatus() {
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.METHOD_NOT_ALLOWED, ProblemType.forStatus(405));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(500));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(502));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(418));
    }
}
