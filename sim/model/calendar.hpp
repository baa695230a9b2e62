#pragma once

// Civil (proleptic Gregorian) dates and the day arithmetic the model needs. Simulation time is in days
// since the start date of the window; these helpers convert between the two.

#include <compare>
#include <cstdint>
#include <string>

namespace hsim::model {

// Mean length of a year, for converting yearly rates and person-days.
inline constexpr double days_per_year = 365.25;

struct CivilDate {
  int year = 2014;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31

  friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (H. Hinnant's days_from_civil algorithm).
constexpr std::int64_t days_since_epoch(const CivilDate& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);
  const unsigned m = date.month;
  const unsigned day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

// The date `days` after 1970-01-01 (H. Hinnant's civil_from_days algorithm).
constexpr CivilDate civil_from_epoch_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(year_of_era) + era * 400;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned d = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

// Whole days from `from` to `to` (negative when `to` is earlier).
constexpr std::int64_t days_between(const CivilDate& from, const CivilDate& to) {
  return days_since_epoch(to) - days_since_epoch(from);
}

// The date `days` whole days after `date`.
constexpr CivilDate add_days(const CivilDate& date, std::int64_t days) {
  return civil_from_epoch_days(days_since_epoch(date) + days);
}

// The whole day that contains the time `day_offset` (rounded down, also before the start).
constexpr std::int64_t whole_day(double day_offset) {
  const auto truncated = static_cast<std::int64_t>(day_offset);
  return static_cast<double>(truncated) > day_offset ? truncated - 1 : truncated;
}

// The calendar date of the day `day_offset` days after `start`.
constexpr CivilDate date_of(const CivilDate& start, double day_offset) {
  return add_days(start, whole_day(day_offset));
}

// The calendar year of the day `day_offset` days after `start`.
constexpr int year_of(const CivilDate& start, double day_offset) {
  return date_of(start, day_offset).year;
}

// Day offset (from `start`) at which a notice given on day `day_offset` runs out when it runs `months`
// whole calendar months from the end of the month it was given in (Husleieloven section 9-6): the first
// day of the month after the last of them.
constexpr std::int64_t notice_expiry_day(const CivilDate& start, double day_offset, int months) {
  const CivilDate given = date_of(start, day_offset);
  const int month_index = given.year * 12 + static_cast<int>(given.month) - 1 + months + 1;
  return days_between(start, CivilDate{month_index / 12, static_cast<unsigned>(month_index % 12) + 1, 1});
}

// Day offset (from `start`) of 1 January of `year`.
constexpr std::int64_t first_day_of_year(const CivilDate& start, int year) {
  return days_between(start, CivilDate{year, 1, 1});
}

constexpr bool is_valid(const CivilDate& date) {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  constexpr unsigned month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  const unsigned last = date.month == 2 && leap ? 29 : month_days[date.month - 1];
  return date.day <= last;
}

// ISO 8601 text, e.g. "2016-12-31".
inline std::string to_iso_string(const CivilDate& date) {
  char buffer[16];
  const auto two = [](unsigned v, char* out) {
    out[0] = static_cast<char>('0' + v / 10);
    out[1] = static_cast<char>('0' + v % 10);
  };
  std::string year = std::to_string(date.year);
  while (year.size() < 4) year.insert(year.begin(), '0');
  two(date.month, buffer);
  two(date.day, buffer + 2);
  return year + "-" + std::string(buffer, 2) + "-" + std::string(buffer + 2, 2);
}

}  // namespace hsim::model
