package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rebalancer.config.FetchPolicy;
import io.rebalancer.core.InputException;
import io.rebalancer.testing.FlakyServer;
import io.rebalancer.testing.FlakyServer.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A URL source fetched from a real HTTP server on 127.0.0.1 that fails its first requests (503,
 * 429, a dropped connection, a file cut off or stalled half way), answers 404 or never answers: retried as the source's policy says, or one line naming
 * the source, the URL, what the last attempt got, the attempts and what to change.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, not stalls
class TextSourcesFetchTest {
  private static final String WHAT = "source BROKERAGE_003";

  @TempDir Path dir;
  private Path export;
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private final Logger fetchLog = (Logger) LoggerFactory.getLogger(UrlFetch.class);

  @BeforeEach
  void exportAndLog() throws IOException {
    export = Files.writeString(dir.resolve("OfxDownload.csv"),
        "account_id,symbol,quantity,price,asset_class\nA1,VTI,10,250.00,US_EQUITY\n");
    warnings.start();
    fetchLog.addAppender(warnings);
  }

  @AfterEach
  void release() {
    fetchLog.detachAppender(warnings);
  }

  private static FetchPolicy policy(int retries, long delayMillis, long timeoutMillis) {
    return new FetchPolicy(retries, delayMillis, timeoutMillis);
  }

  /** The fetched copy's text; the copy is removed as the readers of a source remove it. */
  private static String fetched(String url, FetchPolicy policy) throws IOException {
    Path copy = TextSources.local(WHAT, url, policy);
    try {
      return Files.readString(copy);
    } finally {
      TextSources.release(url, copy);
    }
  }

  private static String failure(String url, FetchPolicy policy) {
    return assertThrows(InputException.class, () -> TextSources.local(WHAT, url, policy))
        .getMessage();
  }

