#pragma once
// The plan: for every month, the configuration of every layer at the planning quantile, where it
// runs (nodes), what it costs, how likely it is to hold, and the changes from month to month.

#include <string>
#include <vector>

#include "cost/catalog.h"
#include "plan/verification.h"
#include "sizing/ingress_sizer.h"
#include "sizing/load.h"
#include "sizing/odoo_sizer.h"
#include "sizing/packing.h"
#include "sizing/postgres_sizer.h"
#include "sizing/redis_sizer.h"
#include "sizing/storage_sizer.h"

namespace headroom {

// Everything the sizers and the packer use besides the estate: one place for the settings.
struct PlanSettings {
  OdooSettings odoo;
  PostgresSettings postgres;
  RedisSettings redis;
  StorageSettings storage;
  IngressSettings ingress;
  Catalog catalog = BuiltinCatalog();
  // Per month (index = month offset): extra constraints a failed simulation of an earlier pass
  // put on the Odoo sizing; empty or shorter: none.
  std::vector<MonthConstraint> month_constraints;
  // Threads that size the Monte Carlo samples; the plan does not depend on it.
  int threads = 2;
};

struct MonthCost {
  double nodes = 0;
  double block_storage = 0;
  double object_storage = 0;
  double backup_storage = 0;
  double egress = 0;
  double load_balancer = 0;
  double total = 0;
  // PostgreSQL's data volumes: their block storage class (cost/cost.h, BlockStorageFor) and the
  // IOPS and throughput each is provisioned for.
  std::string block_storage_class;
  double data_volume_iops = 0;
  double data_volume_mib_s = 0;
  // PostgreSQL run in the cluster (its share of the nodes by requests, plus its volumes)
  // against the catalog's managed service of the same size; the plan runs it in the cluster.
  double postgres_in_cluster = 0;
  double postgres_managed = 0;  // 0 when the catalog has no class large enough
  std::string postgres_managed_type;
};

// How the month's nodes are filled.
struct MonthNodes {
  std::vector<NodeCount> counts;  // per node type and zone
  int nodes = 0;
  double cpu_requested_share = 0;  // requests / allocatable over all nodes
  double memory_requested_share = 0;
  double lower_bound_monthly = 0;  // the packing's lower bound
  double optimality_gap = 0;       // (cost − bound) / bound
  bool survives_zone_loss = false;
  bool survives_node_loss = false;
  std::string strategy;
  // Set when the pods could not be placed; the nodes are then costed at lower_bound_monthly
  // and strategy is kUnplacedStrategy.
  std::string error;
};

inline constexpr const char* kUnplacedStrategy = "unplaced: costed at the lower bound";

// Share of the Monte Carlo samples whose own need the plan covers, per layer.
struct Coverage {
  double odoo_workers = 0;
  double postgres_vcpu = 0;
  double postgres_memory = 0;
  double redis_memory = 0;
  double ingress_replicas = 0;
};

struct MonthPlan {
  int month = 0;
  std::string label;                     // "2027-01"
  MonthLoad load;                        // at the planning quantile
  std::string peak_hour_utc;             // the estate's worst hour (mid evaluation)
  std::vector<std::string> peak_events;  // calendar events active somewhere at that hour
  OdooSizing odoo;
  PostgresSizing postgres;
  RedisSizing redis;
  StorageSizing storage;
  IngressSizing ingress;
  OdooRuleOfThumb rule_of_thumb;
  MonthNodes nodes;
  MonthCost cost;
  Coverage coverage;
  // The simulation of the month's peak and recovery windows (engine/ fills it after sizing).
  MonthVerification verification;
};

// One change of one resource between months, with its reason.
struct RoadmapStep {
  int month = 0;
  std::string label;
  std::string layer;     // "odoo", "postgres", "redis", "storage", "ingress", "nodes"
  std::string resource;  // "http workers", "vCPU", ...
  double from = 0;
  double to = 0;
  std::string unit;
  std::string reason;
};

struct Plan {
  std::string estate;
  YearMonth start;
  int months = 0;
  int samples = 0;
  unsigned long long seed = 0;
  double quantile = 0.9;
  std::string currency;  // the catalog's
  std::string catalog_name;
  std::string catalog_price_date;
  std::vector<MonthPlan> month_plans;
  std::vector<RoadmapStep> roadmap;
  bool holds = true;  // every month meets its targets (no saturated layer)
  std::vector<std::string> warnings;
};

}  // namespace headroom
