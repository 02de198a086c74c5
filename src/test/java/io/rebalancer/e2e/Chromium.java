package io.rebalancer.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium as a test renders a page: Debian's chromium-headless-shell, or chromium. It
 * runs offline (no network, no component updates, a fresh profile each time), as root too.
 */
final class Chromium {
  private static final List<String> BINARIES = List.of("chromium-headless-shell", "chromium");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;
  private final Path work;

  private Chromium(Path binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /** The browser on PATH; a test without one fails saying how to install it, never skips. */
  static Chromium onPath(Path work) {
    return onPath(System.getenv().getOrDefault("PATH", ""), work);
  }

  static Chromium onPath(String path, Path work) {
    Optional<Path> found = BINARIES.stream().map(b -> which(path, b)).flatMap(Optional::stream)
        .findFirst();
    if (found.isEmpty()) {
      fail("the report's browser test needs headless Chromium, and neither "
          + String.join(" nor ", BINARIES) + " is on PATH: install it with"
          + " `apt-get install -y --no-install-recommends chromium-headless-shell` (or"
          + " `chromium`); .ci/run does this on CI");
    }
    return new Chromium(found.get(), work);
  }

  /** The DOM after the page's scripts ran, as HTML. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = work.resolve("dom-" + System.nanoTime() + ".html");
    run(out, "--dump-dom", "--virtual-time-budget=5000", page.toUri().toString());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** A PNG of the page's top, width × height pixels. */
  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(work.resolve("screenshot-" + System.nanoTime() + ".log"), "--screenshot=" + png,
        "--window-size=" + width + "," + height, "--hide-scrollbars",
        "--virtual-time-budget=5000", page.toUri().toString());
    if (!Files.isRegularFile(png)) {
      fail(binary + " wrote no screenshot " + png);
    }
  }

  private void run(Path stdout, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile-");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path stderr = work.resolve(stdout.getFileName() + ".stderr");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail(binary + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (p.exitValue() != 0) {
      fail(binary + " exited " + p.exitValue() + ": " + Files.readString(stderr));
    }
  }

  private static Optional<Path> which(String path, String name) {
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
