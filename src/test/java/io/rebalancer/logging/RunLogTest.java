package io.rebalancer.logging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import io.rebalancer.core.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The console's two streams, --logLevel and the run's log file, with the real Logback. */
class RunLogTest {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private final RunProgress progress = RunProgress.since(Instant.now());

  @TempDir Path dir;

  @BeforeEach
  void captureConsole() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreConsole() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void progressGoesToStdoutWarningsToStderrAndLibraryChatterNowhere() {
    try (RunLog log = RunLog.start("INFO")) {
      progress.log("6 accounts analysed");
      LoggerFactory.getLogger("org.apache.beam.sdk.io.WriteFiles").info("Opening writer");
      LoggerFactory.getLogger("org.apache.beam.sdk.io.WriteFiles").warn("disk almost full");
      LoggerFactory.getLogger("org.apache.flink.runtime.operators.BatchTask").error("trace");
    }
    assertThat(out(), matchesLine("\\[ +\\d+\\.\\d s\\] 6 accounts analysed"));
    assertThat(err(), is("WARN WriteFiles: disk almost full\n"));
  }

  @Test
  void warnLevelSilencesProgressUntilTheRunEnds() {
    try (RunLog log = RunLog.start("warn")) {
      progress.log("6 accounts analysed");
    }
    assertThat(out(), is(""));
    progress.log("1 households rebalanced"); // the next run in this JVM starts at INFO again
    assertThat(out(), containsString("1 households rebalanced"));
  }

  @Test
  void anUnknownLevelIsOneLineNamingTheOption() {
    InputException e = assertThrows(InputException.class, () -> RunLog.start("loud"));
    assertThat(e.getMessage(), is("--logLevel: 'loud' is not a level (one of ERROR, WARN, INFO,"
        + " DEBUG, TRACE)"));
    assertThat(RunLog.level("debug"), is(Level.DEBUG));
  }

  @Test
  void theRunsFileHasItsLinesAndItsFailureWithTheStackTrace() throws IOException {
    Path file = RunLog.fileFor(dir.resolve("output"), "2026-11-20-abc");
    try (RunLog log = RunLog.start("INFO")) {
      assertThat(log.writeTo(file), is(file));
      log.started("run 2026-11-20-abc on DirectRunner: --runDate=2026-11-20");
      progress.log("69 rows read");
      log.failed(file, "source B1: no such file", new IllegalStateException("deep cause"));
    }
    progress.log("after the run"); // the file is closed

    String text = Files.readString(file);
    assertThat(text, containsString("INFO  [main] io.rebalancer.run: run 2026-11-20-abc on"
        + " DirectRunner"));
    assertThat(text, containsString("io.rebalancer.progress: ["));
    assertThat(text, containsString("] 69 rows read"));
    assertThat(text, containsString("ERROR [main] io.rebalancer.run: run failed: source B1:"
        + " no such file\njava.lang.IllegalStateException: deep cause\n\tat "));
    assertThat(text, not(containsString("after the run")));
    // the file's own lines are not the console's: the failure is printed once, by the launcher
    assertThat(out(), not(containsString("2026-11-20-abc")));
    assertThat(err(), is(""));
  }

  @Test
  void aFolderThatCannotHoldTheFileMeansNoFile() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("output"), "a file");
    try (RunLog log = RunLog.start("INFO")) {
      assertThat(log.writeTo(RunLog.fileFor(notAFolder, "run")), is((Path) null));
      log.failed(RunLog.fileFor(notAFolder, "run"), "output is a file", new RuntimeException());
    }
    assertThat(err(), is(""));
  }

  private String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  private static org.hamcrest.Matcher<String> matchesLine(String regex) {
    return org.hamcrest.Matchers.matchesPattern(regex + "\n");
  }
}
