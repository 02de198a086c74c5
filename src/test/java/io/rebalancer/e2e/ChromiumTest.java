package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Without a browser the report's test fails saying how to install one; it never skips. */
class ChromiumTest {
  @TempDir Path dir;

  @Test
  void noBrowserOnPathFailsNamingThePackageToInstall() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> Chromium.onPath(dir.toString(), dir));
    assertThat(e.getMessage(), containsString(
        "apt-get install -y --no-install-recommends chromium-headless-shell"));
  }
}
