package io.rebalancer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 (a free port) that serves one file at /NAME after failing
 * the first requests for it (any other path: 404), or one that accepts connections and never
 * answers. It counts what it saw.
 */
public final class FlakyServer implements AutoCloseable {
  /** How a failing request fails. */
  public enum Failure {
    /** 503 Service Unavailable, as a server restarting or overloaded answers. */
    UNAVAILABLE,
    /** 429 Too Many Requests, as a rate-limited API answers. */
    TOO_MANY_REQUESTS,
    /**
     * The connection closed without a byte of answer, as a proxy dropping it. The JDK's HTTP
     * client asks once more itself before it reports that (its rule for a kept-alive connection
     * the server has closed), so each such failed attempt is two requests here.
     */
    DROPPED,
    /** 200 and the file's length, half of the file, then the connection closed. */
    CUT_OFF,
    /** 200 and the file's length, half of the file, then nothing more until the server stops. */
    STALLED
  }

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger fileRequests = new AtomicInteger();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final HttpServer http;
  private final ServerSocket silent;
  private final List<Socket> held = new ArrayList<>();
  private final String name;

  private FlakyServer(HttpServer http, ServerSocket silent, String name) {
    this.http = http;
    this.silent = silent;
    this.name = name;
  }

  /** Fails the first `failures` requests as `how`, then serves file's bytes with 200. */
  public static FlakyServer failingFirst(int failures, Failure how, Path file)
      throws IOException {
    return failing(Collections.nCopies(failures, how), file);
  }

  /** Fails the first requests as `failures` says, one a request, then serves file with 200. */
  public static FlakyServer failing(List<Failure> failures, Path file) throws IOException {
    byte[] body = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        0), 0);
    FlakyServer flaky = new FlakyServer(server, null, name);
    server.setExecutor(flaky.handlers); // a stalled answer holds its thread, not the server
    List<Failure> first = List.copyOf(failures);
    server.createContext("/", exchange -> flaky.answer(exchange, first, body));
    server.start();
    return flaky;
  }

  /** Accepts every connection and holds it open without reading or writing a byte. */
  public static FlakyServer neverAnswering(String name) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    FlakyServer flaky = new FlakyServer(null, socket, name);
    Thread accept = new Thread(flaky::holdConnections, "never-answering-server");
    accept.setDaemon(true);
    accept.start();
    return flaky;
  }

  private void answer(HttpExchange exchange, List<Failure> failures, byte[] body)
      throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (!exchange.getRequestURI().getPath().equals("/" + name)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      int n = fileRequests.incrementAndGet();
      if (n <= failures.size()) {
        switch (failures.get(n - 1)) {
          case UNAVAILABLE -> exchange.sendResponseHeaders(503, -1);
          case TOO_MANY_REQUESTS -> exchange.sendResponseHeaders(429, -1);
          case DROPPED -> { } // closed before any response header: the connection is closed
          case CUT_OFF -> cutOff(exchange, body);
          case STALLED -> stall(exchange, body);
        }
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Half the file, then the exception that makes the server close the connection (it closes it
   * on any exception out of a handler; closing the exchange alone would leave it open).
   */
  private static void cutOff(HttpExchange exchange, byte[] body) throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    throw new IOException("cut off after " + body.length / 2 + " of " + body.length + " bytes");
  }

  private void stall(HttpExchange exchange, byte[] body) throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IOException("stalled after " + body.length / 2 + " of " + body.length + " bytes");
  }

  private void holdConnections() {
    while (!silent.isClosed()) {
      try {
        Socket s = silent.accept();
        requests.incrementAndGet();
        synchronized (held) {
          held.add(s);
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** The file's URL. */
  public String url() {
    int port = http != null ? http.getAddress().getPort() : silent.getLocalPort();
    return "http://127.0.0.1:" + port + "/" + name;
  }

  /** Requests answered or failed (for the silent server: connections accepted). */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    if (http != null) {
      stopped.countDown();
      http.stop(0);
      handlers.shutdownNow();
      return;
    }
    silent.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
