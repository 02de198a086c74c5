package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * What a staged run needs to be published by another process than the one that started it (a
 * detached Flink submission's JobManager starts it; runners/publish.sh publishes it): written
 * into the staging area before the job starts, read back by {@code PublishCommand}.
 */
public record RunManifest(String runId, LocalDate runDate, Instant startedAt, String runner,
    Path config, Path outputDir, Path warehouse, boolean detached) {

  static final String FILE = "run.properties";

  public void writeTo(StagingArea staging) {
    Properties p = new Properties();
    p.setProperty("runId", runId);
    p.setProperty("runDate", runDate.toString());
    p.setProperty("startedAt", startedAt.toString());
    p.setProperty("runner", runner);
    p.setProperty("config", config.toString());
    p.setProperty("outputDir", outputDir.toString());
    p.setProperty("warehouse", warehouse.toString());
    // A detached job outlives the process that staged it: no later run may take its staging
    // for a killed run's.
    p.setProperty("detached", Boolean.toString(detached));
    Path file = staging.path().resolve(FILE);
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "a staged run of the daily rebalance (runners/publish.sh reads it)");
      }
      // whole or absent: a run that finds this staging after a crash reads it
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      FullDisk.ofStagedFile(e, file, "the run's manifest");
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The manifest of a staging area, or one line saying why that folder cannot be published. */
  public static RunManifest readFrom(StagingArea staging) {
    Path file = staging.path().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(staging.root() + " has no " + FILE
          + ": it is not the staging folder of a run that can be published");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return new RunManifest(required(p, file, "runId"),
          LocalDate.parse(required(p, file, "runDate")),
          Instant.parse(required(p, file, "startedAt")), required(p, file, "runner"),
          Path.of(required(p, file, "config")), Path.of(required(p, file, "outputDir")),
          Path.of(required(p, file, "warehouse")),
          Boolean.parseBoolean(p.getProperty("detached", "false")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (DateTimeParseException e) {
      throw new InputException(file + ": " + e.getParsedString() + " is not a date or time");
    }
  }

  private static String required(Properties p, Path file, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new InputException(file + ": " + key + " is missing");
    }
    return v;
  }
}
