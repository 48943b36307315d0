#include "plan/adjust.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plan/pod_queues.h"

namespace headroom {
namespace {

// One month whose `window` missed the interactive target, with `bottleneck` blamed.
Plan FailedMonth(const std::string& window, const std::string& bottleneck) {
  MonthPlan m;
  m.label = "2027-03";
  m.odoo.pods = 8;
  m.odoo.workers_per_pod = 4;
  m.odoo.workers_per_pod_max = 8;
  m.odoo.hpa_min_replicas = 3;
  m.postgres.vcpu = 8;
  m.postgres.pools.transaction_pool_size = 20;
  SimulatedWindow w;
  w.window = window;
  w.meets_targets = false;
  w.bottleneck = bottleneck;
  w.worker_utilisation_simulated = 0.7;
  SimulatedClass c;
  c.request_class = "interactive";
  c.meets_target = false;
  c.p95_ms_simulated = 2100;
  c.target_ms = 1400;
  w.classes.push_back(c);
  m.verification.windows.push_back(w);
  m.verification.holds = false;
  Plan plan;
  plan.month_plans.push_back(m);
  return plan;
}

std::vector<MonthConstraint> Tightened(const Plan& plan, std::string* why = nullptr) {
  std::vector<MonthConstraint> constraints;
  const auto changes = TightenConstraints(plan, HeadroomPolicy{}, PlanSettings{}, &constraints);
  EXPECT_EQ(changes.size(), 1U);
  if (why != nullptr && !changes.empty()) *why = changes[0].second;
  return constraints;
}

TEST(Adjust, HeldMonthsAreLeftAlone) {
  Plan plan = FailedMonth("recovery", "odoo");
  plan.month_plans[0].verification.windows[0].meets_targets = true;
  std::vector<MonthConstraint> constraints;
  EXPECT_TRUE(TightenConstraints(plan, HeadroomPolicy{}, PlanSettings{}, &constraints).empty());
  EXPECT_EQ(constraints.at(0), MonthConstraint{});
}

// Time lost in Odoo below the cap: the workers per pod rise by half (4 → 6), the pods kept.
TEST(Adjust, OdooMissRaisesWorkersPerPodFirst) {
  std::string why;
  const MonthConstraint c = Tightened(FailedMonth("recovery", "odoo"), &why).at(0);
  EXPECT_EQ(c.min_workers_per_pod, 6);
  EXPECT_EQ(c.min_pods, 8);
  EXPECT_NE(why.find("workers per pod 4 -> 6"), std::string::npos) << why;
  EXPECT_NE(why.find("recovery interactive p95 2100 ms simulated against 1400 ms"),
            std::string::npos)
      << why;
}

// With the month's load, the step is the one each pod's own queue, scaled to the simulated p95,
// says is enough (plan/pod_queues.h), not the fixed one.
TEST(Adjust, OdooMissWithALoadTakesTheScaledQueuesStep) {
  Plan plan = FailedMonth("recovery", "odoo");
  MonthPlan& m = plan.month_plans[0];
  // Interactive requests with reports among them: each pod's queue predicts about 600 ms at
  // recovery on eight pods of four, and 2100 ms simulated scales it by about 3.5.
  ClassLoad interactive;
  interactive.name = "interactive";
  interactive.rate_per_s = {10, 20, 32};
  interactive.app_cpu_ms = 120;
  interactive.service_cv = 1.0;
  interactive.p95_target_ms = 1400 / HeadroomPolicy{}.recovery_latency_factor;
  ClassLoad report = interactive;
  report.name = "report";
  report.rate_per_s = {0.4, 0.8, 1.28};
  report.app_cpu_ms = 3000;
  report.service_cv = 1.2;
  report.p95_target_ms = 15000;
  m.load.classes = {interactive, report};
  MonthConstraint expected;
  ASSERT_TRUE(ConstrainSimulatedMiss(m, m.verification.windows[0], HeadroomPolicy{}, PlanSettings{},
                                     &expected)
                  .has_value());
  std::string why;
  EXPECT_EQ(Tightened(plan, &why).at(0), expected);
  EXPECT_NE(why.find("scaled to the simulation"), std::string::npos) << why;
}

// A raise is capped by the pod's CPU limit (workers_per_pod_max 5): 4 → 5, not 6.
TEST(Adjust, WorkersPerPodRaiseStopsAtTheCpuLimit) {
  Plan plan = FailedMonth("recovery", "odoo");
  plan.month_plans[0].odoo.workers_per_pod_max = 5;
  EXPECT_EQ(Tightened(plan).at(0).min_workers_per_pod, 5);
}

// At the cap the sizer could not grant more workers per pod: the pods rise by a quarter
// (8 → 10) straight away, instead of a pass that asks for workers it cannot have.
TEST(Adjust, AtTheCapThePodsRise) {
  Plan plan = FailedMonth("recovery", "odoo");
  plan.month_plans[0].odoo.workers_per_pod_max = 4;
  std::string why;
  const MonthConstraint c = Tightened(plan, &why).at(0);
  EXPECT_EQ(c.min_pods, 10);
  EXPECT_EQ(c.min_workers_per_pod, 4);
  EXPECT_NE(why.find("HTTP pods 8 -> 10"), std::string::npos) << why;
}

TEST(Adjust, LaggingAutoscalerAtPeakRaisesMinReplicasToThePods) {
  Plan plan = FailedMonth("peak", "odoo");
  plan.month_plans[0].verification.windows[0].autoscaler_lags = true;
  const MonthConstraint c = Tightened(plan).at(0);
  EXPECT_EQ(c.min_hpa_replicas, 8);
  EXPECT_EQ(c.min_workers_per_pod, 0);
}

TEST(Adjust, PostgresMissTakesTheNextVcpuSize) {
  EXPECT_EQ(Tightened(FailedMonth("peak", "postgres")).at(0).min_postgres_vcpu, 16);
}

// 20 + max(2, ⌊23 / 4⌋ = 5) = 25.
TEST(Adjust, PgbouncerMissRaisesThePoolByAQuarter) {
  EXPECT_EQ(Tightened(FailedMonth("recovery", "pgbouncer")).at(0).min_pool_connections, 25);
}

// Time lost in PostgreSQL at the largest size whose instance a node holds (48 vCPU with the
// built-in catalog): one more cluster, not a size no node can place.
TEST(Adjust, PostgresMissAtTheLargestSizeAddsACluster) {
  Plan plan = FailedMonth("peak", "postgres");
  plan.month_plans[0].postgres.vcpu = 48;
  plan.month_plans[0].postgres.clusters = 3;
  std::string why;
  const MonthConstraint c = Tightened(plan, &why).at(0);
  EXPECT_EQ(c.min_postgres_clusters, 4);
  EXPECT_EQ(c.min_postgres_vcpu, 0);
  EXPECT_NE(why.find("PostgreSQL clusters 3 -> 4"), std::string::npos) << why;
  // Below it, the next size.
  plan.month_plans[0].postgres.vcpu = 16;
  EXPECT_EQ(Tightened(plan).at(0).min_postgres_vcpu, 32);
}

}  // namespace
}  // namespace headroom
