package cn.newsevents.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackOptionsTest {
    private final Path root = RepoFiles.root();

    @Test
    void defaultsToTheUsualPortsAndADataDirectoryInTheRepository() {
        StackOptions o = StackOptions.parse(List.of(), root);
        assertEquals(root.resolve(".local-stack"), o.dataDir());
        assertEquals(List.of(9092, 9093, 5432, 8080, 8081),
                List.of(o.kafkaPort(), o.controllerPort(), o.postgresPort(), o.ingestPort(), o.queryPort()));
        assertFalse(o.clean());
        assertTrue(o.seed());
        assertEquals(root.resolve("ingest-service/target/ingest-service.jar"), o.ingestJar());
    }

    @Test
    void readsCleanPortsAndDataDirectory() {
        StackOptions o = StackOptions.parse(List.of("--clean", "--kafka-port", "19092", "--query-port", "18081",
                "--data-dir", "/tmp/x", "--no-seed"), root);
        assertTrue(o.clean());
        assertFalse(o.seed());
        assertEquals(19092, o.kafkaPort());
        assertEquals(18081, o.queryPort());
        assertEquals(Path.of("/tmp/x"), o.dataDir());
    }

    @Test
    void rejectsAPortThatIsNotANumberNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackOptions.parse(List.of("--postgres-port", "pg"), root));
        assertTrue(e.getMessage().contains("--postgres-port"), e.getMessage());
    }

    @Test
    void rejectsUnknownArgumentsAndAMissingRepository() {
        assertThrows(IllegalArgumentException.class, () -> StackOptions.parse(List.of("--fast"), root));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackOptions.parse(List.of(), Path.of("/")));
        assertTrue(e.getMessage().contains("--repo"), e.getMessage());
    }
}
