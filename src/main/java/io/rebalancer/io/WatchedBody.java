package io.rebalancer.io;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body written to a file, with the time its last bytes came. The request's timeout
 * ends once the headers are in; this lets {@link UrlFetch} cut a transfer that then stalls, so
 * a server that sends its headers and nothing more fails the attempt, not the run's patience.
 */
final class WatchedBody implements HttpResponse.BodySubscriber<Path> {
  private final HttpResponse.BodySubscriber<Path> file;
  private volatile long lastBytes = System.nanoTime();
  private volatile Flow.Subscription subscription;

  WatchedBody(Path target) {
    this.file = HttpResponse.BodySubscribers.ofFile(target);
  }

  /** Nanoseconds since the headers or the last bytes came. */
  long idleNanos() {
    return System.nanoTime() - lastBytes;
  }

  /** Stops the transfer: the file is closed, and the answer fails with why. */
  void cut(IOException why) {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    file.onError(why);
  }

  @Override
  public CompletionStage<Path> getBody() {
    return file.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    file.onSubscribe(s);
  }

  @Override
  public void onNext(List<ByteBuffer> bytes) {
    lastBytes = System.nanoTime();
    file.onNext(bytes);
  }

  @Override
  public void onError(Throwable t) {
    file.onError(t);
  }

  @Override
  public void onComplete() {
    file.onComplete();
  }
}
