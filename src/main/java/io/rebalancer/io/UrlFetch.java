package io.rebalancer.io;

import io.rebalancer.config.Durations;
import io.rebalancer.config.FetchPolicy;
import io.rebalancer.core.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a URL source's body to a temporary file, attempt after attempt as its {@link
 * FetchPolicy} says. An attempt may wait the policy's timeout to connect, again for the answer's
 * headers, and again at any pause in the file's bytes. Connection failures, timeouts, answers cut
 * off, 5xx and 429 are retried (a partial file is never kept); any other status will not mend
 * itself and fails at once. Each retry is a warning; a fetch that fails is one line naming the
 * source, the URL, what its last attempt got and what to change.
 */
final class UrlFetch {
  private static final Logger LOG = LoggerFactory.getLogger(UrlFetch.class);

  private final String what;
  private final String uri;
  private final FetchPolicy policy;

  private UrlFetch(String what, String uri, FetchPolicy policy) {
    this.what = what;
    this.uri = uri;
    this.policy = policy;
  }

  /** What one attempt got: a status, or a failure before any (status 0). */
  private record Outcome(int status, String text, String advice) {
    boolean retried() {
      return status == 0 || status == 429 || status >= 500;
    }
  }

  /** The body of uri in a temporary file, which the caller removes. */
  static Path fetch(String what, String uri, FetchPolicy policy) {
    return new UrlFetch(what, uri, policy).fetch();
  }

  /** One attempt: the body in a temporary file, or what went wrong instead. */
  private record Attempt(Path body, Outcome outcome) {}

  private Path fetch() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(policy.timeout())
        .GET().build();
    Outcome first = null;
    boolean alike = true;
    for (int attempt = 1; ; attempt++) {
      Attempt a = attempt(client, request);
      if (a.body() != null) {
        return a.body();
      }
      Outcome last = a.outcome();
      first = first == null ? last : first;
      alike &= last.text().equals(first.text());
      if (!last.retried() || attempt == policy.attempts()) {
        throw new InputException(what + ": " + uri + " " + summary(last, alike, attempt) + ": "
            + last.advice());
      }
      LOG.warn("{}: attempt {} of {} {}; retrying in {}", what, attempt, policy.attempts(),
          last.text(), Durations.written(policy.retryDelay()));
      pause();
    }
  }

  private Attempt attempt(HttpClient client, HttpRequest request) {
    Path body = temporaryFile();
    boolean kept = false;
    AtomicInteger answered = new AtomicInteger(); // the status, once the headers are in
    AtomicReference<WatchedBody> transfer = new AtomicReference<>();
    try {
      HttpResponse<Path> r = await(client.sendAsync(request, info -> {
        answered.set(info.statusCode());
        transfer.set(new WatchedBody(body));
        return transfer.get();
      }), transfer);
      kept = r.statusCode() == 200;
      return kept ? new Attempt(body, null) : new Attempt(null, status(r.statusCode()));
    } catch (IOException e) {
      return new Attempt(null, failure(e, answered.get()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(what + ": interrupted while fetching " + uri);
    } finally {
      if (!kept) {
        TextSources.delete(body);
      }
    }
  }

  /**
   * The answer, its headers within the request's timeout (the client's own), and then no pause
   * in the file's bytes longer than the timeout either.
   */
  private HttpResponse<Path> await(CompletableFuture<HttpResponse<Path>> answer,
      AtomicReference<WatchedBody> transfer) throws IOException, InterruptedException {
    long timeout = policy.timeoutMillis();
    try {
      while (true) {
        try {
          return answer.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          WatchedBody body = transfer.get();
          if (body != null && body.idleNanos() >= TimeUnit.MILLISECONDS.toNanos(timeout)) {
            HttpTimeoutException stalled = new HttpTimeoutException("the file's bytes stopped");
            body.cut(stalled);
            throw stalled;
          }
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    }
  }

  /** What the attempts got: the last one's outcome, and whether every attempt got the same. */
  private String summary(Outcome last, boolean alike, int attempts) {
    if (!last.retried()) {
      return last.text() + ", not retried (" + (last.status() < 500 && last.status() >= 400
          ? "a client error does not mend itself" : "only 200 brings the file") + ")";
    }
    if (attempts == 1) {
      return last.text() + " (1 attempt: retries is 0)";
    }
    String spacing = attempts + " attempts " + Durations.written(policy.retryDelay()) + " apart";
    if (!alike) {
      return last.text() + " on the last of " + spacing;
    }
    return last.status() != 0 ? last.text() + " to each of " + spacing
        : last.text() + ", " + spacing;
  }

  private static Outcome status(int status) {
    String text = "answered HTTP " + status;
    if (status == 429) {
      return new Outcome(status, text, "the server limits how often it is asked: raise this"
          + " source's retryDelay or retries");
    }
    if (status >= 500) {
      return new Outcome(status, text, "the server is failing: check it, or raise this source's"
          + " retries or retryDelay");
    }
    return new Outcome(status, text, "check the URL, and that this source may read it");
  }

  /** An attempt that threw; answered: the status its headers gave, 0 if none came. */
  private Outcome failure(IOException e, int answered) {
    String timeout = Durations.written(policy.timeout());
    String up = "check that the server is up, or raise this source's retries or retryDelay";
    if (answered != 0 && e instanceof HttpTimeoutException) {
      return new Outcome(0, "answered HTTP " + answered + ", then sent nothing for " + timeout
          + " before the whole file arrived", "check that the server is up, or raise this"
          + " source's timeout or retries");
    }
    if (answered != 0) { // never a partial file: the attempt failed, and is retried whole
      return new Outcome(0, "answered HTTP " + answered + " but closed the connection before"
          + " the whole file arrived", up);
    }
    if (e instanceof HttpTimeoutException) { // connecting, or waiting for the response
      return new Outcome(0, "did not answer within " + timeout, "check that the server is up,"
          + " or raise this source's timeout or retries");
    }
    if (e instanceof ConnectException) {
      String text = e.getCause() instanceof UnresolvedAddressException
          ? "names a host that is not known" : "refused the connection";
      return new Outcome(0, text, "check the URL and that the server is up, or raise this"
          + " source's retries or retryDelay");
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // The JDK's client says so when the connection closed before a byte of the answer.
    if (e instanceof EOFException || message.contains("received no bytes")) {
      return new Outcome(0, "closed the connection without an answer", up);
    }
    return new Outcome(0, "failed (" + message + ")", up);
  }

  private void pause() {
    try {
      Thread.sleep(policy.retryDelayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(what + ": interrupted while waiting to fetch " + uri + " again");
    }
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("rebalancer-fetch", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file", e);
    }
  }
}
