#pragma once
// The pods a month's plan runs, as pod groups for the packer: Odoo HTTP and cron, PostgreSQL
// instances, PgBouncer, Redis and Traefik, each with its requests and spread rules.

#include <string_view>
#include <vector>

#include "estate/model.h"
#include "plan/plan.h"
#include "sizing/packing.h"

namespace headroom {

// Per-pod figures the sizers leave implicit, named here with their reasons.
inline constexpr int kCronThreadsPerPod = 2;    // Odoo's default max_cron_threads
inline constexpr int64_t kPgBouncerCpuM = 250;  // PgBouncer is single-threaded and light
inline constexpr int64_t kPgBouncerMemoryMib = 256;
inline constexpr double kPostgresPodOverheadMib = 512;  // postgres processes beyond shared memory
inline constexpr double kRedisPodOverheadMib = 64;      // Redis process beyond maxmemory

// The pods one cell runs (docs/sizing-postgres.md, "Several clusters"), with those the cells
// share: `month`'s Odoo HTTP and cron pods, one PostgreSQL cluster's instances ("postgres"),
// PgBouncer, Redis and Traefik. With one cluster, the month's every pod.
std::vector<PodGroup> CellWorkloads(const MonthPlan& month, const HeadroomPolicy& policy);

// Every pod of the month, as the packer places them: CellWorkloads with one group of instances
// per PostgreSQL cluster ("postgres", "postgres-2", ...). CloudNativePG keeps a cluster's
// instances apart (one per node, spread over zones); instances of different clusters may share
// a node.
std::vector<PodGroup> MonthWorkloads(const MonthPlan& month, const HeadroomPolicy& policy);

// Whether the group named `name` holds PostgreSQL instances (of any cluster).
bool IsPostgresGroup(std::string_view name);

// `postgres` with only the vCPU and RAM sizes whose instance pod fits on some node type's
// allocatable (RAM plus kPostgresPodOverheadMib): a larger instance could not be placed, so the
// sizer takes more clusters instead. The smallest size of each list stays when none fits (the
// placement then says why).
PostgresSettings PostgresSizesThatFit(PostgresSettings postgres,
                                      const std::vector<NodeType>& node_types);

}  // namespace headroom
