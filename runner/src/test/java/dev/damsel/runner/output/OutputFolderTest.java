package dev.damsel.runner.output;

import dev.damsel.runner.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFolderTest {
    @TempDir
    Path dir;

    @Test
    void filesAppearUnderTheFinalNameOnlyOnCommit() throws IOException {
        Path target = dir.resolve("run");
        try (OutputFolder folder = OutputFolder.open(target)) {
            Files.writeString(folder.file("result.json"), "{}");
            assertThat(target).doesNotExist();
            folder.commit();
        }
        assertThat(target.resolve("result.json")).hasContent("{}");
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains("partial"));
    }

    @Test
    void aFailedRunLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("run");
        try (OutputFolder folder = OutputFolder.open(target)) {
            Files.writeString(folder.file("result.json"), "{half");
            // no commit: the run failed
        }
        assertThat(target).doesNotExist();
        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void anEmptyExistingFolderMayBeUsed() throws IOException {
        Path target = Files.createDirectories(dir.resolve("empty"));
        try (OutputFolder folder = OutputFolder.open(target)) {
            Files.writeString(folder.file("a.txt"), "a");
            folder.commit();
        }
        assertThat(target.resolve("a.txt")).exists();
    }

    @Test
    void aFileInTheWayIsAUsageError() throws IOException {
        Path target = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> OutputFolder.open(target)).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a folder");
    }
}
