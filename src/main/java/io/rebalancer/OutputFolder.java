package io.rebalancer;

import io.rebalancer.core.InputException;
import io.rebalancer.io.FullDisk;
import io.rebalancer.io.RunLock;
import io.rebalancer.io.StagingArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * --outputDir, checked by creating its lock file and the run's staging folder in it: whether a folder can be
 * written is only known by writing (root writes into a folder whose mode says read-only; a
 * read-only mount or an immutable folder refuses even root), so the attempt is the check, and
 * its refusal becomes one line naming the folder instead of a staging path.
 */
final class OutputFolder {
  private OutputFolder() {}

  /**
   * Takes the output folder's lock, which creates the folder and its lock file: the first write
   * a run makes there, so its refusal is the one that names the folder.
   */
  static RunLock lock(Path outputDir, String runId, Instant startedAt) {
    Path dir = outputDir.toAbsolutePath().normalize();
    Path existing = existingFolder(dir);
    try {
      return RunLock.take(RunLock.ofOutputFolder(dir), "output folder " + dir, "--outputDir",
          runId, startedAt);
    } catch (UncheckedIOException e) {
      FullDisk.ofOutputFolder(e.getCause(), dir, "the output folder's lock file");
      throw new InputException(notWritable(dir, existing, e.getCause()));
    }
  }

  static StagingArea stagingIn(Path outputDir, String runId) {
    Path dir = outputDir.toAbsolutePath().normalize();
    Path existing = existingFolder(dir);
    try {
      return StagingArea.create(dir, runId);
    } catch (UncheckedIOException e) {
      FullDisk.ofOutputFolder(e.getCause(), dir, "the run's staging folder");
      throw new InputException(notWritable(dir, existing, e.getCause()));
    }
  }

  /** The folder or its nearest existing parent, which must be a folder. */
  private static Path existingFolder(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new InputException(existing.equals(dir)
          ? "--outputDir " + dir + " is a file, not a folder: pass a folder (it is created if"
              + " missing)"
          : "--outputDir " + dir + " cannot be created: " + existing + " is a file, not a"
              + " folder: pass a folder");
    }
    return existing;
  }

  /** The folder, or the existing folder it would be created in, refused a new entry. */
  private static String notWritable(Path dir, Path existing, IOException e) {
    String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
        : e instanceof AccessDeniedException ? "Permission denied" : String.valueOf(e.getMessage());
    if (dir.equals(existing)) {
      return "--outputDir " + dir + " is not writable (" + reason + "): pass a folder you can"
          + " write to";
    }
    return "--outputDir " + dir + " cannot be created: " + existing + " is not writable ("
        + reason + "): pass a folder you can write to";
  }
}
