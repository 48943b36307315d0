#include <gtest/gtest.h>

#include "sizing/odoo_sizer.h"

namespace headroom {
namespace {

// The Odoo deployment guide's worked example (deploy.rst, "Configuration sample"): a server with
// 4 CPU and 60 concurrent users: 60 / 6 = 10 workers wanted, (4 × 2) + 1 = 9 at most,
// RAM = 9 × ((0.8 × 150) + (0.2 × 1024)) ≈ 3 GB.
TEST(OdooRuleOfThumbTest, ReproducesTheDeploymentGuideExample) {
  const OdooRuleOfThumb r = OdooRuleOfThumbFor(60, 4);
  EXPECT_EQ(r.workers_for_users, 10);
  EXPECT_EQ(r.cpu_cores, 4);
  EXPECT_EQ(r.workers, 9);
  // 9 × 324.8 MiB = 2923.2 MiB = 2.8546875 GiB (3.07 GB in decimal units: the guide's "≈ 3").
  EXPECT_DOUBLE_EQ(r.memory_gib, 2.8546875);
  EXPECT_NEAR(r.memory_gib * 1.073741824, 3.0, 0.1);
}

// Without a CPU count the rule gives the cores that cover the users: 2 × CPU + 1 >= 10 needs
// CPU = ⌈(10 − 1) / 2⌉ = 5, and all 10 workers run.
TEST(OdooRuleOfThumbTest, ChoosesCoresWhenNoneAreGiven) {
  const OdooRuleOfThumb r = OdooRuleOfThumbFor(60);
  EXPECT_EQ(r.workers_for_users, 10);
  EXPECT_EQ(r.cpu_cores, 5);
  EXPECT_EQ(r.workers, 10);
  EXPECT_DOUBLE_EQ(r.memory_gib, 10 * 324.8 / 1024);
}

// 61 users need ⌈61 / 6⌉ = 11 workers; 2 × 5 + 1 = 11 exactly, so 5 cores.
TEST(OdooRuleOfThumbTest, RoundsUsersUp) {
  const OdooRuleOfThumb r = OdooRuleOfThumbFor(61);
  EXPECT_EQ(r.workers_for_users, 11);
  EXPECT_EQ(r.cpu_cores, 5);
  EXPECT_EQ(r.workers, 11);
  // More CPU than the users need: the users' count stands.
  EXPECT_EQ(OdooRuleOfThumbFor(61, 16).workers, 11);
}

TEST(OdooRuleOfThumbTest, NoUsersNeedNoWorkers) {
  const OdooRuleOfThumb r = OdooRuleOfThumbFor(0);
  EXPECT_EQ(r.workers_for_users, 0);
  EXPECT_EQ(r.workers, 0);
  EXPECT_EQ(r.cpu_cores, 1);
  EXPECT_EQ(r.memory_gib, 0);
}

}  // namespace
}  // namespace headroom
