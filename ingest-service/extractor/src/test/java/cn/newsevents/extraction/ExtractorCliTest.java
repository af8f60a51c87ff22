package cn.newsevents.extraction;

import cn.newsevents.contract.messaging.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractorCliTest {

    @Test
    void printsOneLinePerFileAndAnErrorLineForABrokenOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "标题\n\n来源 2024-05-07\n\n5月6日下午，市委书记张某某主持召开专题座谈会。");
        Path broken = dir.resolve("broken.txt");
        Files.write(broken, new byte[]{0, (byte) 0xff, (byte) 0xfe, 10, 1, 2});
        Path missing = dir.resolve("missing.txt");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ExtractorCli.run(new String[]{good.toString(), broken.toString(), missing.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(3, lines.length);
        JsonNode first = Json.mapper().readTree(lines[0]);
        assertEquals("2024-05-06", first.get("seminars").get(0).get("date").asText());
        assertTrue(Json.mapper().readTree(lines[1]).has("error"));
        assertTrue(Json.mapper().readTree(lines[2]).get("error").asText().length() > 10);
        assertEquals(1, status);
    }
}
