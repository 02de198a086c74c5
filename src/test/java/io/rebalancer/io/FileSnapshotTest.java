package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that changes between the snapshot before it is read and the check after. */
class FileSnapshotTest {
  private static final String ROW = "A1,VTI,10,274.61,US_EQUITY\n";

  @TempDir Path dir;

  @Test
  void anUnchangedFilePasses() throws IOException {
    Path file = Files.writeString(dir.resolve("positions.csv"), ROW);
    FileSnapshot before = FileSnapshot.of("source B1", file.toString(), file);

    before.checkUnchanged("source B1", file.toString(), file);

    assertThat(before.size(), is((long) ROW.length()));
  }

  @Test
  void aFileThatGrewWhileReadFailsNamingBothSizes() throws IOException {
    Path file = Files.writeString(dir.resolve("positions.csv"), ROW);
    FileSnapshot before = FileSnapshot.of("source B1", file.toString(), file);
    Files.writeString(file, ROW, StandardOpenOption.APPEND); // the download goes on

    InputException e = assertThrows(InputException.class,
        () -> before.checkUnchanged("source B1", file.toString(), file));

    assertThat(e.getMessage(), is("source B1: " + file + " changed while it was read (27 bytes,"
        + " now 54 bytes): rerun once the download has finished"));
  }

  @Test
  void aFileRewrittenToTheSameSizeFailsToo() throws IOException {
    Path file = Files.writeString(dir.resolve("positions.csv"), ROW);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
    FileSnapshot before = FileSnapshot.of("source B1", file.toString(), file);
    Files.writeString(file, ROW.replace("10", "90"));
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_060_000L));

    InputException e = assertThrows(InputException.class,
        () -> before.checkUnchanged("source B1", file.toString(), file));

    assertThat(e.getMessage(), startsWith("source B1: " + file + " changed while it was read"
        + " (27 bytes modified 2023-11-14T22:13:20Z, now 27 bytes modified"
        + " 2023-11-14T22:14:20Z)"));
  }

  @Test
  void aFileRemovedWhileReadFails() throws IOException {
    Path file = Files.writeString(dir.resolve("positions.csv"), ROW);
    FileSnapshot before = FileSnapshot.of("source B1", file.toString(), file);
    Files.delete(file);

    InputException e = assertThrows(InputException.class,
        () -> before.checkUnchanged("source B1", file.toString(), file));

    assertThat(e.getMessage(), is("source B1: " + file + " changed while it was read (27 bytes,"
        + " now gone): rerun once the download has finished"));
  }
}
