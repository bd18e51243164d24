package dev.autoreply.worker.testing;

import java.util.Map;

/**
 * One request that {@link FakeGmailServer} received.
 *
 * @param method HTTP method
 * @param path decoded path, e.g. /gmail/v1/users/a@example.com/history
 * @param query decoded query parameters, the first value of each name
 */
public record FakeGmailServerRequest(String method, String path, Map<String, String> query) {

  public FakeGmailServerRequest {
    query = Map.copyOf(query);
  }
}
