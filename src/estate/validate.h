#pragma once
// Semantic checks on a built Estate: value ranges, interval order, percentages that must sum to
// 100, months inside the planning horizon, real dates, real IANA time zones, unique names, and
// references between sections (request classes and events named by tenants and events). The
// YAML reader runs it on every estate it builds; code that builds or changes an estate (a
// calibration) can run it too.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/year_month.h"  // IsIsoDate, used with these checks
#include "estate/model.h"
#include "estate/source_map.h"

namespace headroom {

// Past this many errors a report stops listing them: nobody reads a million lines, and an input
// that produces them (a 4 MiB list of one wrong name) must not cost a gigabyte.
inline constexpr size_t kMaxErrors = 1000;

// The last error of a truncated list: "too many errors; only the first 1000 are shown".
Error TooManyErrors(const std::string& file);

// Every problem found, in the estate's order (empty when the estate is valid). Each error names
// its field path ("tenants[0].sites.growth[2].month") and takes its file position from
// `sources` (only the path when the field was not written in a file). At most kMaxErrors are
// listed; when there are more, TooManyErrors() follows them (kMaxErrors + 1 in all).
Errors ValidateEstate(const Estate& estate, const SourceMap& sources = SourceMap());

// True when `name` is a time zone of the IANA database on this machine (date::locate_zone).
bool IsKnownTimeZone(std::string_view name);

}  // namespace headroom
