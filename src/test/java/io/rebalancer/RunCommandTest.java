package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What RunCommand prints and returns for misuse: one line on stderr naming what to change. */
class RunCommandTest {
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir",
      System.getProperty("user.dir"))).toAbsolutePath();

  @TempDir Path dir;
  private final List<Path> immutable = new ArrayList<>();

  record Result(int exit, String stdout, List<String> stderr) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(
        "--config=" + PROJECT.resolve("pipelines/daily-rebalance.yaml")));
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--outputDir="))) {
      all.add("--outputDir=" + dir.resolve("output"));
    }
    all.addAll(Arrays.asList(args));
    int exit = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(String[]::new));
    return new Result(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** The one error line of a failed run, after checking it failed cleanly. */
  private String error(String... args) {
    Result r = run(args);
    assertThat(r.toString(), r.exit(), is(1));
    assertThat(r.toString(), r.stdout(), is(""));
    assertThat(r.toString(), r.stderr().size(), is(1));
    return r.stderr().get(0);
  }

  @Test
  void aValueThatIsNotOfTheOptionsTypeNamesTheOptionAndTheType() {
    assertThat(error("--keyBuckets=abc"), is("error: --keyBuckets: 'abc' is not a whole number"));
    assertThat(error("--keyBuckets=1.5"), is("error: --keyBuckets: '1.5' is not a whole number"));
    assertThat(error("--keyBuckets="), is("error: --keyBuckets: '' is not a whole number"));
    assertThat(error("--verbose=maybe"), is("error: --verbose: 'maybe' is not true or false"));
    // Beam's and the runners' options the same way
    assertThat(error("--targetParallelism=four"),
        is("error: --targetParallelism: 'four' is not a whole number"));
    assertThat(error("--enforceImmutability=no"),
        is("error: --enforceImmutability: 'no' is not true or false"));
    assertThat(error("--stableUniqueNames=LOUD"),
        is("error: --stableUniqueNames: 'LOUD' is not one of OFF, WARNING, ERROR"));
    assertThat(error("--optionsId=x"), is("error: --optionsId: 'x' is not a whole number"));
    assertThat(error("--parallelism=many"),
        is("error: --parallelism: 'many' is not a whole number"));
  }

  @Test
  void aNumberOutOfRangeSaysTheRange() {
    assertThat(error("--keyBuckets=99999999999"), is("error: --keyBuckets: '99999999999' is out"
        + " of range (a whole number from -2147483648 to 2147483647)"));
  }

  @Test
  void anOptionWithoutItsValueSaysWhatToWrite() {
    assertThat(error("--keyBuckets"),
        is("error: --keyBuckets needs a value (a whole number): write --keyBuckets=VALUE"));
  }

  @Test
  void anUnknownOptionIsNamedWithTheClosestOne() {
    assertThat(error("--keyBucket=4"), is("error: --keyBucket: no such option (did you mean"
        + " --keyBuckets?); --help lists every option"));
  }

  @Test
  void anUnknownRunnerListsTheRunnersThereAre() {
    assertThat(error("--runner=Sparky"),
        startsWith("error: --runner: 'Sparky' is not a runner here (supported: DirectRunner,"));
  }

  @Test
  void anOptionGivenTwiceIsNamed() {
    assertThat(error("--keyBuckets=2", "--keyBuckets=3"),
        is("error: --keyBuckets is given 2 times (2, 3): give it once"));
  }

  @Test
  void anOutputDirThatIsAFileSaysToPassAFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("orders.csv"), "x");

    assertThat(error("--outputDir=" + file), is("error: --outputDir " + file + " is a file, not"
        + " a folder: pass a folder (it is created if missing)"));
    assertThat(error("--outputDir=" + file.resolve("out")), is("error: --outputDir "
        + file.resolve("out") + " cannot be created: " + file + " is a file, not a folder:"
        + " pass a folder"));
    assertThat(Files.readString(file), is("x"));
  }

  @Test
  void aReadOnlyOutputDirIsNamedNotItsStagingFolder() throws Exception {
    Path readOnly = Files.createDirectories(dir.resolve("read-only"));
    String reason = makeReadOnly(readOnly);

    assertThat(error("--outputDir=" + readOnly), is("error: --outputDir " + readOnly
        + " is not writable (" + reason + "): pass a folder you can write to"));
    assertThat(error("--outputDir=" + readOnly.resolve("new")), is("error: --outputDir "
        + readOnly.resolve("new") + " cannot be created: " + readOnly + " is not writable ("
        + reason + "): pass a folder you can write to"));
    try (var left = Files.list(readOnly)) {
      assertThat(left.toList(), is(List.of()));
    }
  }

  /**
   * Makes a folder refuse new entries and returns the reason the system gives. Root ignores a
   * folder's mode (CI runs as root), so for root the folder is made immutable instead (chattr +i:
   * ext4, xfs, btrfs), which refuses root too.
   */
  private String makeReadOnly(Path folder) throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    String reason = refusal(folder);
    if (reason == null) {
      Process chattr = new ProcessBuilder("chattr", "+i", folder.toString())
          .redirectErrorStream(true).start();
      if (chattr.waitFor(30, TimeUnit.SECONDS) && chattr.exitValue() == 0) {
        immutable.add(folder);
      }
      reason = refusal(folder);
    }
    assumeTrue(reason != null, "cannot make a folder read-only here: running as root on a file"
        + " system without chattr +i");
    return reason;
  }

  /** Why creating an entry in the folder fails, or null when it succeeds. */
  private static String refusal(Path folder) throws IOException {
    Path probe = folder.resolve("probe");
    try {
      Files.createDirectory(probe);
      Files.delete(probe);
      return null;
    } catch (java.nio.file.FileSystemException e) {
      // Java gives no reason for EACCES, only the exception's type
      return e.getReason() != null ? e.getReason() : "Permission denied";
    }
  }

  @AfterEach
  void writableAgain() throws Exception {
    for (Path p : immutable) {
      new ProcessBuilder("chattr", "-i", p.toString()).start().waitFor(30, TimeUnit.SECONDS);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    try (var folders = Files.walk(dir)) {
      for (Path p : folders.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }
}
