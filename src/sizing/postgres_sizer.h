#pragma once
// PostgreSQL with PgBouncer: CPU, memory, IOPS, WAL, growth, connections, pools, settings.

#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"
#include "sizing/odoo_sizer.h"

namespace headroom {

enum class PgWorkload { kWeb, kOltp, kDataWarehouse, kDesktop, kMixed };
enum class StorageKind { kHdd, kSsd, kSan, kNvme };

struct PostgresSettings {
  PgWorkload workload = PgWorkload::kOltp;
  StorageKind storage = StorageKind::kSsd;
  double working_set_share = 0.3;      // share of the database read in a typical day
  double net_new_kib_per_write = 1.0;  // data a written block adds to the database
  double wal_kib_per_write = 2.0;      // WAL per written block (records + full-page images)
  int superuser_reserved_connections = 3;
  int max_standbys = 2;
};

// PGTune's published rules (le0pard/pgtune), the baseline for memory settings.
struct PgTuneInput {
  double memory_gib = 0;
  int cpus = 0;
  int max_connections = 0;     // 0: PGTune's default for the workload
  PgWorkload workload = PgWorkload::kOltp;
  StorageKind storage = StorageKind::kSsd;
  double database_gib = 0;     // for work_mem's "fits in RAM" factor; 0 = unknown
};

struct PgTuneSettings {
  int max_connections = 0;
  int64_t shared_buffers_kib = 0;
  int64_t effective_cache_size_kib = 0;
  int64_t maintenance_work_mem_kib = 0;
  int64_t wal_buffers_kib = 0;
  int64_t work_mem_kib = 0;
  int64_t min_wal_size_mib = 0;
  int64_t max_wal_size_mib = 0;
  double checkpoint_completion_target = 0.9;
  double random_page_cost = 1.1;
  int effective_io_concurrency = 200;
  std::string huge_pages = "off";  // "try" when shared_buffers >= 2 GiB
  int max_worker_processes = 0;
  int max_parallel_workers = 0;
  int max_parallel_workers_per_gather = 0;
  int max_parallel_maintenance_workers = 0;
};

PgTuneSettings PgTune(const PgTuneInput& input);

struct PgBouncerPools {
  int transaction_pool_size = 0;   // server connections for HTTP and cron workers
  int session_pool_size = 0;       // session-mode path for the bus (LISTEN/NOTIFY)
  int max_client_connections = 0;  // all Odoo processes × db_maxconn they may open
  int reserve_pool_size = 0;
};

struct PostgresSizing {
  int vcpu = 0;
  double memory_gib = 0;
  int instances = 0;                 // primary + standbys
  bool synchronous_standby = false;  // when an RPO of 0 is required
  double cpu_utilisation_peak = 0;
  double read_iops_peak = 0;
  double write_iops_peak = 0;
  double throughput_mib_s_peak = 0;
  double wal_gib_per_day = 0;
  double database_gib = 0;           // tables and indexes at the end of the month
  double database_growth_gib_month = 0;
  double storage_gib = 0;            // data volume with growth room
  double wal_storage_gib = 0;
  double cache_hit_ratio = 0;        // predicted: working set against shared_buffers + cache
  double db_time_ms_p95 = 0;         // processor-sharing response of a query at peak
  PgBouncerPools pools;
  PgTuneSettings settings;           // PGTune baseline, connections and work_mem from the load
  LayerVerdict verdict;
};

// `odoo` gives the worker and process counts that open connections.
PostgresSizing SizePostgres(const MonthLoad& load, const OdooSizing& odoo,
                            const HeadroomPolicy& policy, const PostgresSettings& settings);

}  // namespace headroom
