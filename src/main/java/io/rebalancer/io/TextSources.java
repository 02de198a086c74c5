package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a whole input file as text: a local path, or an http(s) URL with retries. UTF-8 (BOM
 * stripped); bytes that are not UTF-8 are read as Windows-1252, which older exports use.
 */
public final class TextSources {
  private static final int ATTEMPTS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TextSources() {}

  public static String read(String what, String uri) {
    byte[] bytes = isUrl(uri) ? fetch(what, uri) : readLocal(what, uri);
    String text = decode(bytes);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static boolean isUrl(String uri) {
    return uri.startsWith("http://") || uri.startsWith("https://");
  }

  private static byte[] readLocal(String what, String uri) {
    try {
      return Files.readAllBytes(Path.of(uri));
    } catch (IOException e) {
      throw new InputException(what + ": cannot read " + uri + ": " + e);
    }
  }

  private static byte[] fetch(String what, String uri) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    String last = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(uri))
            .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 200) {
          return r.body();
        }
        last = "HTTP " + r.statusCode();
        if (r.statusCode() < 500 && r.statusCode() != 429) {
          break; // a client error will not mend itself
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InputException(what + ": interrupted while fetching " + uri);
      }
      sleep(attempt);
    }
    throw new InputException(what + ": cannot fetch " + uri + " after retries: " + last);
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
    }
  }
}
