#include "dr/scenarios.h"

#include <fmt/format.h>

#include <algorithm>

namespace headroom {
namespace {

// The restore path shared by point-in-time recovery and the cold second region: a base from
// the backup repository (or a snapshot), the WAL since it replayed on one core, and the
// runbook's validation. Attachments need no restore: they live in object storage (versioned,
// and replicated when a second region is designed), so they are not part of the database's RTO.
void AddRestoreTerms(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s,
                     std::vector<RecoveryTerm>& terms) {
  terms.push_back({d.volume_snapshots ? "volume from snapshot" : "base backup restore",
                   BaseRestoreMinutes(m, d, s)});
  terms.push_back({"WAL replay", WalReplayMinutes(m, d, s)});
  if (s.restore_start_s > 0) terms.push_back({"server start", s.restore_start_s / 60.0});
  terms.push_back({"validation", s.validation_minutes});
}

std::string BaseDescription(const RecoveryDesign& d) {
  if (d.volume_snapshots) return "daily volume snapshot";
  return d.base_backups_per_week >= 7
             ? "daily base backup"
             : fmt::format("base backup {} a week", d.base_backups_per_week);
}

ScenarioOutcome ApplicationFailure(const RecoveryMonth& m, const DrSettings& s) {
  ScenarioOutcome o;
  o.approach = "roll the Odoo Deployment back to the previous image";
  o.rto = {{"detection and rollback", RollbackMinutes(m, s)}};
  o.rpo_reason = "no data is lost: the database is untouched";
  return o;
}

ScenarioOutcome PointInTime(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  ScenarioOutcome o;
  o.approach =
      fmt::format("point-in-time recovery from the {} and the WAL archive", BaseDescription(d));
  o.rto.push_back({"provisioning", s.provisioning_minutes});
  AddRestoreTerms(m, d, s, o.rto);
  o.rpo_minutes = ArchiveLagSeconds(m, d, s) / 60.0;
  o.rpo_reason = fmt::format("WAL archive lag (archive_timeout {:.0f} s, segment upload)",
                             d.archive_timeout_s);
  return o;
}

ScenarioOutcome ZoneFailure(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  if (m.postgres_instances + d.extra_instances < 2) {
    ScenarioOutcome o = PointInTime(m, d, s);
    o.approach = "no standby: " + o.approach;
    return o;
  }
  ScenarioOutcome o;
  const bool sync = d.synchronous_standby || m.synchronous_standby;
  o.approach =
      fmt::format("promote the {} standby in another zone", sync ? "synchronous" : "asynchronous");
  o.rto = {{"failover", s.failover_s / 60.0}};
  o.rpo_minutes = sync ? 0.0 : s.async_standby_lag_s / 60.0;
  o.rpo_reason = sync ? "synchronous replication (dataDurability: required): no commit is lost"
                      : "asynchronous standby lag";
  return o;
}

ScenarioOutcome RegionalOutage(const RecoveryMonth& m, const RecoveryDesign& d,
                               const DrSettings& s) {
  ScenarioOutcome o;
  switch (d.secondary) {
    case SecondaryRegion::kNone:
      o.recoverable = false;
      o.approach = "none: backups and attachments live only in the lost region";
      o.rpo_reason = "every copy is in the lost region";
      return o;
    case SecondaryRegion::kCold:
      o.approach = fmt::format(
          "rebuild in the second region from GitOps and the replicated {} and WAL archive",
          BaseDescription(d));
      o.rto.push_back({"rebuild the platform", s.secondary_region_cold_minutes});
      {
        // Snapshots stay in the lost region: the base comes from the replicated repository.
        RecoveryDesign from_repository = d;
        from_repository.volume_snapshots = false;
        AddRestoreTerms(m, from_repository, s, o.rto);
      }
      o.rpo_minutes = ArchiveLagSeconds(m, d, s) / 60.0 + s.cross_region_copy_minutes;
      o.rpo_reason = "WAL archive lag plus cross-region replication of the archive";
      break;
    case SecondaryRegion::kWarm:
      o.approach = "promote the replica cluster running in the second region";
      o.rto.push_back({"promote the replica cluster", s.secondary_region_warm_minutes});
      o.rto.push_back({"validation", s.validation_minutes});
      o.rpo_minutes = s.async_standby_lag_s / 60.0;
      o.rpo_reason = "asynchronous streaming lag to the replica cluster";
      break;
  }
  o.rto.push_back({"DNS failover (TTL)", s.dns_ttl_s / 60.0});
  if (d.secondary == SecondaryRegion::kCold) {
    o.rto.push_back({"ingress and load balancer", s.ingress_recovery_minutes});
  }
  return o;
}

}  // namespace

const char* ScenarioName(Scenario s) {
  switch (s) {
    case Scenario::kApplicationFailure:
      return "application failure";
    case Scenario::kPointInTime:
      return "database corruption";
    case Scenario::kZoneFailure:
      return "zone or node failure";
    case Scenario::kRegionalOutage:
      return "regional outage";
  }
  return "";
}

const char* ScenarioKey(Scenario s) {
  switch (s) {
    case Scenario::kApplicationFailure:
      return "application_failure";
    case Scenario::kPointInTime:
      return "database_corruption";
    case Scenario::kZoneFailure:
      return "zone_failure";
    case Scenario::kRegionalOutage:
      return "regional_outage";
  }
  return "";
}

ScenarioOutcome EvaluateScenario(Scenario scenario, const RecoveryMonth& month,
                                 const RecoveryDesign& design, const DrSettings& settings) {
  ScenarioOutcome o;
  switch (scenario) {
    case Scenario::kApplicationFailure:
      o = ApplicationFailure(month, settings);
      break;
    case Scenario::kPointInTime:
      o = PointInTime(month, design, settings);
      break;
    case Scenario::kZoneFailure:
      o = ZoneFailure(month, design, settings);
      break;
    case Scenario::kRegionalOutage:
      o = RegionalOutage(month, design, settings);
      break;
  }
  o.scenario = scenario;
  o.rto_minutes = Sum(o.rto);
  return o;
}

}  // namespace headroom
