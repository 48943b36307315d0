#pragma once
// From demand to what the sizers see: one MonthLoad per month, for each Monte Carlo sample, for
// the mid evaluation, and at the planning quantile.

#include <vector>

#include "demand/demand.h"
#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/postgres_sizer.h"

namespace headroom {

// Where a MonthLoad's numbers come from.
struct LoadView {
  enum class Kind { kSample, kMid, kQuantile };
  Kind kind = Kind::kMid;
  int sample = 0;  // for kSample
};

// Every month's load for one view. The database size is cumulative: the tenants' initial size
// plus each month's growth (DatabaseGrowthGibPerMonth); documents likewise.
// `cluster_shares` (plan/database_spread.h, per month; empty: none) is copied into each
// month's MonthLoad::cluster_shares.
// REQUIRES: the demand was synthesized from `estate`.
std::vector<MonthLoad> BuildMonthLoads(const Estate& estate, const Demand& demand, LoadView view,
                                       const PostgresSettings& postgres,
                                       const std::vector<std::vector<double>>& cluster_shares = {});

// A class's per-request demands (costs, memory, response size, variability), without rates,
// monthly requests or a target.
ClassLoad ClassDemandsOf(const RequestClass& rc);

// The tightest RPO when no tenant states one.
inline constexpr double kDefaultRpoMinutes = 15.0;

}  // namespace headroom
