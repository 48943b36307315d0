#pragma once
// What a stronger recovery design costs, and the cheapest one that meets an objective.
//
// The changes tried, alone and combined (docs/dr.md): daily base backups (less WAL to replay),
// a shorter archive_timeout (smaller archive lag), daily volume snapshots (the base restores in
// minutes), a synchronous standby (zone failure loses nothing; three instances so that losing
// the standby does not stop writes), provisioned volume throughput (faster backup and restore),
// and a second region, cold (replicated backups and attachments, rebuilt from GitOps) or warm
// (a replica cluster streaming from the primary).

#include <string>
#include <vector>

#include "cost/catalog.h"
#include "dr/recovery_math.h"
#include "dr/scenarios.h"
#include "sizing/storage_sizer.h"

namespace headroom {

struct RemedyPrices {
  const Catalog* catalog = nullptr;  // REQUIRES: not null
  StorageSettings storage;           // the plan's backup schedule and retention
  DrSettings dr;
};

// What `design` costs per month beyond `current` for the month's data (never negative: a design
// is only ever stronger than the current one). In the catalog's currency.
double ExtraMonthlyCost(const RecoveryMonth& m, const RecoveryDesign& current,
                        const RecoveryDesign& design, const RemedyPrices& prices);

// The changes from `current` to `design`, in words ("daily base backups", ...).
std::vector<std::string> DescribeChanges(const RecoveryDesign& current,
                                         const RecoveryDesign& design);

// Every design reachable from `current` by the changes above, `current` first, in a fixed order.
std::vector<RecoveryDesign> CandidateDesigns(const RecoveryDesign& current, const DrSettings& s,
                                             int postgres_instances);

}  // namespace headroom
