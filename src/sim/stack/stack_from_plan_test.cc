#include "sim/stack/stack_from_plan.h"

#include <gtest/gtest.h>

#include <cmath>

namespace headroom::sim {
namespace {

// An estate of 100 pods of 5 workers (HPA 50..120, 10 cron workers) on 60 nodes, with
// PostgreSQL clusters of 16 vCPU and a pool of 40.
MonthPlan HundredPods(int clusters, double share) {
  MonthPlan m;
  m.label = "2027-05";
  ClassLoad c;
  c.name = "interactive";
  c.rate_per_s = {100, 200, 300};
  c.app_cpu_ms = 90;
  c.db_cpu_ms = 25;
  m.load.classes = {c};
  m.load.batch_cpu_s = {0, 7200, 7200};
  m.odoo.pods = 100;
  m.odoo.workers_per_pod = 5;
  m.odoo.http_workers = 500;
  m.odoo.hpa_min_replicas = 50;
  m.odoo.hpa_max_replicas = 120;
  m.odoo.hpa_target_cpu_utilisation = 0.7;
  m.odoo.cron_workers = 10;
  m.odoo.pod_cpu_limit_m = 4000;
  m.odoo.pod_cpu_request_m = 2000;
  m.nodes.nodes = 60;
  m.postgres.clusters = clusters;
  m.postgres.cluster_share = share;
  m.postgres.vcpu = 16;
  m.postgres.pools.transaction_pool_size = 40;
  return m;
}

double StreamRate(const StackConfig& c) {
  double rate = 0;
  for (const StackStream& s : c.streams) rate += s.hourly_rate_per_s.front();
  return rate;
}

// With several clusters the windows simulate the busiest cell: its share of the requests, the
// pods, the HPA bounds, the cron workers and the batch work; its own cluster's vCPU and pool.
TEST(StackConfigFor, SeveralClustersSimulateTheBusiestCell) {
  const HeadroomPolicy policy;
  const PlanSettings settings;
  const SimulationSettings simulation;
  const StackConfig estate =
      StackConfigFor(HundredPods(1, 1.0), policy, settings, SimWindow::kPeak, simulation);
  const StackConfig cell =
      StackConfigFor(HundredPods(4, 0.3), policy, settings, SimWindow::kPeak, simulation);
  EXPECT_DOUBLE_EQ(StreamRate(estate), 200);
  EXPECT_DOUBLE_EQ(StreamRate(cell), 60);
  EXPECT_EQ(*estate.hpa->min_replicas, 50);
  EXPECT_EQ(*cell.hpa->min_replicas, 15);  // ⌈50 × 0.3⌉
  EXPECT_EQ(cell.hpa->max_replicas, 36);   // ⌈120 × 0.3⌉
  EXPECT_EQ(cell.initial_pods, 15);
  EXPECT_EQ(cell.cron.workers, 3);
  EXPECT_DOUBLE_EQ(cell.cron.batch_cpu_s, estate.cron.batch_cpu_s * 0.3);
  // Per pod and per cluster, nothing changes.
  EXPECT_EQ(cell.workers_per_pod, estate.workers_per_pod);
  EXPECT_EQ(cell.pods_per_node, estate.pods_per_node);
  EXPECT_EQ(cell.pool_connections, 40);
  EXPECT_DOUBLE_EQ(cell.postgres_vcpu, estate.postgres_vcpu);
  // A recovery window starts with the cell's planned pods.
  const StackConfig recovery =
      StackConfigFor(HundredPods(4, 0.3), policy, settings, SimWindow::kRecovery, simulation);
  EXPECT_EQ(recovery.initial_pods, 30);
}

}  // namespace
}  // namespace headroom::sim
