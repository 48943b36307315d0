#pragma once
// The four failure scenarios of the recovery table (the seed's "Backup and disaster recovery"
// section), each turned into an achievable RTO and RPO for one month under one design:
//
//   application failure   redeploy the previous release (rolling update)      RPO 0
//   database corruption   point-in-time recovery from base backup + WAL         RPO = archive lag
//   zone or node failure  promote a standby (restore from backup if none)      RPO = standby lag
//   regional outage       second region: rebuild from replicated backups or    RPO = archive lag
//                         promote a replica cluster                               + copy lag
//
// docs/dr.md gives each formula and a worked example.

#include <array>
#include <string>
#include <vector>

#include "dr/recovery_math.h"

namespace headroom {

enum class Scenario { kApplicationFailure, kPointInTime, kZoneFailure, kRegionalOutage };

inline constexpr std::array<Scenario, 4> kScenarios = {
    Scenario::kApplicationFailure, Scenario::kPointInTime, Scenario::kZoneFailure,
    Scenario::kRegionalOutage};

// "application failure", "database corruption", "zone or node failure", "regional outage".
const char* ScenarioName(Scenario s);
// "application_failure", ...: the key plan.json uses.
const char* ScenarioKey(Scenario s);

struct ScenarioOutcome {
  Scenario scenario = Scenario::kApplicationFailure;
  // False when the design has nothing to recover from (a regional outage with every copy in
  // the lost region): RTO and RPO are then unbounded and reported as 0 with this flag.
  bool recoverable = true;
  std::string approach;           // how recovery is done under this design
  std::vector<RecoveryTerm> rto;  // the parts of the recovery time
  double rto_minutes = 0;         // their sum
  double rpo_minutes = 0;
  std::string rpo_reason;  // what bounds the data lost
};

ScenarioOutcome EvaluateScenario(Scenario scenario, const RecoveryMonth& month,
                                 const RecoveryDesign& design, const DrSettings& settings);

}  // namespace headroom
