#include "observe/sample_text.h"

#include <date/date.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>

namespace headroom {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

std::optional<int> Digits(std::string_view s, size_t at, size_t count) {
  if (at + count > s.size() || !AllDigits(s.substr(at, count))) return std::nullopt;
  return std::stoi(std::string(s.substr(at, count)));
}

std::optional<double> ParseUnixSeconds(std::string_view text) {
  const size_t dot = text.find('.');
  if (!AllDigits(text.substr(0, dot))) return std::nullopt;
  if (dot != std::string_view::npos && !AllDigits(text.substr(dot + 1))) return std::nullopt;
  if ((dot == std::string_view::npos ? text.size() : dot) > 12)
    return std::nullopt;  // beyond year 33658: not a sample time
  return std::strtod(std::string(text).c_str(), nullptr);
}

// Offset of a "Z", "+hh:mm" or "-hh:mm" zone suffix, in seconds east of UTC.
std::optional<int> ParseZone(std::string_view zone) {
  if (zone == "Z" || zone == "z") return 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  auto hours = Digits(zone, 1, 2);
  auto minutes = Digits(zone, 4, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const int seconds = *hours * 3600 + *minutes * 60;
  return zone[0] == '+' ? seconds : -seconds;
}

// RFC 3339 section 5.6: date-time = full-date "T" full-time.
std::optional<double> ParseRfc3339(std::string_view text) {
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  auto year = Digits(text, 0, 4);
  auto month = Digits(text, 5, 2);
  auto day = Digits(text, 8, 2);
  auto hour = Digits(text, 11, 2);
  auto minute = Digits(text, 14, 2);
  auto second = Digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                 date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  size_t at = 19;
  double fraction = 0;
  if (at < text.size() && text[at] == '.') {
    size_t end = at + 1;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
    if (end == at + 1) return std::nullopt;
    fraction = std::strtod(std::string(text.substr(at, end - at)).c_str(), nullptr);
    at = end;
  }
  auto zone = ParseZone(text.substr(at));
  if (!zone) return std::nullopt;
  const auto days = date::sys_days{ymd}.time_since_epoch().count();
  return static_cast<double>(days) * 86400.0 + *hour * 3600.0 + *minute * 60.0 + *second +
         fraction - *zone;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<double> ParseTimestamp(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.size() >= 20 && text[4] == '-') return ParseRfc3339(text);
  return ParseUnixSeconds(text);
}

SampleValue ParseSampleValue(std::string_view text) {
  for (std::string_view word : {"nan", "inf", "+inf", "-inf"}) {
    if (EqualsIgnoreCase(text, word)) return {SampleKind::kNotFinite, 0};
  }
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])) != 0) return {};
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return {};
  // strtod also reads "infinity", "nan(...)" and hex floats: only plain decimals are numbers.
  for (char c : copy) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0 && c != 'e' && c != 'E') return {};
  }
  if (!std::isfinite(value)) return {SampleKind::kNotFinite, 0};
  return {SampleKind::kNumber, value};
}

}  // namespace headroom
