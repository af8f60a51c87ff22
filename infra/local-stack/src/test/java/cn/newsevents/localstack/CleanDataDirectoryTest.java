package cn.newsevents.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanDataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void cleanRefusesToWipeADirectoryTheStackDidNotCreate() throws IOException {
        Path foreign = Files.writeString(dir.resolve("thesis.tex"), "keep me");
        StackOptions options = StackOptions.parse(List.of("--clean", "--data-dir", dir.toString()), RepoFiles.root());
        try (Stack stack = Stack.create(options, new PrintStream(new ByteArrayOutputStream()))) {
            IOException e = assertThrows(IOException.class, stack::start);
            assertTrue(e.getMessage().startsWith("Refusing to wipe " + dir), e.getMessage());
        }
        assertTrue(Files.exists(foreign), "the foreign file is still there");
    }
}
