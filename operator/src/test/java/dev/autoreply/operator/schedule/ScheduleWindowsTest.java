package dev.autoreply.operator.schedule;

import static dev.autoreply.operator.schedule.ScheduleFixtures.NEW_YORK;
import static dev.autoreply.operator.schedule.ScheduleFixtures.businessHours;
import static dev.autoreply.operator.schedule.ScheduleFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.ScheduleSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleWindowsTest {

  /** Monday 2025-03-17 09:00 in New York, which keeps daylight saving time (UTC-4) then. */
  private static final Instant MONDAY_0900_NEW_YORK = Instant.parse("2025-03-17T13:00:00Z");
  private static final Instant MONDAY_1900_NEW_YORK = Instant.parse("2025-03-17T23:00:00Z");
  private static final Instant SATURDAY_1000_NEW_YORK = Instant.parse("2025-03-22T14:00:00Z");

  /** 01:00 to 04:00 every day in New York. */
  private static ScheduleSpec night() {
    return window("night", "0 1 * * *", "0 4 * * *", NEW_YORK, null, 1);
  }

  @Test
  void activeDuringWeekdayHours() {
    Optional<ScheduleSpec> active = ScheduleWindows.activeAt(List.of(businessHours()),
        MONDAY_0900_NEW_YORK);

    assertThat(active).map(ScheduleSpec::getName).contains("business-hours");
  }

  @Test
  void inactiveOnWeekdayEvening() {
    assertThat(ScheduleWindows.activeAt(List.of(businessHours()), MONDAY_1900_NEW_YORK))
        .isEmpty();
  }

  @Test
  void inactiveOnSaturday() {
    assertThat(ScheduleWindows.activeAt(List.of(businessHours()), SATURDAY_1000_NEW_YORK))
        .isEmpty();
  }

  @Test
  void boundaryInstantBelongsToNewState() {
    List<ScheduleSpec> windows = List.of(businessHours());

    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-17T11:59:59Z")))
        .isEmpty();
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-17T12:00:00Z")))
        .isPresent();
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-17T21:59:59Z")))
        .isPresent();
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-17T22:00:00Z")))
        .isEmpty();
  }

  @Test
  void weekdayStartFollowsClockChange() {
    List<ScheduleSpec> windows = List.of(businessHours());

    // Friday 2025-03-07 08:00 EST is 13:00 UTC; Monday 2025-03-10 08:00 EDT is 12:00 UTC.
    assertThat(ScheduleWindows.nextBoundaryAfter(windows, Instant.parse("2025-03-07T12:00:00Z")))
        .contains(Instant.parse("2025-03-07T13:00:00Z"));
    assertThat(ScheduleWindows.nextBoundaryAfter(windows, Instant.parse("2025-03-08T00:00:00Z")))
        .contains(Instant.parse("2025-03-10T12:00:00Z"));
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-10T12:30:00Z")))
        .isPresent();
  }

  @Test
  void springForwardDayShortensWindow() {
    // On 2025-03-09 01:00 EST is 06:00 UTC and 04:00 EDT is 08:00 UTC: two hours, not three.
    List<ScheduleSpec> windows = List.of(night());

    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-09T05:59:00Z")))
        .isEmpty();
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-09T07:30:00Z")))
        .isPresent();
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-09T08:00:00Z")))
        .isEmpty();
    assertThat(ScheduleWindows.nextBoundaryAfter(windows, Instant.parse("2025-03-09T06:30:00Z")))
        .contains(Instant.parse("2025-03-09T08:00:00Z"));
  }

  @Test
  void fallBackDayLengthensWindow() {
    // On 2025-11-02 04:00 EST is 09:00 UTC, so 08:30 UTC (03:30 EST) is still inside.
    List<ScheduleSpec> windows = List.of(night());

    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-11-02T08:30:00Z")))
        .isPresent();
    assertThat(ScheduleWindows.nextBoundaryAfter(windows, Instant.parse("2025-11-02T08:30:00Z")))
        .contains(Instant.parse("2025-11-02T09:00:00Z"));
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-11-02T09:00:00Z")))
        .isEmpty();
  }

  @Test
  void overlappingWindowsLatestStartWins() {
    ScheduleSpec lunchPeak =
        window("lunch-peak", "0 12 * * 1-5", "0 14 * * 1-5", NEW_YORK, 8, 12);
    List<ScheduleSpec> windows = List.of(businessHours(), lunchPeak);

    // 12:30 EDT: both are active, and lunch-peak started later.
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-17T16:30:00Z")))
        .map(ScheduleSpec::getName).contains("lunch-peak");
    // 15:00 EDT: lunch-peak has ended.
    assertThat(ScheduleWindows.activeAt(windows, Instant.parse("2025-03-17T19:00:00Z")))
        .map(ScheduleSpec::getName).contains("business-hours");
    // The list order does not matter.
    assertThat(ScheduleWindows.activeAt(List.of(lunchPeak, businessHours()),
        Instant.parse("2025-03-17T16:30:00Z")))
        .map(ScheduleSpec::getName).contains("lunch-peak");
  }

  @Test
  void overlappingWindowsSameStartFirstWins() {
    ScheduleSpec first = window("first", "0 8 * * *", "0 10 * * *", "UTC", 3, null);
    ScheduleSpec second = window("second", "0 8 * * *", "0 12 * * *", "UTC", 5, null);

    assertThat(ScheduleWindows.activeAt(List.of(first, second),
        Instant.parse("2025-03-17T09:00:00Z")))
        .map(ScheduleSpec::getName).contains("first");
  }

  @Test
  void windowsInDifferentTimeZones() {
    ScheduleSpec berlin = window("berlin", "0 8 * * 1-5", "0 18 * * 1-5", "Europe/Berlin", 4,
        null);

    // 13:00 UTC is 14:00 in Berlin and 09:00 in New York: both active, New York started later.
    assertThat(ScheduleWindows.activeAt(List.of(berlin, businessHours()), MONDAY_0900_NEW_YORK))
        .map(ScheduleSpec::getName).contains("business-hours");
    // 18:00 in Berlin is 17:00 UTC on 2025-03-17.
    assertThat(ScheduleWindows.nextBoundaryAfter(List.of(berlin), MONDAY_0900_NEW_YORK))
        .contains(Instant.parse("2025-03-17T17:00:00Z"));
  }

  @Test
  void nextBoundaryIsEarliestStartOrEnd() {
    List<ScheduleSpec> windows = List.of(businessHours());

    assertThat(ScheduleWindows.nextBoundaryAfter(windows, MONDAY_0900_NEW_YORK))
        .contains(Instant.parse("2025-03-17T22:00:00Z"));
    assertThat(ScheduleWindows.nextBoundaryAfter(windows, MONDAY_1900_NEW_YORK))
        .contains(Instant.parse("2025-03-18T12:00:00Z"));
    assertThat(ScheduleWindows.nextBoundaryAfter(windows, SATURDAY_1000_NEW_YORK))
        .contains(Instant.parse("2025-03-24T12:00:00Z"));
  }

  @Test
  void nextBoundaryIsStrictlyAfterNow() {
    assertThat(ScheduleWindows.nextBoundaryAfter(List.of(businessHours()),
        Instant.parse("2025-03-17T12:00:00Z")))
        .contains(Instant.parse("2025-03-17T22:00:00Z"));
  }

  @Test
  void noWindowsNoBoundary() {
    assertThat(ScheduleWindows.activeAt(List.of(), MONDAY_0900_NEW_YORK)).isEmpty();
    assertThat(ScheduleWindows.activeAt(null, MONDAY_0900_NEW_YORK)).isEmpty();
    assertThat(ScheduleWindows.nextBoundaryAfter(List.of(), MONDAY_0900_NEW_YORK)).isEmpty();
  }

  @Test
  void invalidWindowsIgnored() {
    ScheduleSpec badCron = window("bad-cron", "0 25 * * *", "0 18 * * *", NEW_YORK, 5, null);
    ScheduleSpec badZone = window("bad-zone", "0 8 * * *", "0 18 * * *", "Mars/Olympus", 5,
        null);

    assertThat(ScheduleWindows.activeAt(List.of(badCron, badZone), MONDAY_0900_NEW_YORK))
        .isEmpty();
    assertThat(ScheduleWindows.nextBoundaryAfter(List.of(badCron, badZone),
        MONDAY_0900_NEW_YORK)).isEmpty();
  }

  @Test
  void boundsWithoutActiveWindowAreBase() {
    ReplicaBounds base = new ReplicaBounds(2, 4);

    assertThat(ScheduleWindows.boundsAt(base, List.of(businessHours()), MONDAY_1900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(2, 4));
  }

  @Test
  void boundsWindowMinAboveBaseMaxRaisesMax() {
    ReplicaBounds base = new ReplicaBounds(2, 4);

    assertThat(ScheduleWindows.boundsAt(base, List.of(businessHours()), MONDAY_0900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(10, 10));
  }

  @Test
  void boundsWindowOverridesEachField() {
    ReplicaBounds base = new ReplicaBounds(2, 4);
    ScheduleSpec both = window("peak", "0 8 * * 1-5", "0 18 * * 1-5", NEW_YORK, 3, 6);
    ScheduleSpec maxOnly = window("peak", "0 8 * * 1-5", "0 18 * * 1-5", NEW_YORK, null, 6);
    ScheduleSpec minOnly = window("peak", "0 8 * * 1-5", "0 18 * * 1-5", NEW_YORK, 3, null);
    ScheduleSpec neither = window("peak", "0 8 * * 1-5", "0 18 * * 1-5", NEW_YORK, null, null);

    assertThat(ScheduleWindows.boundsAt(base, List.of(both), MONDAY_0900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(3, 6));
    assertThat(ScheduleWindows.boundsAt(base, List.of(maxOnly), MONDAY_0900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(2, 6));
    assertThat(ScheduleWindows.boundsAt(base, List.of(minOnly), MONDAY_0900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(3, 4));
    assertThat(ScheduleWindows.boundsAt(base, List.of(neither), MONDAY_0900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(2, 4));
  }

  @Test
  void boundsWindowMaxBelowBaseMinLowersMin() {
    ReplicaBounds base = new ReplicaBounds(2, 4);

    assertThat(ScheduleWindows.boundsAt(base, List.of(night()),
        Instant.parse("2025-03-17T06:00:00Z")))
        .isEqualTo(new ReplicaBounds(1, 1));
  }

  @Test
  void boundsInvalidWindowMinAboveMaxRaisesMax() {
    ReplicaBounds base = new ReplicaBounds(2, 4);
    ScheduleSpec inverted = window("peak", "0 8 * * 1-5", "0 18 * * 1-5", NEW_YORK, 5, 3);

    assertThat(ScheduleWindows.boundsAt(base, List.of(inverted), MONDAY_0900_NEW_YORK))
        .isEqualTo(new ReplicaBounds(5, 5));
  }

  @Test
  void validateAcceptsValidWindows() {
    ScheduleSpec names = window("weekend", "0 0 * * SAT", "0 0 * * MON", "Europe/Berlin", 1, 2);

    assertThat(ScheduleWindows.validate(List.of(businessHours(), night(), names))).isEmpty();
    assertThat(ScheduleWindows.validate(List.of())).isEmpty();
    assertThat(ScheduleWindows.validate(null)).isEmpty();
  }

  @Test
  void validateInvalidCron() {
    ScheduleSpec window = window("peak", "0 25 * * *", "0 18 * * 1-5 *", NEW_YORK, null, null);

    assertThat(ScheduleWindows.validate(List.of(window))).containsExactly(
        "spec.schedules[0].start: invalid cron expression \"0 25 * * *\": Failed to parse cron"
            + " expression. Value 25 not in range [0, 23]; use five fields: minute hour"
            + " day-of-month month day-of-week",
        "spec.schedules[0].end: invalid cron expression \"0 18 * * 1-5 *\": Cron expression"
            + " contains 6 parts but we expect one of [5]; use five fields: minute hour"
            + " day-of-month month day-of-week");
  }

  @Test
  void validateCronThatNeverRuns() {
    ScheduleSpec window = window("peak", "0 8 30 2 *", "0 18 * * *", NEW_YORK, null, null);

    assertThat(ScheduleWindows.validate(List.of(window))).containsExactly(
        "spec.schedules[0].start: cron expression \"0 8 30 2 *\" never runs; check the day of"
            + " month against the month");
  }

  @Test
  void validateMacroRejected() {
    ScheduleSpec window = window("peak", "@daily", "0 18 * * *", NEW_YORK, null, null);

    assertThat(ScheduleWindows.validate(List.of(window))).containsExactly(
        "spec.schedules[0].start: invalid cron expression \"@daily\": Nicknames not supported!;"
            + " use five fields: minute hour day-of-month month day-of-week");
  }

  @Test
  void validateUnknownTimeZone() {
    ScheduleSpec mars = window("mars", "0 8 * * *", "0 18 * * *", "Mars/Olympus", null, null);
    ScheduleSpec offset = window("offset", "0 8 * * *", "0 18 * * *", "+02:00", null, null);

    assertThat(ScheduleWindows.validate(List.of(businessHours(), mars, offset))).containsExactly(
        "spec.schedules[1].timeZone: unknown time zone \"Mars/Olympus\"; use an IANA name such"
            + " as Europe/Berlin",
        "spec.schedules[2].timeZone: unknown time zone \"+02:00\"; use an IANA name such as"
            + " Europe/Berlin");
  }

  @Test
  void validateDuplicateNames() {
    assertThat(ScheduleWindows.validate(List.of(businessHours(), night(), businessHours())))
        .containsExactly("spec.schedules[2].name: duplicate window name \"business-hours\";"
            + " give each window its own name");
  }

  @Test
  void validateMinAboveMax() {
    ScheduleSpec window = window("peak", "0 8 * * *", "0 18 * * *", NEW_YORK, 5, 3);

    assertThat(ScheduleWindows.validate(List.of(window))).containsExactly(
        "spec.schedules[0].minReplicas: 5 is greater than maxReplicas 3; lower minReplicas or"
            + " raise maxReplicas");
  }

  @Test
  void validateMissingFields() {
    ScheduleSpec window = window(null, null, " ", null, 0, null);

    assertThat(ScheduleWindows.validate(List.of(window))).containsExactly(
        "spec.schedules[0].name: missing; give a DNS label such as business-hours",
        "spec.schedules[0].start: missing; give a five-field cron expression such as"
            + " 0 8 * * 1-5",
        "spec.schedules[0].end: missing; give a five-field cron expression such as 0 8 * * 1-5",
        "spec.schedules[0].timeZone: missing; use an IANA name such as Europe/Berlin",
        "spec.schedules[0].minReplicas: 0 is less than 1");
  }

  @Test
  void validateInvalidNameAndSameStartEnd() {
    ScheduleSpec window = window("Peak_Hours", "0 8 * * *", "0 8 * * *", NEW_YORK, null, null);

    assertThat(ScheduleWindows.validate(List.of(window))).containsExactly(
        "spec.schedules[0].name: invalid window name \"Peak_Hours\"; use at most 20 lower-case"
            + " letters, digits and dashes, starting and ending with a letter or digit",
        "spec.schedules[0].end: the same schedule as start \"0 8 * * *\", so the window is"
            + " never active; give a different end time");
  }
}
