package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpError;
import dev.codexcontinue.provider.openai.ContentFilterException;
import dev.codexcontinue.provider.openai.ContentFilterResults;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Azure's content-filter rejection (HTTP 400, code {@code content_filter}) to {@link
 * ContentFilterException}. The wire says {@code innererror.content_filter_result} while the
 * 2024-10-21 schema says {@code inner_error.content_filter_results}: both are read.
 */
public final class AzureErrors implements ErrorMapper.Rule {
  @Override
  public Optional<ProviderException> map(HttpError error, ErrorDetails details, String message) {
    if (error.status() != 400 || !error.errorBody().code().equals("content_filter")) {
      return Optional.empty();
    }
    ContentFilterResults results = null;
    try {
      JsonNode root = Json.parse(error.body()).path("error");
      for (String inner : new String[] {"innererror", "inner_error"}) {
        for (String key : new String[] {"content_filter_result", "content_filter_results"}) {
          JsonNode node = root.path(inner).get(key);
          if (node != null && Json.toValue(node) instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            results = ContentFilterResults.of(copy);
          }
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // A body cut at the cap or not JSON: the exception still says what happened.
    }
    return Optional.of(new ContentFilterException(message, details, results, true));
  }
}
