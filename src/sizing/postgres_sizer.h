#pragma once
// PostgreSQL with PgBouncer: CPU, memory, IOPS, WAL, growth, connections, pools, settings.
// The method, its formulas and their sources: docs/sizing-postgres.md; the defaults below are
// listed in docs/assumptions.md ("Sizing: postgres").
//
// Order of the decisions (each uses only the ones before it):
//   1. CPU: DB CPU per window (requests, batch, autovacuum) → the smallest vCPU meeting the
//      window ceilings after the maintenance reserve.
//   2. Transactions in flight (Little) → PgBouncer pools → max_connections.
//   3. Memory: working set, connections and heavy queries → the smallest RAM size.
//   4. PGTune for that RAM, vCPU and max_connections; work_mem from the heavy-query load.
//   5. IOPS, WAL, growth, volumes, instances; the verdict.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/odoo_sizer.h"
#include "sizing/pgbouncer_pools.h"
#include "sizing/pgtune.h"
#include "sizing/verdict.h"

namespace headroom {

struct PostgresSettings {
  // Odoo's ORM issues short read/write transactions; its reports' sort and hash memory is
  // sized from the load (work_mem below), so PGTune's OLTP profile is the baseline.
  PgWorkload workload = PgWorkload::kOltp;
  StorageKind storage = StorageKind::kSsd;  // cloud block storage is SSD-backed
  int postgres_version = kTargetPostgresVersion;
  // Share of the database read in a typical day (engineering estimate: the current fiscal
  // period, open documents and the master data; calibrate from pg_statio_* over a day).
  double working_set_share = 0.3;
  // An extra constraint from a failed simulation of the previous sizing pass (0: none): the
  // smallest vCPU size to consider.
  int min_vcpu = 0;
  // Data a written 8 KiB block adds to the database, net of updates in place and vacuum.
  // Engineering estimate: most dirtied blocks are rows and index pages updated in place, so an
  // Odoo database of a few hundred users grows by gigabytes a year, not a month; calibrate from
  // the monthly growth of pg_database_size over pg_stat_statements' shared_blks_dirtied.
  double net_new_kib_per_write = 0.05;
  // WAL per written block: the record plus a share of full-page images after checkpoints
  // (engineering estimate; calibrate from pg_stat_wal.wal_bytes over shared_blks_dirtied).
  double wal_kib_per_write = 2.0;
  int superuser_reserved_connections = 3;  // PostgreSQL's default
  // Standbys a cluster may have (CloudNativePG `instances` − 1); 2 gives three instances,
  // one per zone in a three-zone region.
  int max_standbys = 2;

  // CPU. Autovacuum, the checkpointer, the WAL writer and the WAL senders as a share of the
  // foreground DB CPU (engineering estimate: 10%; calibrate from pg_stat_activity's
  // backend_type samples or per-process CPU).
  double autovacuum_cpu_share = 0.10;
  // PostgreSQL CPU per CPU-second of Odoo batch (cron) work. Engineering estimate between the
  // built-in classes' ratios (interactive 25/90 ≈ 0.28, report 900/1400 ≈ 0.64).
  double batch_db_cpu_per_app_cpu = 0.4;
  // vCPU sizes a PostgreSQL instance may take, ascending (the general-purpose machine sizes of
  // the cloud families). REQUIRES: ascending, positive.
  std::vector<int> vcpu_sizes = {2, 4, 8, 16, 32, 48, 64, 96};

  // Memory. RAM sizes in GiB (general-purpose and memory-optimised machine sizes).
  // REQUIRES: ascending, positive.
  std::vector<double> memory_sizes_gib = {4, 8, 16, 32, 64, 128, 192, 256, 384, 512};
  // At least this much RAM per vCPU: the general-purpose ratio of the cloud families
  // (AWS m7i, GCP n2-standard, Azure Dsv5: 4 GiB per vCPU), which keeps the page cache and the
  // backends' memory in proportion to the concurrency the cores serve.
  double min_memory_gib_per_vcpu = 4.0;
  // Private memory of one backend (catalog and relation caches for Odoo's several hundred
  // tables, plan cache); engineering estimate, calibrate from a backend's RSS minus shared.
  double backend_memory_mib = 10.0;
  // A request class is heavy (sorts and hashes beyond a few MiB) from this much DB CPU per
  // request: reports and exports, not ORM reads (engineering estimate).
  double heavy_query_db_cpu_ms = 100.0;
  // Sort or hash nodes a heavy query runs at once, each taking up to work_mem (engineering
  // estimate: a report's sort plus one hash or aggregate).
  int sort_hash_nodes_per_query = 2;
  // Share of the memory outside shared_buffers that heavy queries' work_mem may take
  // (engineering estimate; the rest is page cache and slack for hash_mem_multiplier).
  double work_mem_memory_share = 0.5;
  // Heavy queries in flight are Poisson (M/G/∞); work_mem is sized for this quantile of them.
  double heavy_query_quantile = 0.99;

