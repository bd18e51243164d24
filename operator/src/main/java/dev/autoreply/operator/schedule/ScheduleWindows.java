package dev.autoreply.operator.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which schedule window is active at a given instant, when the next boundary comes, and
 * which replica bounds follow from that. Pure functions of the spec and the instant.
 *
 * <p>Cron expressions are parsed by cron-utils with its UNIX definition: five fields (minute,
 * hour, day of month, month, day of week), names such as {@code MON-FRI} allowed, and no
 * {@code @daily}-style macros. Each window's expressions run in the window's IANA time zone, as
 * the CronJob's {@code spec.timeZone} does.
 *
 * <p>NOTE: on the day clocks skip forward, cron-utils 9.2.1 moves a time that does not exist
 * that day (for example 02:30 in America/New_York on 2025-03-09) to the next day. The CronJob
 * controller may treat that day differently, but the operator follows this class either way.
 */
public final class ScheduleWindows {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** Pattern of a window name, the same as the CRD's: a DNS label of at most 20 characters. */
  private static final Pattern NAME_PATTERN = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$");

  /** Fixed start of the search for a first execution, so validation does not read the clock. */
  private static final ZonedDateTime NEVER_RUNS_PROBE =
      ZonedDateTime.ofInstant(Instant.EPOCH, ZoneId.of("UTC"));

  private ScheduleWindows() {
  }

  /**
   * Returns the window active at {@code now}. A window is active when its start cron last ran
   * later than its end cron, both in the window's time zone. When several are active, the one
   * whose start ran most recently wins, and on a tie the one listed first. Windows that fail
   * {@link #validate} are ignored.
   */
  public static Optional<ScheduleSpec> activeAt(List<ScheduleSpec> schedules, Instant now) {
    ScheduleSpec active = null;
    Instant activeStart = null;
    for (ScheduleSpec window : nullSafe(schedules)) {
      Optional<ParsedWindow> parsed = ParsedWindow.of(window);
      if (parsed.isEmpty()) {
        continue;
      }
      Optional<Instant> lastStart = parsed.get().lastStart(now);
      if (lastStart.isEmpty()) {
        continue;
      }
      Optional<Instant> lastEnd = parsed.get().lastEnd(now);
      boolean started = lastEnd.isEmpty() || lastStart.get().isAfter(lastEnd.get());
      if (started && (activeStart == null || lastStart.get().isAfter(activeStart))) {
        active = window;
        activeStart = lastStart.get();
      }
    }
    return Optional.ofNullable(active);
  }

  /**
   * Returns the earliest start or end execution of any window strictly after {@code now}, or
   * empty when no window has one. Windows that fail {@link #validate} are ignored.
   */
  public static Optional<Instant> nextBoundaryAfter(List<ScheduleSpec> schedules, Instant now) {
    Instant earliest = null;
    for (ScheduleSpec window : nullSafe(schedules)) {
      Optional<ParsedWindow> parsed = ParsedWindow.of(window);
      if (parsed.isEmpty()) {
        continue;
      }
      for (Optional<Instant> next : List.of(parsed.get().nextStart(now), parsed.get().nextEnd(now))) {
        if (next.isPresent() && (earliest == null || next.get().isBefore(earliest))) {
          earliest = next.get();
        }
      }
    }
    return Optional.ofNullable(earliest);
  }

  /**
   * Returns the replica bounds at {@code now}. The active window's minReplicas and maxReplicas
   * each replace the base's when set. When the result has min above max, the bound the window
   * set wins: a window that only raises min raises max to it, and a window that only lowers max
   * lowers min to it. A window that sets both with min above max fails {@link #validate}; it
   * gets max raised to min here.
   */
  public static ReplicaBounds boundsAt(
      ReplicaBounds base, List<ScheduleSpec> schedules, Instant now) {
    Optional<ScheduleSpec> active = activeAt(schedules, now);
    if (active.isEmpty()) {
      return base;
    }
    Integer windowMin = active.get().getMinReplicas();
    Integer windowMax = active.get().getMaxReplicas();
    int min = windowMin != null ? windowMin : base.min();
    int max = windowMax != null ? windowMax : base.max();
    if (min > max) {
      if (windowMax != null && windowMin == null) {
        min = max;
      } else {
        max = min;
      }
    }
    return new ReplicaBounds(min, max);
  }

