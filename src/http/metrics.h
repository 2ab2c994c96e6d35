// Process-wide counters exported at /metrics in the Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace techmarket::http {

class Metrics {
 public:
  // Records one finished request with its status code and duration.
  void record_request(int status, double seconds);
  void add_in_flight(int delta) { in_flight_ += delta; }
  int in_flight() const { return in_flight_.load(); }

  // Renders every metric; `extra` appends gauges that the caller computes.
  std::string render(const std::string& extra) const;

 private:
  static constexpr std::array<double, 8> kBucketBounds = {0.001, 0.005, 0.01, 0.05,
                                                          0.1,   0.5,   1.0,  5.0};
  std::array<std::atomic<std::uint64_t>, 6> requests_by_class_{};  // 1xx..5xx, other
  std::array<std::atomic<std::uint64_t>, kBucketBounds.size()> duration_buckets_{};
  std::atomic<std::uint64_t> duration_count_{0};
  std::atomic<std::uint64_t> duration_micros_sum_{0};
  std::atomic<int> in_flight_{0};
};

}  // namespace techmarket::http