  // IO. Write IOPS per dirtied block: blocks dirtied again before the next checkpoint are
  // written once, and concurrent commits share a WAL flush (engineering estimate; calibrate
  // from pg_stat_io writes over pg_stat_statements shared_blks_dirtied).
  double write_combining_factor = 0.5;
  // Time of one block read (page cache and device mixed; the Odoo sizer's db_io_ms_per_read).
  double read_latency_ms = 0.2;
  // Share of the blocks read outside shared_buffers (`db_reads`) that reach the volume when
  // the page cache holds the working set: first reads of the day's blocks and reads beyond the
  // working set (engineering estimate; calibrate as the volume's read rate,
  // node_disk_reads_completed_total, over the rate of pg_stat_statements' shared_blks_read).
  double uncached_read_share = 0.1;
  // Clusters the tenants' databases may be spread over when one cluster at the largest size
  // cannot carry them (postgres_clusters.h). Engineering estimate: a bound that keeps a
  // runaway estate's plan finite, well above what a platform team runs by hand; set it to 1
  // to keep one cluster.
  int max_clusters = 128;
  // An extra constraint (0: none): at least this many clusters (the planner's floor, so that
  // the cluster count never shrinks and regrows).
  int min_clusters = 0;

  // IOPS one data volume can give (Azure Premium SSD v2 80,000; GCP Hyperdisk Balanced
  // 160,000; AWS gp3 16,000, io2 256,000). The planner takes the most of the catalog's block
  // storage classes when each states its limit (cost/cost.h, MostVolumeIops).
  double max_volume_iops = 80000;

  // Connections.
  PgBouncerSettings pgbouncer;
  // CloudNativePG's instance manager and metrics exporter, one external exporter and an
  // operator's session (engineering estimate).
  int monitoring_connections = 5;

