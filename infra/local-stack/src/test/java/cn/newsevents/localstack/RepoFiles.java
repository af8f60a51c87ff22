package cn.newsevents.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository checkout the tests run in. */
final class RepoFiles {
    private RepoFiles() {
    }

    static Path root() {
        String configured = System.getProperty("repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("seeds")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Could not find the repository root above " + start + ".");
    }

    static Path seed() {
        return root().resolve("seeds/changzhou-seminars.txt");
    }

    /** A jar that must have been packaged before the integration tests run. */
    static Path packaged(String relative) {
        Path jar = root().resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn verify' from the repository root, which "
                    + "packages the services before this module's integration tests.");
        }
        return jar;
    }
}
