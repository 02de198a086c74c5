package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Flink cluster's REST API as an operator uses it: upload a jar, run it, watch the job. */
final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port;

  FlinkRest(int port) {
    this.port = port;
  }

  /** POST /jars/upload, as the web UI's "Submit New Job" does: the multipart field jarfile. */
  String uploadJar(Path jar) throws Exception {
    String boundary = "----rebalancer" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\";"
        + " filename=\"portfolio-rebalancer-bundled.jar\"\r\nContent-Type:"
        + " application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest upload = HttpRequest.newBuilder(uri("/jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(jar),
            HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(upload,
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.body(), r.statusCode(), is(200));
    String file = JSON.readTree(r.body()).get("filename").asText();
    return Path.of(file).getFileName().toString();
  }

  /** POST /jars/ID/run with the program's arguments (what the web UI's Submit button sends). */
  HttpResponse<String> runJar(String jarId, List<String> args) throws Exception {
    String body = JSON.writeValueAsString(Map.of("programArgsList", args));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
        .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls GET /jobs/ID until the job is in a terminal state; returns that state. */
  String waitForJob(String jobId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    String state = "";
    while (Instant.now().isBefore(deadline)) {
      state = JSON.readTree(get("/jobs/" + jobId)).path("state").asText();
      if (List.of("FINISHED", "FAILED", "CANCELED").contains(state)) {
        return state;
      }
      Thread.sleep(1000);
    }
    return state + " after 4 minutes";
  }

  /**
   * Beam's FlinkRunner ships its metrics as one accumulator, __metricscontainers, whose value is
   * Beam's monitoring infos as JSON: a user counter is urn beam:metric:user:sum_int64:v1 with its
   * namespace and name in labels and its value as a base64 varint. Summed over steps.
   */
  Map<String, Long> beamCounters(String jobId) throws Exception {
    String accumulators = get("/jobs/" + jobId + "/accumulators");
    Map<String, Long> counters = new TreeMap<>();
    for (JsonNode acc : JSON.readTree(accumulators).path("user-task-accumulators")) {
      if (!acc.path("name").asText().equals("__metricscontainers")) {
        continue;
      }
      for (JsonNode info : JSON.readTree(acc.path("value").asText()).path("metrics")
          .path("attempted")) {
        JsonNode labels = info.path("labels");
        if (info.path("urn").asText().equals("beam:metric:user:sum_int64:v1")
            && labels.path("NAMESPACE").asText().equals("rebalancer")) {
          counters.merge(labels.path("NAME").asText(),
              varint(Base64.getDecoder().decode(info.path("payload").asText())), Long::sum);
        }
      }
    }
    return counters;
  }

  private static long varint(byte[] bytes) {
    long value = 0;
    for (int i = 0, shift = 0; i < bytes.length; i++, shift += 7) {
      value |= (long) (bytes[i] & 0x7f) << shift;
      if ((bytes[i] & 0x80) == 0) {
        break;
      }
    }
    return value;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