  // Durability and volumes. CloudNativePG sets archive_timeout to 5 min: the RPO of WAL
  // archiving alone.
  double archive_timeout_min = 5.0;
  // WAL kept on the volume when archiving falls behind (engineering estimate: a day, time to
  // notice and repair the object store).
  double wal_archive_lag_days = 1.0;
  // Smallest data volume, and the step volumes are rounded up to (engineering estimate: block
  // storage costs little at this granularity, and round sizes read well in manifests).
  double min_volume_gib = 10.0;
  double volume_step_gib = 10.0;
};

// Database time of one request class with the planned vCPU.
struct ClassDbTime {
  std::string request_class;
  double mean_ms_peak = 0;  // CPU time × PS slowdown + reads × read latency
  double p95_ms_peak = 0;   // the class's CPU-time p95 × slowdown + reads × read latency
  double p95_ms_recovery = 0;
};

// Every figure below but `clusters` and `cluster_share` is of one cluster, the busiest: the
// estate runs `clusters` clusters of this size.
struct PostgresSizing {
  int clusters = 1;
  // The largest share of the databases' CPU, IO or data one cluster carries (1: one cluster).
  double cluster_share = 1.0;
  int vcpu = 0;
  double memory_gib = 0;
  int instances = 0;                 // primary + standbys
  bool synchronous_standby = false;  // when an RPO below archive_timeout is required
  std::string data_durability;       // CloudNativePG: "required" (RPO 0), "preferred", or ""
  bool rpo_met = true;               // false when max_standbys leaves no synchronous standby
  double cpu_utilisation_peak = 0;
  std::array<double, 3> db_cpu_cores{};     // offered DB CPU per window, background included
  std::array<double, 3> cpu_utilisation{};  // db_cpu_cores / vcpu
  double read_iops_peak = 0;
  double write_iops_peak = 0;
  double throughput_mib_s_peak = 0;
  double read_iops_recovery = 0;
  double write_iops_recovery = 0;
  double throughput_mib_s_recovery = 0;
  double wal_gib_per_day = 0;
  double database_gib = 0;  // tables and indexes at the end of the month
  double database_growth_gib_month = 0;
  double working_set_gib = 0;
  double memory_required_gib = 0;  // the largest memory need (before rounding to a size)
  double storage_gib = 0;          // data volume with growth room
  double wal_storage_gib = 0;
  // Estimate: the share of the working set that shared_buffers and the page cache
  // (effective_cache_size) can hold, min(1, cache / working set).
  double cache_hit_ratio = 0;
  // The slowest class's p95 database time at peak (processor sharing on the planned vCPU).
  double db_time_ms_p95 = 0;
  std::vector<ClassDbTime> db_time;  // per class with traffic, in MonthLoad order
  double heavy_queries_mean = 0;     // heavy queries in flight at peak (Little)
  int heavy_queries_planned = 0;     // the quantile work_mem is sized for
  PgBouncerPools pools;
  PgTuneSettings settings;          // PGTune baseline, connections and work_mem from the load
  int64_t pgtune_work_mem_kib = 0;  // PGTune's own work_mem, before the load-based one
  std::vector<std::string> notes;   // secondary findings (durability, caps)
  LayerVerdict verdict;
};

// What one data volume must deliver: the larger of the peak's and the recovery's IOPS, and of
// their throughput.
inline double VolumeIopsNeed(const PostgresSizing& pg) {
  return std::max(pg.read_iops_peak + pg.write_iops_peak,
                  pg.read_iops_recovery + pg.write_iops_recovery);
}
inline double VolumeThroughputNeedMibS(const PostgresSizing& pg) {
  return std::max(pg.throughput_mib_s_peak, pg.throughput_mib_s_recovery);
}

// Over all clusters: instances (pods, data and WAL volume pairs), vCPU and RAM.
inline int PostgresPods(const PostgresSizing& pg) {
  return std::max(0, pg.instances) * std::max(1, pg.clusters);
}
inline double TotalVcpu(const PostgresSizing& pg) {
  return static_cast<double>(pg.vcpu) * std::max(1, pg.clusters);
}
inline double TotalMemoryGib(const PostgresSizing& pg) {
  return pg.memory_gib * std::max(1, pg.clusters);
}

// `odoo` gives the worker and process counts that open connections. One cluster when it meets
// the targets at some allowed size (and min_clusters allows); otherwise the fewest clusters
// (up to max_clusters and load.cluster_shares) whose busiest one does, or the most allowed,
// saturated. Pure, total and deterministic: saturation is reported in the verdict, every
// number is finite.
PostgresSizing SizePostgres(const MonthLoad& load, const OdooSizing& odoo,
                            const HeadroomPolicy& policy, const PostgresSettings& settings);

// Offered DB CPU per window, in cores: Σ λ db_cpu_ms / 1000 for the requests, plus the cron
// workers' DB share (batch_db_cpu_per_app_cpu) of the batch in flight, at most
// `odoo.cron_workers` cores of it when that is set, times (1 + autovacuum_cpu_share).
std::array<double, 3> OfferedDbCpuCores(const MonthLoad& load, const OdooSizing& odoo,
                                        const PostgresSettings& settings);

// Block IO per second in one window: Σ λ db_reads (blocks read outside shared_buffers, from
// the page cache or the volume), and Σ λ db_writes × write_combining_factor.
struct BlockIo {
  double reads_per_s = 0;
  double writes_per_s = 0;
};
BlockIo BlockIoAt(const MonthLoad& load, int window, const PostgresSettings& settings);

// Share of the blocks read outside shared_buffers that the volume serves, for a cache holding
// `cache_hit_ratio` of the working set: u + (1 − u) × (1 − hit), u = uncached_read_share (the
// reads of a working set the cache does not hold all go to the volume). In [u, 1].
double VolumeReadShare(double cache_hit_ratio, const PostgresSettings& settings);

// Tables and indexes the month's writes add: Σ_c requests_month × db_writes ×
// net_new_kib_per_write, in GiB. The lead accumulates it into MonthLoad::database_gib.
double DatabaseGrowthGibPerMonth(const MonthLoad& load, const PostgresSettings& settings);

// WAL generated per day: Σ_c requests_month × db_writes × wal_kib_per_write over the days of
// an average month (365.25 / 12), in GiB.
double WalGibPerDay(const MonthLoad& load, const PostgresSettings& settings);

// The mean slowdown (response time / CPU time) of a query on `vcpu` cores time-shared among
// the queries in flight, with `offered_cores` of CPU demand: the M/M/c mean response over the
// service time, 1 + C(c, a) / (c − a) (M/M/c-PS has the same number in system as M/M/c-FCFS;
// at c = 1 it is PS's 1 / (1 − ρ), queueing/ps.h). A saturated load is evaluated at 99.9%
// utilisation, a finite lower bound. REQUIRES: vcpu >= 1, offered_cores >= 0.
double CpuSlowdown(double offered_cores, int vcpu);

}  // namespace headroom
