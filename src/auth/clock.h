// The time source of sessions, sign-in limits and reset tokens. Tests inject
// a ManualClock so they can move past a lock or an expiry without sleeping.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace techmarket::auth {

using TimePoint = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock : public Clock {
 public:
  TimePoint now() const override;
};

// A clock that moves only when told to. Thread-safe.
class ManualClock : public Clock {
 public:
  explicit ManualClock(TimePoint start) : seconds_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(std::chrono::seconds(seconds_.load())); }
  void advance(std::chrono::seconds by) { seconds_ += by.count(); }

 private:
  std::atomic<long long> seconds_;
};

// Formats `time` as ISO 8601 UTC with seconds, "2026-12-04T14:21:06Z"; these
// strings sort in time order, so SQL compares them as text.
std::string format_time(TimePoint time);
// Parses text made by format_time; returns std::nullopt for anything else.
std::optional<TimePoint> parse_time(const std::string& text);
// Formats the UTC calendar date of `time`, "2026-12-04".
std::string format_date(TimePoint time);
// Formats the calendar date of `time` in Vietnam (UTC+7, no daylight saving
// time), "2026-12-04".
std::string vietnam_date(TimePoint time);
// Returns today's date in Vietnam, as vietnam_date does for the current time.
std::string vietnam_today();

}  // namespace techmarket::auth