  /**
   * Checks every window and returns one message per problem. Each message starts with the
   * field, such as {@code spec.schedules[1].timeZone}. The list is empty when all are valid.
   */
  public static List<String> validate(List<ScheduleSpec> schedules) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ScheduleSpec> windows = nullSafe(schedules);
    for (int i = 0; i < windows.size(); i++) {
      ScheduleSpec window = windows.get(i);
      String field = "spec.schedules[" + i + "]";
      if (window == null) {
        problems.add(field + ": missing; remove the empty entry");
        continue;
      }
      validateName(field, window.getName(), names, problems);
      validateCron(field + ".start", window.getStart(), problems);
      validateCron(field + ".end", window.getEnd(), problems);
      Optional<Cron> start = window.getStart() == null ? Optional.empty()
          : parseCron(window.getStart());
      Optional<Cron> end = window.getEnd() == null ? Optional.empty()
          : parseCron(window.getEnd());
      if (start.isPresent() && end.isPresent()
          && start.get().asString().equals(end.get().asString())) {
        problems.add(field + ".end: the same schedule as start \"" + window.getStart()
            + "\", so the window is never active; give a different end time");
      }
      validateTimeZone(field + ".timeZone", window.getTimeZone(), problems);
      validateReplicas(field, window, problems);
    }
    return problems;
  }

  private static void validateName(
      String field, String name, Set<String> seen, List<String> problems) {
    if (name == null || name.isBlank()) {
      problems.add(field + ".name: missing; give a DNS label such as business-hours");
    } else if (!NAME_PATTERN.matcher(name).matches()) {
      problems.add(field + ".name: invalid window name \"" + name + "\"; use at most 20"
          + " lower-case letters, digits and dashes, starting and ending with a letter or digit");
    } else if (!seen.add(name)) {
      problems.add(field + ".name: duplicate window name \"" + name
          + "\"; give each window its own name");
    }
  }

  private static void validateCron(String field, String expression, List<String> problems) {
    if (expression == null || expression.isBlank()) {
      problems.add(field + ": missing; give a five-field cron expression such as 0 8 * * 1-5");
      return;
    }
    Cron cron;
    try {
      cron = PARSER.parse(expression);
    } catch (IllegalArgumentException e) {
      problems.add(field + ": invalid cron expression \"" + expression + "\": " + e.getMessage()
          + "; use five fields: minute hour day-of-month month day-of-week");
      return;
    }
    if (ExecutionTime.forCron(cron).nextExecution(NEVER_RUNS_PROBE).isEmpty()) {
      problems.add(field + ": cron expression \"" + expression + "\" never runs;"
          + " check the day of month against the month");
    }
  }

  private static void validateTimeZone(String field, String zone, List<String> problems) {
    if (zone == null || zone.isBlank()) {
      problems.add(field + ": missing; use an IANA name such as Europe/Berlin");
    } else if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      // Offsets such as +02:00 parse as a ZoneId but are no IANA names, so the CronJob
      // controller would reject them in spec.timeZone.
      problems.add(field + ": unknown time zone \"" + zone
          + "\"; use an IANA name such as Europe/Berlin");
    }
  }

  private static void validateReplicas(String field, ScheduleSpec window, List<String> problems) {
    Integer min = window.getMinReplicas();
    Integer max = window.getMaxReplicas();
    if (min != null && min < 1) {
      problems.add(field + ".minReplicas: " + min + " is less than 1");
    }
    if (max != null && max < 1) {
      problems.add(field + ".maxReplicas: " + max + " is less than 1");
    }
    if (min != null && max != null && min > max) {
      problems.add(field + ".minReplicas: " + min + " is greater than maxReplicas " + max
          + "; lower minReplicas or raise maxReplicas");
    }
  }

  private static Optional<Cron> parseCron(String expression) {
    try {
      return Optional.of(PARSER.parse(expression));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<ScheduleSpec> nullSafe(List<ScheduleSpec> schedules) {
    return schedules == null ? List.of() : schedules;
  }

  /** A window whose expressions and time zone are valid, ready to compute executions. */
  private record ParsedWindow(ExecutionTime start, ExecutionTime end, ZoneId zone) {

    static Optional<ParsedWindow> of(ScheduleSpec window) {
      if (window == null || window.getStart() == null || window.getEnd() == null
          || window.getTimeZone() == null
          || !ZoneId.getAvailableZoneIds().contains(window.getTimeZone())) {
        return Optional.empty();
      }
      Optional<Cron> start = parseCron(window.getStart());
      Optional<Cron> end = parseCron(window.getEnd());
      if (start.isEmpty() || end.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ParsedWindow(ExecutionTime.forCron(start.get()),
          ExecutionTime.forCron(end.get()), ZoneId.of(window.getTimeZone())));
    }

    Optional<Instant> lastStart(Instant now) {
      return last(start, now);
    }

    Optional<Instant> lastEnd(Instant now) {
      return last(end, now);
    }

    Optional<Instant> nextStart(Instant now) {
      return start.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    Optional<Instant> nextEnd(Instant now) {
      return end.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /**
     * Returns the last execution at or before {@code now}. cron-utils' lastExecution is strictly
     * before its argument, so an execution exactly at {@code now} is checked first: at the
     * boundary instant the new state already holds.
     */
    private Optional<Instant> last(ExecutionTime executions, Instant now) {
      ZonedDateTime at = now.atZone(zone);
      if (executions.isMatch(at)) {
        return Optional.of(now);
      }
      return executions.lastExecution(at).map(ZonedDateTime::toInstant);
    }
  }
}
