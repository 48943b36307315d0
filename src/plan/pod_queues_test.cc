#include "plan/pod_queues.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sizing/odoo_latency.h"
#include "sizing/odoo_pods.h"
#include "sizing/odoo_pool.h"

namespace headroom {
namespace {

ClassLoad Class(const std::string& name, double peak_per_s, double app_cpu_ms, double cv,
                double target_ms) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = {peak_per_s / 2, peak_per_s, 1.6 * peak_per_s};
  c.app_cpu_ms = app_cpu_ms;
  c.service_cv = cv;
  c.p95_target_ms = target_ms;
  return c;
}

// Interactive requests with reports among them, on pods of few workers.
MonthPlan Month(int pods, int workers_per_pod, int most_per_pod) {
  MonthPlan m;
  m.label = "2027-05";
  m.load.classes = {Class("interactive", 20, 120, 1.0, 700),
                    Class("report", 0.8, 3000, 1.2, 15000)};
  m.odoo.pods = pods;
  m.odoo.workers_per_pod = workers_per_pod;
  m.odoo.workers_per_pod_max = most_per_pod;
  return m;
}

// Every limit of both windows, checked on one pod's queue the way the sizing's test reads them.
bool PodsMeet(const MonthPlan& m, int pods, int wpp, const HeadroomPolicy& policy) {
  const OdooSettings settings;
  const int64_t survivors = std::max<int64_t>(1, SurvivingPods(pods, ZoneLayoutFor(policy)));
  for (const auto& [window, serving, factor] :
       {std::tuple{kPeak, int64_t{pods}, 1.0},
        std::tuple{kRecovery, survivors, policy.recovery_latency_factor}}) {
    const PoolWait wait = PodWaitAt(PoolAt(m.load, window, settings), serving, wpp);
    if (wait.saturated) return false;
    for (const ClassLoad& c : m.load.classes) {
      const ClassTail tail = ClassTailFor(WorkerOccupancyMs(c, settings) / 1000.0, c.service_cv);
      if (!MeetsP95(tail, wait, c.p95_target_ms * factor / 1000.0)) return false;
    }
  }
  return true;
}

Plan PlanOf(const MonthPlan& m) {
  Plan plan;
  plan.month_plans.push_back(m);
  return plan;
}

// Six pods of two workers: the pooled twelve would do, but each pod's own two workers queue
// behind its reports. The workers per pod rise to the fewest with which every pod meets both
// windows' limits, the pods kept.
TEST(PodQueues, FewWorkersPerPodRiseToTheFewestThatMeetTheLimits) {
  const HeadroomPolicy policy;
  const MonthPlan m = Month(6, 2, 8);
  ASSERT_FALSE(PodsMeet(m, 6, 2, policy));
  std::vector<MonthConstraint> constraints;
  const auto changes = ConstrainPodQueues(PlanOf(m), policy, PlanSettings{}, &constraints);
  ASSERT_EQ(changes.size(), 1u);
  const int wpp = constraints[0].min_workers_per_pod;
  EXPECT_GT(wpp, 2);
  EXPECT_LE(wpp, 8);
  EXPECT_TRUE(PodsMeet(m, 6, wpp, policy));
  EXPECT_FALSE(PodsMeet(m, 6, wpp - 1, policy));
  EXPECT_EQ(constraints[0].min_pods, 6);
  EXPECT_NE(changes[0].second.find("workers per pod 2 -> " + std::to_string(wpp)),
            std::string::npos)
      << changes[0].second;
  EXPECT_EQ(changes[0].second.find("HTTP pods"), std::string::npos) << changes[0].second;
}

// At the most workers a pod holds, the pods rise instead, to a count that meets the limits.
TEST(PodQueues, AtTheMostWorkersPerPodThePodsRise) {
  const HeadroomPolicy policy;
  const MonthPlan m = Month(6, 2, 2);
  std::vector<MonthConstraint> constraints;
  const auto changes = ConstrainPodQueues(PlanOf(m), policy, PlanSettings{}, &constraints);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(constraints[0].min_workers_per_pod, 2);
  EXPECT_GT(constraints[0].min_pods, 6);
  EXPECT_TRUE(PodsMeet(m, constraints[0].min_pods, 2, policy));
  EXPECT_NE(changes[0].second.find("HTTP pods 6 -> "), std::string::npos) << changes[0].second;
}

// Pods whose queues meet the limits, and a month whose sizing saturated, are left alone.
TEST(PodQueues, MonthsThatMeetOrSaturatedAreLeftAlone) {
  const HeadroomPolicy policy;
  MonthPlan held = Month(6, 8, 8);
  ASSERT_TRUE(PodsMeet(held, 6, 8, policy));
  MonthPlan saturated = Month(6, 2, 8);
  saturated.odoo.verdict.saturated = true;
  Plan plan;
  plan.month_plans = {held, saturated};
  std::vector<MonthConstraint> constraints;
  EXPECT_TRUE(ConstrainPodQueues(plan, policy, PlanSettings{}, &constraints).empty());
  ASSERT_EQ(constraints.size(), 2u);
  EXPECT_EQ(constraints[0], MonthConstraint{});
  EXPECT_EQ(constraints[1], MonthConstraint{});
}

}  // namespace
}  // namespace headroom
