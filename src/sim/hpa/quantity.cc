#include "sim/hpa/quantity.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>

namespace headroom::hpa {
namespace {

__extension__ using Int128 = __int128;  // exact arithmetic for mantissa × 10^k × 2^b

constexpr int kMaxMantissaDigits = 20;  // 10^20 × 2^60 < 2^127: the Ei shift cannot overflow

struct Parsed {
  bool negative = false;
  Int128 mantissa = 0;  // all digits, the decimal point removed
  int decimal_exp = 0;  // value = mantissa × 10^decimal_exp × 2^binary_exp
  int binary_exp = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads the suffix into the exponents; false for an unknown suffix.
bool ApplySuffix(std::string_view suffix, Parsed* p) {
  static constexpr std::pair<std::string_view, int> kDecimal[] = {
      {"n", -9}, {"u", -6}, {"m", -3}, {"", 0},   {"k", 3},
      {"M", 6},  {"G", 9},  {"T", 12}, {"P", 15}, {"E", 18}};
  static constexpr std::pair<std::string_view, int> kBinary[] = {
      {"Ki", 10}, {"Mi", 20}, {"Gi", 30}, {"Ti", 40}, {"Pi", 50}, {"Ei", 60}};
  for (const auto& [name, exp] : kDecimal) {
    if (suffix == name) {
      p->decimal_exp += exp;
      return true;
    }
  }
  for (const auto& [name, exp] : kBinary) {
    if (suffix == name) {
      p->binary_exp = exp;
      return true;
    }
  }
  if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return false;
  std::string_view digits = suffix.substr(1);
  bool negative = false;
  if (digits[0] == '+' || digits[0] == '-') {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 4) return false;
  int exp = 0;
  for (char c : digits) {
    if (!IsDigit(c)) return false;
    exp = exp * 10 + (c - '0');
  }
  p->decimal_exp += negative ? -exp : exp;
  return true;
}

bool Parse(std::string_view text, Parsed* p) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) p->negative = text[i++] == '-';
  int digits = 0;
  int significant = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!IsDigit(c)) break;
    ++digits;
    if (p->mantissa == 0 && c == '0' && !seen_point) continue;  // leading zeros
    if (significant >= kMaxMantissaDigits) {
      if (!seen_point) ++p->decimal_exp;  // drop digits we cannot hold; keep the magnitude
      continue;
    }
    p->mantissa = p->mantissa * 10 + (c - '0');
    if (p->mantissa != 0) ++significant;
    if (seen_point) --p->decimal_exp;
  }
  return digits > 0 && ApplySuffix(text.substr(i), p);
}

Error NotAQuantity(std::string_view text) {
  return InvalidError(
      fmt::format("'{}' is not a Kubernetes quantity (such as 500m, 2, 0.05, 1.5Gi)", text));
}

}  // namespace

Result<int64_t> ParseQuantityMilli(std::string_view text) {
  Parsed p;
  if (!Parse(text, &p)) return NotAQuantity(text);
  const Error out_of_range = InvalidError(fmt::format("quantity '{}' is out of range", text));
  constexpr Int128 kLimit = std::numeric_limits<int64_t>::max();
  Int128 value = p.mantissa << p.binary_exp;
  int exp = p.decimal_exp + 3;  // milli-units
  for (; exp > 0 && value != 0; --exp) {
    value *= 10;
    if (value > kLimit) return out_of_range;
  }
  if (exp < 0) {
    if (exp < -36) {               // 10^36 is the largest power of ten held exactly
      value = value == 0 ? 0 : 1;  // anything this small rounds up to one milli-unit
    } else {
      Int128 divisor = 1;
      for (; exp < 0; ++exp) divisor *= 10;
      value = (value + divisor - 1) / divisor;  // MilliValue rounds up
    }
  }
  if (value > kLimit) return out_of_range;
  const auto milli = static_cast<int64_t>(value);
  return p.negative ? -milli : milli;
}

Result<double> ParseQuantityDouble(std::string_view text) {
  Parsed p;
  if (!Parse(text, &p)) return NotAQuantity(text);
  const double value = static_cast<double>(p.mantissa) * std::pow(10.0, p.decimal_exp) *
                       std::ldexp(1.0, p.binary_exp);
  if (!std::isfinite(value))
    return InvalidError(fmt::format("quantity '{}' is out of range", text));
  return p.negative ? -value : value;
}

}  // namespace headroom::hpa
