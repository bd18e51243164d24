package dev.autoreply.worker.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps a free-form label value (a reason code, a model name) within a bounded set, so a bug
 * or an unexpected input cannot create unbounded time series. Values must look like codes
 * ({@code [a-z0-9][a-z0-9._-]{0,63}}); the first {@code maxDistinct} distinct values are kept
 * and every later or malformed one is reported as "other".
 */
final class LabelValues {

  static final String OTHER = "other";
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final int maxDistinct;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  LabelValues(int maxDistinct) {
    this.maxDistinct = maxDistinct;
  }

  String bound(String value) {
    if (value == null || value.isEmpty()) {
      return "none";
    }
    if (!CODE.matcher(value).matches()) {
      return OTHER;
    }
    if (seen.contains(value)) {
      return value;
    }
    synchronized (seen) {
      if (seen.size() < maxDistinct) {
        seen.add(value);
        return value;
      }
    }
    return seen.contains(value) ? value : OTHER;
  }
}
