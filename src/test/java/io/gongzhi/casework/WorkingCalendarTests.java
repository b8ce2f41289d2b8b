package io.gongzhi.casework;

import io.gongzhi.casework.internal.WorkingCalendar;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time limits count working days of Chengdu's calendar: weekends, public holidays and the weekend days worked in exchange. */
@SpringBootTest
class WorkingCalendarTests {

    @Autowired
    WorkingCalendar calendar;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.CHINA).toInstant();
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysAndCountExchangedWeekendDays() {
        // Friday afternoon, one working day: Monday afternoon
        assertThat(calendar.deadline(at("2026-11-20T15:00"), TimeLimit.URGENT)).isEqualTo(at("2026-11-23T15:00"));
        // Saturday: counting starts on Monday morning, so two working days end on Wednesday at midnight
        assertThat(calendar.deadline(at("2026-11-21T10:00"), TimeLimit.NORMAL)).isEqualTo(at("2026-11-25T00:00"));
        // Friday 13 February 2026: Saturday the 14th is worked in exchange, then the Spring Festival until the 23rd
        assertThat(calendar.deadline(at("2026-02-13T10:00"), TimeLimit.NORMAL)).isEqualTo(at("2026-02-24T10:00"));
        assertThat(calendar.working(LocalDate.of(2026, 10, 10))).as("a Saturday worked after National Day").isTrue();
        assertThat(calendar.working(LocalDate.of(2026, 10, 5))).as("a Monday of the National Day holiday").isFalse();
        // an emergency runs on the clock, holiday or not
        assertThat(calendar.deadline(at("2026-10-01T22:00"), TimeLimit.CRITICAL)).isEqualTo(at("2026-10-02T02:00"));
    }

    @Test
    void aYearIsReplacedWholeAndBadDaysAreNamed() {
        var committee = CaseActors.of(9100, io.gongzhi.identity.Role.CITY_COMMITTEE, "/5101");
        calendar.replace(2031, List.of(new WorkingCalendar.Day(LocalDate.of(2031, 1, 1), false, "元旦"),
                new WorkingCalendar.Day(LocalDate.of(2031, 1, 4), true, "调休")), committee);
        assertThat(calendar.working(LocalDate.of(2031, 1, 1))).isFalse();
        assertThat(calendar.working(LocalDate.of(2031, 1, 4))).as("a Saturday worked").isTrue();
        assertThat(calendar.days(2031)).hasSize(2);

        assertThatThrownBy(() -> calendar.replace(2031, List.of(
                new WorkingCalendar.Day(LocalDate.of(2032, 1, 1), false, ""),
                new WorkingCalendar.Day(LocalDate.of(2031, 3, 3), true, ""),
                new WorkingCalendar.Day(LocalDate.of(2031, 5, 1), false, ""),
                new WorkingCalendar.Day(LocalDate.of(2031, 5, 1), false, "")), committee))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code).containsExactly(
                        "casework.calendar.other-year", "casework.calendar.no-change", "casework.calendar.twice"));
        assertThat(calendar.days(2031)).as("nothing changed").hasSize(2);
    }
}
