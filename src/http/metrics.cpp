#include "http/metrics.h"

#include <fmt/format.h>

namespace techmarket::http {

void Metrics::record_request(int status, double seconds) {
  int status_class = status / 100;
  size_t slot = status_class >= 1 && status_class <= 5 ? static_cast<size_t>(status_class - 1) : 5;
  ++requests_by_class_[slot];

  for (size_t i = 0; i < kBucketBounds.size(); ++i) {
    if (seconds <= kBucketBounds[i]) ++duration_buckets_[i];
  }
  ++duration_count_;
  duration_micros_sum_ += static_cast<std::uint64_t>(seconds * 1e6);
}

std::string Metrics::render(const std::string& extra) const {
  static constexpr const char* kClassLabels[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
  std::string out;
  out += "# HELP techmarket_http_requests_total HTTP requests answered, by status class.\n";
  out += "# TYPE techmarket_http_requests_total counter\n";
  for (size_t i = 0; i < requests_by_class_.size(); ++i) {
    out += fmt::format("techmarket_http_requests_total{{code=\"{}\"}} {}\n", kClassLabels[i],
                       requests_by_class_[i].load());
  }

  out += "# HELP techmarket_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE techmarket_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < kBucketBounds.size(); ++i) {
    out += fmt::format("techmarket_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                       kBucketBounds[i], duration_buckets_[i].load());
  }
  out += fmt::format("techmarket_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n",
                     duration_count_.load());
  out += fmt::format("techmarket_http_request_duration_seconds_sum {:.6f}\n",
                     static_cast<double>(duration_micros_sum_.load()) / 1e6);
  out += fmt::format("techmarket_http_request_duration_seconds_count {}\n", duration_count_.load());

  out += "# HELP techmarket_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE techmarket_http_requests_in_flight gauge\n";
  out += fmt::format("techmarket_http_requests_in_flight {}\n", in_flight_.load());
  out += extra;
  return out;
}

}  // namespace techmarket::http
