package io.rebalancer;

import io.rebalancer.core.InputException;
import io.rebalancer.io.FullDisk;
import io.rebalancer.io.StagingArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * --outputDir, checked by creating the run's staging folder in it: whether a folder can be
 * written is only known by writing (root writes into a folder whose mode says read-only; a
 * read-only mount or an immutable folder refuses even root), so the attempt is the check, and
 * its refusal becomes one line naming the folder instead of a staging path.
 */
final class OutputFolder {
  private OutputFolder() {}

  static StagingArea stagingIn(Path outputDir, String runId) {
    Path dir = outputDir.toAbsolutePath().normalize();
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
    try {
      return StagingArea.create(dir, runId);
    } catch (UncheckedIOException e) {
      FullDisk.ofOutputFolder(e.getCause(), dir, "the run's staging folder");
      throw new InputException(notWritable(dir, existing, e.getCause()));
    }
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
