#include "dr/scenarios.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// The month of recovery_math_test.cc: 100 GiB, 8 GiB of WAL a day, 8 vCPU, 1000 MiB/s volumes,
// 10 HTTP pods, two instances; default settings.
RecoveryMonth ScenarioMonth() {
  RecoveryMonth m;
  m.database_gib = 100;
  m.wal_gib_per_day = 8;
  m.postgres_vcpu = 8;
  m.postgres_instances = 2;
  m.volume_mib_s = 1000;
  m.odoo_pods = 10;
  return m;
}

TEST(Scenarios, PointInTimeRecoveryAddsProvisioningRestoreReplayAndValidation) {
  const DrSettings s;
  const ScenarioOutcome o =
      EvaluateScenario(Scenario::kPointInTime, ScenarioMonth(), RecoveryDesign{}, s);
  // 5 + 102.4 s + 1146.88 s + 15 = 5 + 1.70667 + 19.11467 + 15 = 40.82133 min.
  EXPECT_NEAR(o.rto_minutes, 5 + 102.4 / 60 + 1146.88 / 60 + 15, 1e-9);
  ASSERT_EQ(o.rto.size(), 4u);
  EXPECT_EQ(o.rto[2].name, "WAL replay");
  // RPO: the segment fills in 168.75 s and uploads in 0.16 s.
  EXPECT_NEAR(o.rpo_minutes, 168.91 / 60, 1e-9);
  EXPECT_TRUE(o.recoverable);
}

TEST(Scenarios, ZoneFailurePromotesAStandbyOrRestoresWithoutOne) {
  const DrSettings s;
  RecoveryMonth m = ScenarioMonth();
  ScenarioOutcome o = EvaluateScenario(Scenario::kZoneFailure, m, RecoveryDesign{}, s);
  EXPECT_DOUBLE_EQ(o.rto_minutes, 1.0);       // failover_s 60
  EXPECT_DOUBLE_EQ(o.rpo_minutes, 5.0 / 60);  // async lag 5 s
  RecoveryDesign sync;
  sync.synchronous_standby = true;
  EXPECT_DOUBLE_EQ(EvaluateScenario(Scenario::kZoneFailure, m, sync, s).rpo_minutes, 0.0);
  m.synchronous_standby = true;  // the plan's own synchronous standby counts too
  EXPECT_DOUBLE_EQ(EvaluateScenario(Scenario::kZoneFailure, m, RecoveryDesign{}, s).rpo_minutes,
                   0.0);
  m.postgres_instances = 1;  // no standby: point-in-time recovery
  o = EvaluateScenario(Scenario::kZoneFailure, m, RecoveryDesign{}, s);
  EXPECT_NEAR(o.rto_minutes, 5 + 102.4 / 60 + 1146.88 / 60 + 15, 1e-9);
}

TEST(Scenarios, RegionalOutageNeedsACopyOutsideTheRegion) {
  const DrSettings s;
  const RecoveryMonth m = ScenarioMonth();
  const ScenarioOutcome none = EvaluateScenario(Scenario::kRegionalOutage, m, RecoveryDesign{}, s);
  EXPECT_FALSE(none.recoverable);

  RecoveryDesign cold;
  cold.secondary = SecondaryRegion::kCold;
  cold.volume_snapshots = true;  // snapshots stay behind: the base comes from the repository
  const ScenarioOutcome c = EvaluateScenario(Scenario::kRegionalOutage, m, cold, s);
  // 45 rebuild + 102.4 s restore + 1146.88 s replay (a week of WAL: the weekly base backup)
  // + 15 validation + 5 DNS TTL + 5 ingress.
  EXPECT_NEAR(c.rto_minutes, 45 + 102.4 / 60 + 1146.88 / 60 + 15 + 5 + 5, 1e-9);
  EXPECT_NEAR(c.rpo_minutes, 168.91 / 60 + 15, 1e-9);

  RecoveryDesign warm;
  warm.secondary = SecondaryRegion::kWarm;
  const ScenarioOutcome w = EvaluateScenario(Scenario::kRegionalOutage, m, warm, s);
  EXPECT_DOUBLE_EQ(w.rto_minutes, 5 + 15 + 5);  // promote, validate, DNS TTL
  EXPECT_DOUBLE_EQ(w.rpo_minutes, 5.0 / 60);
}

TEST(Scenarios, ApplicationFailureLosesNoData) {
  const ScenarioOutcome o = EvaluateScenario(Scenario::kApplicationFailure, ScenarioMonth(),
                                             RecoveryDesign{}, DrSettings{});
  EXPECT_DOUBLE_EQ(o.rto_minutes, 9.0);
  EXPECT_DOUBLE_EQ(o.rpo_minutes, 0.0);
}

}  // namespace
}  // namespace headroom
