#include "auth/clock.h"

#include <fmt/chrono.h>

#include <cstdio>
#include <ctime>

namespace techmarket::auth {

TimePoint SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string format_time(TimePoint time) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(time)));
}

std::optional<TimePoint> parse_time(const std::string& text) {
  std::tm parts{};
  char zone = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &parts.tm_year, &parts.tm_mon,
                  &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &zone,
                  &consumed) != 7 ||
      zone != 'Z' || static_cast<std::size_t>(consumed) != text.size()) {
    return std::nullopt;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  return TimePoint(std::chrono::seconds(timegm(&parts)));
}

std::string format_date(TimePoint time) {
  return fmt::format("{:%Y-%m-%d}", fmt::gmtime(std::chrono::system_clock::to_time_t(time)));
}

std::string vietnam_date(TimePoint time) { return format_date(time + std::chrono::hours(7)); }

std::string vietnam_today() {
  return vietnam_date(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace techmarket::auth
