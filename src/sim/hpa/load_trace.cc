#include "sim/hpa/load_trace.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace headroom::hpa {
namespace {

constexpr size_t kMaxTraceErrors = 100;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<double> ParseDecimal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Shows at most 40 characters of a field in a message.
std::string Shown(std::string_view text) {
  if (text.size() <= 40) return std::string(text);
  return std::string(text.substr(0, 40)) + "...";
}

class TraceParser {
 public:
  explicit TraceParser(std::string_view file) : file_(file) {}

  void Line(std::string_view raw, int line) {
    const std::string_view text = Trim(raw);
    if (text.empty() || text.front() == '#') return;
    if (!has_header_) return Header(text, line);
    const size_t comma = text.find(',');
    if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos) {
      return Fail(line, "expected two fields: time_s,load");
    }
    const std::string_view time_text = Trim(text.substr(0, comma));
    const std::string_view load_text = Trim(text.substr(comma + 1));
    const std::optional<double> time = ParseDecimal(time_text);
    const std::optional<double> load = ParseDecimal(load_text);
    if (!time) return Fail(line, fmt::format("time_s '{}' is not a number", Shown(time_text)));
    if (!load) return Fail(line, fmt::format("load '{}' is not a number", Shown(load_text)));
    if (*load < 0) return Fail(line, fmt::format("load {} is negative", Shown(load_text)));
    if (!trace_.points.empty() && *time <= trace_.points.back().time_s) {
      return Fail(line, fmt::format("time_s {} does not increase (the previous row has {})",
                                    Shown(time_text), trace_.points.back().time_s));
    }
    trace_.points.push_back({*time, *load});
  }

  Result<LoadTrace> Finish() {
    if (!has_header_)
      Fail(0, "the trace is empty; expected the header time_s,requests_per_s or time_s,cpu_cores");
    if (has_header_ && errors_.empty() && trace_.points.size() < 2) {
      Fail(0, "the trace needs at least two rows");
    }
    if (!errors_.empty()) return errors_;
    return trace_;
  }

  [[nodiscard]] bool full() const { return errors_.size() >= kMaxTraceErrors; }

 private:
  void Header(std::string_view text, int line) {
    has_header_ = true;
    std::string header(text);
    header.erase(std::remove(header.begin(), header.end(), ' '), header.end());
    if (header == "time_s,requests_per_s") {
      trace_.unit = LoadUnit::kRequestsPerS;
    } else if (header == "time_s,cpu_cores") {
      trace_.unit = LoadUnit::kCpuCores;
    } else {
      Fail(line, fmt::format("the header '{}' is not time_s,requests_per_s or time_s,cpu_cores",
                             Shown(text)));
    }
  }

  void Fail(int line, std::string message) {
    if (full()) return;
    errors_.push_back(InvalidError(std::move(message), Location{std::string(file_), line, 0, ""}));
  }

  std::string_view file_;
  bool has_header_ = false;
  LoadTrace trace_;
  Errors errors_;
};

}  // namespace

double LoadTrace::end_s() const {
  const size_t n = points.size();
  return points[n - 1].time_s + (points[n - 1].time_s - points[n - 2].time_s);
}

double LoadTrace::LoadAt(double time_s) const {
  auto it = std::upper_bound(points.begin(), points.end(), time_s,
                             [](double t, const LoadPoint& p) { return t < p.time_s; });
  if (it == points.begin()) return points.front().load;
  return std::prev(it)->load;
}

std::string_view LoadUnitName(LoadUnit unit) {
  return unit == LoadUnit::kRequestsPerS ? "requests_per_s" : "cpu_cores";
}

Result<LoadTrace> ParseLoadTrace(std::string_view text, std::string_view file_name) {
  if (text.size() > kMaxTraceBytes) {
    return InvalidError(fmt::format("the file is {} bytes, over the limit of {} bytes", text.size(),
                                    kMaxTraceBytes),
                        Location{std::string(file_name), 0, 0, ""});
  }
  TraceParser parser(file_name);
  int line = 0;
  size_t start = 0;
  while (start <= text.size() && !parser.full()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    parser.Line(text.substr(start, end - start), ++line);
    start = end + 1;
  }
  return parser.Finish();
}

}  // namespace headroom::hpa