  private List<String> warningLines() {
    return warnings.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage())
        .toList();
  }

  @Test
  void aServerThatAnswers503TwiceIsFetchedOnTheThirdOfThreeAttempts() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(2, Failure.UNAVAILABLE, export)) {
      assertThat(fetched(server.url(), policy(2, 10, 5_000)), is(Files.readString(export)));
      assertThat(server.requests(), is(3));
    }
    assertThat(warningLines(), contains(
        "WARN source BROKERAGE_003: attempt 1 of 3 answered HTTP 503; retrying in 10ms",
        "WARN source BROKERAGE_003: attempt 2 of 3 answered HTTP 503; retrying in 10ms"));
  }

  @Test
  void aServerThatCutsTheFileOffTwiceIsFetchedWholeOnTheThirdAttempt() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(2, Failure.CUT_OFF, export)) {
      assertThat(fetched(server.url(), policy(2, 10, 5_000)), is(Files.readString(export)));
      assertThat(server.requests(), is(3));
    }
    assertThat(warningLines(), contains(
        "WARN source BROKERAGE_003: attempt 1 of 3 answered HTTP 200 but closed the connection"
            + " before the whole file arrived; retrying in 10ms",
        "WARN source BROKERAGE_003: attempt 2 of 3 answered HTTP 200 but closed the connection"
            + " before the whole file arrived; retrying in 10ms"));
  }

  @Test
  void aConnectionDroppedBeforeAnyAnswerIsAskedAgainOnceByTheJdkWithinTheAttempt()
      throws IOException {
    // What a server sees of retries: the JDK's client repeats a request whose connection closed
    // without a byte of answer once itself, so one dropped attempt is two requests.
    try (FlakyServer server = FlakyServer.failingFirst(2, Failure.DROPPED, export)) {
      assertThat(fetched(server.url(), policy(1, 10, 5_000)), is(Files.readString(export)));
      assertThat(server.requests(), is(3));
    }
    assertThat(warningLines(), contains("WARN source BROKERAGE_003: attempt 1 of 2 closed the"
        + " connection without an answer; retrying in 10ms"));
  }

  @Test
  void aServerThatAnswersAtOnceIsAskedOnce() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(0, Failure.UNAVAILABLE, export)) {
      assertThat(fetched(server.url(), policy(0, 10, 5_000)), is(Files.readString(export)));
      assertThat(server.requests(), is(1));
    }
    assertThat(warningLines(), is(List.of()));
  }

  @Test
  void moreFailuresThanRetriesFailNamingTheUrlTheStatusAndTheAttempts() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(3, Failure.UNAVAILABLE, export)) {
      assertThat(failure(server.url(), policy(1, 50, 5_000)), is(WHAT + ": " + server.url()
          + " answered HTTP 503 to each of 2 attempts 50ms apart: the server is failing: check"
          + " it, or raise this source's retries or retryDelay"));
      assertThat(server.requests(), is(2));
    }
  }

  @Test
  void cutOffAnswersBeyondTheRetriesFailNamingTheUrl() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(3, Failure.CUT_OFF, export)) {
      assertThat(failure(server.url(), policy(2, 10, 5_000)), is(WHAT + ": " + server.url()
          + " answered HTTP 200 but closed the connection before the whole file arrived,"
          + " 3 attempts 10ms apart: check that the server is up, or raise this source's"
          + " retries or retryDelay"));
      assertThat(server.requests(), is(3));
    }
  }

  @Test
  void droppedConnectionsBeyondTheRetriesFailNamingTheUrl() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(4, Failure.DROPPED, export)) {
      assertThat(failure(server.url(), policy(1, 10, 5_000)), is(WHAT + ": " + server.url()
          + " closed the connection without an answer, 2 attempts 10ms apart: check that the"
          + " server is up, or raise this source's retries or retryDelay"));
      assertThat(server.requests(), is(4));
    }
  }

  @Test
  void aClientErrorIsNotRetried() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(0, Failure.UNAVAILABLE, export)) {
      String missing = server.url().replace("OfxDownload.csv", "Ofx.csv");
      assertThat(failure(missing, policy(2, 10, 5_000)), is(WHAT + ": " + missing
          + " answered HTTP 404, not retried (a client error does not mend itself): check the"
          + " URL, and that this source may read it"));
      assertThat(server.requests(), is(1));
    }
    assertThat(warningLines(), is(List.of()));
  }

  @Test
  void aPortNoOneListensOnRefusesEachAttempt() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/OfxDownload.csv";
    assertThat(failure(url, policy(1, 10, 5_000)), is(WHAT + ": " + url
        + " refused the connection, 2 attempts 10ms apart: check the URL and that the server is"
        + " up, or raise this source's retries or retryDelay"));
  }

  @Test
  void aServerThatNeverAnswersFailsAfterEachAttemptTimesOut() throws IOException {
    try (FlakyServer server = FlakyServer.neverAnswering("OfxDownload.csv")) {
      String message = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> failure(server.url(), policy(1, 100, 1_000)));
      assertThat(message, is(WHAT + ": " + server.url() + " did not answer within 1s,"
          + " 2 attempts 100ms apart: check that the server is up, or raise this source's"
          + " timeout or retries"));
      assertThat(server.requests(), is(2));
    }
    assertThat(warningLines(), contains("WARN source BROKERAGE_003: attempt 1 of 2 did not"
        + " answer within 1s; retrying in 100ms"));
  }

  @Test
  void aTransferThatStallsIsCutAfterTheTimeoutAndAskedAgain() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(1, Failure.STALLED, export)) {
      String text = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> fetched(server.url(), policy(1, 10, 1_000)));
      assertThat(text, is(Files.readString(export)));
      assertThat(server.requests(), is(2));
    }
    assertThat(warningLines(), contains("WARN source BROKERAGE_003: attempt 1 of 2 answered"
        + " HTTP 200, then sent nothing for 1s before the whole file arrived; retrying in 10ms"));
  }

  @Test
  void transfersThatStallBeyondTheRetriesFailInBoundedTime() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(2, Failure.STALLED, export)) {
      String message = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> failure(server.url(), policy(1, 10, 1_000)));
      assertThat(message, is(WHAT + ": " + server.url() + " answered HTTP 200, then sent nothing"
          + " for 1s before the whole file arrived, 2 attempts 10ms apart: check that the server"
          + " is up, or raise this source's timeout or retries"));
      assertThat(server.requests(), is(2));
    }
  }

  @Test
  void withoutRetriesOneAttemptIsMadeAndTheLineSaysSo() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(1, Failure.UNAVAILABLE, export)) {
      assertThat(failure(server.url(), policy(0, 10, 5_000)), is(WHAT + ": " + server.url()
          + " answered HTTP 503 (1 attempt: retries is 0): the server is failing: check it, or"
          + " raise this source's retries or retryDelay"));
      assertThat(server.requests(), is(1));
    }
  }

  @Test
  void attemptsThatFailDifferentlyNameTheLastOnesOutcome() throws IOException {
    try (FlakyServer server = FlakyServer.failing(List.of(Failure.UNAVAILABLE, Failure.CUT_OFF),
        export)) {
      assertThat(failure(server.url(), policy(1, 10, 5_000)), is(WHAT + ": " + server.url()
          + " answered HTTP 200 but closed the connection before the whole file arrived on the"
          + " last of 2 attempts 10ms apart: check that the server is up, or raise this source's"
          + " retries or retryDelay"));
      assertThat(server.requests(), is(2));
    }
  }

  @Test
  void tooManyRequestsIsRetriedAndSaysToWaitLonger() throws IOException {
    try (FlakyServer server = FlakyServer.failingFirst(1, Failure.TOO_MANY_REQUESTS, export)) {
      assertThat(fetched(server.url(), policy(1, 10, 5_000)), is(Files.readString(export)));
      assertThat(server.requests(), is(2));
    }
    try (FlakyServer server = FlakyServer.failingFirst(2, Failure.TOO_MANY_REQUESTS, export)) {
      assertThat(failure(server.url(), policy(1, 10, 5_000)), is(WHAT + ": " + server.url()
          + " answered HTTP 429 to each of 2 attempts 10ms apart: the server limits how often"
          + " it is asked: raise this source's retryDelay or retries"));
    }
  }
}
