#include "estate/enum_words.h"

namespace headroom {

const EnumWords<TenantKind>& TenantKindWords() {
  static const EnumWords<TenantKind> words = {{"legal_entity", TenantKind::kLegalEntity},
                                              {"subsidiary", TenantKind::kSubsidiary},
                                              {"business_unit", TenantKind::kBusinessUnit}};
  return words;
}

const EnumWords<EventKind>& EventKindWords() {
  static const EnumWords<EventKind> words = {{"month_end", EventKind::kMonthEnd},
                                             {"payroll", EventKind::kPayroll},
                                             {"monthly", EventKind::kMonthly},
                                             {"weekly", EventKind::kWeekly},
                                             {"onboarding", EventKind::kOnboarding}};
  return words;
}

const EnumWords<PayrollSchedule>& PayrollScheduleWords() {
  static const EnumWords<PayrollSchedule> words = {{"monthly", PayrollSchedule::kMonthly},
                                                   {"biweekly", PayrollSchedule::kBiweekly}};
  return words;
}

const EnumWords<GrowthKind>& GrowthKindWords() {
  static const EnumWords<GrowthKind> words = {{"step", GrowthKind::kStep},
                                              {"ramp", GrowthKind::kRamp},
                                              {"acquisition", GrowthKind::kAcquisition}};
  return words;
}

const EnumWords<AuditBoundary>& AuditBoundaryWords() {
  static const EnumWords<AuditBoundary> words = {{"shared", AuditBoundary::kShared},
                                                 {"strict", AuditBoundary::kStrict}};
  return words;
}

const EnumWords<Intensity>& IntensityWords() {
  static const EnumWords<Intensity> words = {
      {"low", Intensity::kLow}, {"medium", Intensity::kMedium}, {"high", Intensity::kHigh}};
  return words;
}

const EnumWords<HostingChoice>& HostingChoiceWords() {
  static const EnumWords<HostingChoice> words = {{"auto", HostingChoice::kAuto},
                                                 {"shared", HostingChoice::kShared},
                                                 {"dedicated", HostingChoice::kDedicated}};
  return words;
}

const EnumWords<NodeClass>& NodeClassWords() {
  static const EnumWords<NodeClass> words = {{"general_purpose", NodeClass::kGeneralPurpose},
                                             {"compute_optimised", NodeClass::kComputeOptimised},
                                             {"memory_optimised", NodeClass::kMemoryOptimised}};
  return words;
}

const std::vector<std::string_view>& WeekdayWords() {
  static const std::vector<std::string_view> words = {"monday", "tuesday",  "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};
  return words;
}

}  // namespace headroom
