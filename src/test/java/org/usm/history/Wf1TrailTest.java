package org.usm.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.WorkflowPattern;
import org.usm.testing.UsmApi;

/**
 * The trail of a full WF1 call (a wish through Agree, Change and Operate) as captured before the history was made
 * leaner (issue 20): every entry, its kind, step, process, actor and data, in order, with the times and the
 * call's own numbers left out. Whatever the engine keeps in its history, the auditor reads the same trail.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class Wf1TrailTest {

  private static final Pattern PROCESS_INSTANCE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Autowired TestRestTemplate rest;

  @Test
  void theTrailOfAFullWf1CallIsTheOneCapturedBeforeTheLeanHistory() throws IOException {
    UsmApi api = new UsmApi(rest);
    String call = api.register("servicedesk", Map.of("serviceId", "verhuizing", "type", "wish",
        "summary", "Verhuizing ook op zaterdag aan de balie doorgeven", "requester", "inwoner-4711"));
    api.drive(call, WorkflowPattern.WF1);

    String csv = rest.exchange("/api/calls/" + call + "/audit?format=csv", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), String.class).getBody();
    Map<String, String> instances = new LinkedHashMap<>();
    List<String> entries = Arrays.stream(csv.split("\r\n")).map(line -> normalized(line, call, instances)).toList();
    entries.forEach(entry -> System.out.println("trail " + entry));

    String expected = new ClassPathResource("history/wf1-trail.csv").getContentAsString(StandardCharsets.UTF_8);
    assertThat(entries).containsExactlyElementsOf(expected.lines().toList());
  }

  /**
   * The entry without its time (the first column), with the call's number and times as placeholders and each
   * process instance id as the number of its first appearance (so that entries of one instance stay together).
   */
  private static String normalized(String line, String call, Map<String, String> instances) {
    String entry = line.substring(line.indexOf(',') + 1).replace(call, "{call}")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?", "{time}");
    return PROCESS_INSTANCE.matcher(entry).replaceAll(id -> instances.computeIfAbsent(id.group(),
        any -> "{instance" + (instances.size() + 1) + "}"));
  }
}
