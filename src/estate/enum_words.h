#pragma once
// The words estate.yaml and catalog files use for each enum of the model (lower case,
// snake_case), in one place so the readers parse them and reports print them the same way.

#include <string_view>
#include <utility>
#include <vector>

#include "estate/model.h"
#include "sizing/node_type.h"

namespace headroom {

template <typename E>
using EnumWords = std::vector<std::pair<std::string_view, E>>;

const EnumWords<TenantKind>& TenantKindWords();  // legal_entity subsidiary business_unit
const EnumWords<EventKind>& EventKindWords();    // month_end payroll monthly weekly onboarding
const EnumWords<PayrollSchedule>& PayrollScheduleWords();  // monthly biweekly
const EnumWords<GrowthKind>& GrowthKindWords();            // step ramp acquisition
const EnumWords<AuditBoundary>& AuditBoundaryWords();      // shared strict
const EnumWords<Intensity>& IntensityWords();              // low medium high
const EnumWords<HostingChoice>& HostingChoiceWords();      // auto shared dedicated
// general_purpose compute_optimised memory_optimised (catalog node types).
const EnumWords<NodeClass>& NodeClassWords();
// monday .. sunday, for weekday numbers 0 .. 6.
const std::vector<std::string_view>& WeekdayWords();

// The word for a value; "" for a value outside the table.
template <typename E>
std::string_view WordOf(const EnumWords<E>& words, E value) {
  for (const auto& [word, v] : words) {
    if (v == value) return word;
  }
  return {};
}

}  // namespace headroom
