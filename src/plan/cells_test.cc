#include "plan/cells.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

MonthPlan SpreadMonth(int clusters, double share) {
  MonthPlan m;
  m.odoo.pods = 9;
  m.odoo.workers_per_pod = 4;
  m.odoo.http_workers = 36;
  m.odoo.hpa_min_replicas = 6;
  m.odoo.hpa_max_replicas = 18;
  m.odoo.cron_workers = 4;
  m.odoo.cron_pods = 2;
  m.postgres.clusters = clusters;
  m.postgres.cluster_share = share;
  return m;
}

TEST(Cells, OneClusterIsTheWholeEstate) {
  const MonthPlan m = SpreadMonth(1, 1.0);
  EXPECT_EQ(CellShare(m), 1.0);
  EXPECT_EQ(CellOdoo(m).pods, 9);
  EXPECT_EQ(CellOdoo(m).http_workers, 36);
  EXPECT_EQ(CellMonth(m).odoo.hpa_max_replicas, 18);
  // A share below 1 with one cluster (a hand-made plan) is still the whole estate.
  EXPECT_EQ(CellShare(SpreadMonth(1, 0.5)), 1.0);
}

TEST(Cells, CountsAreTheShareRoundedUp) {
  EXPECT_EQ(CellCount(9, 1.0 / 3.0), 3);  // exactly a third, not 4 from rounding
  EXPECT_EQ(CellCount(10, 0.25), 3);
  EXPECT_EQ(CellCount(1, 0.01), 1);
  EXPECT_EQ(CellCount(0, 0.5), 0);
  const OdooSizing cell = CellOdoo(SpreadMonth(4, 0.26));
  EXPECT_EQ(cell.pods, 3);           // ⌈9 × 0.26⌉
  EXPECT_EQ(cell.http_workers, 12);  // the cell's pods × 4 workers
  EXPECT_EQ(cell.workers_per_pod, 4);
  EXPECT_EQ(cell.hpa_min_replicas, 2);
  EXPECT_EQ(cell.hpa_max_replicas, 5);
  EXPECT_EQ(cell.cron_workers, 2);
  EXPECT_EQ(cell.cron_pods, 1);
}

}  // namespace
}  // namespace headroom
