#include "sizing/postgres_sizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/random.h"
#include "common/units.h"
#include "queueing/mmc.h"
#include "sizing/odoo_latency.h"
#include "sizing/postgres_clusters.h"
#include "sizing/sizer_math.h"

// docs/sizing-postgres.md derives every formula here and names its source.

namespace headroom {
namespace {

constexpr double kBlockKib = 8.0;                // PostgreSQL's block size
constexpr double kMinWorkMemKib = 4.0 * 1024.0;  // PGTune's 4 MB floor
constexpr double kBatchWindowS = 3600.0;         // batch CPU-seconds are given per window hour
// Inputs are clamped to [0, 1e12] so that no product of a few of them overflows.
constexpr double kMaxPostgresInput = 1e12;

double Sane(double x) { return x > 0 ? std::min(x, kMaxPostgresInput) : 0.0; }  // NaN → 0

bool Serves(const ClassLoad& c) { return !c.long_lived; }

// The window ceilings: policy.sustained_max_utilisation, policy.peak_max_utilisation, and
// "below 1" at recovery (PostgreSQL keeps its size after a zone loss: a standby is promoted).
std::array<double, 3> Ceilings(const HeadroomPolicy& policy) {
  return {std::clamp(policy.sustained_max_utilisation, 1e-6, 1.0),
          std::clamp(policy.peak_max_utilisation, 1e-6, 1.0), 1.0};
}

double Reserve(const HeadroomPolicy& policy) {
  return std::clamp(policy.maintenance_reserve, 0.0, 0.95);
}

struct CpuPlan {
  int vcpu = 0;
  bool saturated = false;
  int binding_window = kPeak;
  double pressure = 0;  // the binding window's utilisation over its ceiling
};

// Pressure of each window on `vcpu`: cores / (vcpu × (1 − reserve)) over the window ceiling.
std::array<double, 3> CpuPressure(const std::array<double, 3>& cores, int vcpu,
                                  const HeadroomPolicy& policy) {
  const std::array<double, 3> ceilings = Ceilings(policy);
  const double usable = std::max(1, vcpu) * (1.0 - Reserve(policy));
  std::array<double, 3> p{};
  for (int w = 0; w < 3; ++w) p[w] = cores[w] / usable / ceilings[w];
  return p;
}

bool CpuFits(const std::array<double, 3>& pressure) {
  return pressure[kSustained] <= 1.0 && pressure[kPeak] <= 1.0 && pressure[kRecovery] < 1.0;
}

CpuPlan ChooseVcpu(const std::array<double, 3>& cores, const HeadroomPolicy& policy,
                   const PostgresSettings& s) {
  CpuPlan plan;
  plan.saturated = true;
  for (int size : s.vcpu_sizes) {
    if (size < s.min_vcpu && size != s.vcpu_sizes.back()) continue;
    plan.vcpu = std::max(1, size);
    if (CpuFits(CpuPressure(cores, plan.vcpu, policy))) {
      plan.saturated = false;
      break;
    }
  }
  if (plan.vcpu == 0) plan.vcpu = 1;  // no sizes given
  const std::array<double, 3> p = CpuPressure(cores, plan.vcpu, policy);
  plan.binding_window = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  plan.pressure = p[plan.binding_window];
  return plan;
}

// The slowdown connections and memory are sized with: the highest any plan allows at peak,
// that of the smallest size at its peak ceiling after the reserve. Independent of the chosen
// vCPU, so that more load (which may buy more cores and shorter queries) never shrinks a pool.
double PlanningSlowdown(const HeadroomPolicy& policy, const PostgresSettings& s) {
  const int smallest = s.vcpu_sizes.empty() ? 1 : std::max(1, s.vcpu_sizes.front());
  const double rho = Ceilings(policy)[kPeak] * (1.0 - Reserve(policy));
  return CpuSlowdown(rho * smallest, smallest);
}

// Database time of one request in ms: CPU time × slowdown + block reads × read latency.
double DbTimeMs(const ClassLoad& c, double slowdown, const PostgresSettings& s) {
  return Sane(c.db_cpu_ms) * slowdown + Sane(c.db_reads) * Sane(s.read_latency_ms);
}

// Transactions in flight (Little): an Odoo request is one transaction that holds its server
// connection for the whole request: app CPU plus database time.
TransactionLoad Transactions(const MonthLoad& load, double slowdown, const PostgresSettings& s) {
  TransactionLoad t;
  for (const ClassLoad& c : load.classes) {
    if (!Serves(c)) continue;
    const double hold_s = (Sane(c.app_cpu_ms) + DbTimeMs(c, slowdown, s)) / 1000.0;
    t.in_flight_peak += Sane(c.rate_per_s[kPeak]) * hold_s;
    t.in_flight_recovery += Sane(c.rate_per_s[kRecovery]) * hold_s;
  }
  t.batch_in_flight_peak = load.batch_cpu_s[kPeak] > 0;
  t.batch_in_flight_recovery = load.batch_cpu_s[kRecovery] > 0;
  return t;
}

// Heavy queries in flight at peak (Little): Σ over classes with db_cpu_ms >= the threshold.
double HeavyQueriesMean(const MonthLoad& load, double slowdown, const PostgresSettings& s) {
  double mean = 0;
  for (const ClassLoad& c : load.classes) {
    if (!Serves(c) || Sane(c.db_cpu_ms) < s.heavy_query_db_cpu_ms) continue;
    mean += Sane(c.rate_per_s[kPeak]) * DbTimeMs(c, slowdown, s) / 1000.0;
  }
  return mean;
}

// The q-quantile of a Poisson count with this mean (the number in an M/G/∞ system), at least
// 1 when the mean is positive. Exact summation up to a mean of 200; above, the Cornish–Fisher
// expansion mean + z√mean + (z² − 1)/6, within one of the exact quantile there.
int PoissonQuantile(double mean, double q) {
  if (!(mean > 0)) return 0;
  q = std::clamp(q, 0.5, 1.0 - 1e-12);
  if (mean > 200.0) {
    const double z = InverseNormalCdf(q);
    const double k = std::ceil(mean + z * std::sqrt(mean) + (z * z - 1.0) / 6.0);
    return static_cast<int>(std::min(k, 1e9));
  }
  double pmf = std::exp(-mean);
  double cdf = pmf;
  int k = 0;
  while (cdf < q && k < 100000) {
    ++k;
    pmf *= mean / k;
    cdf += pmf;
  }
  return std::max(1, k);
}

double SharedBuffersShare(PgWorkload w) { return w == PgWorkload::kDesktop ? 1.0 / 16 : 0.25; }
double CacheShare(PgWorkload w) { return w == PgWorkload::kDesktop ? 0.25 : 0.75; }

struct MemoryPlan {
  double gib = 0;
  bool saturated = false;
  double cache_need_gib = 0;  // RAM whose effective_cache_size holds the working set
  double query_need_gib = 0;  // RAM whose work_mem share holds backends and heavy queries
  double ratio_need_gib = 0;  // min_memory_gib_per_vcpu × vcpu
};

MemoryPlan ChooseMemory(double working_set_gib, int max_connections, int heavy_planned, int vcpu,
                        const PostgresSettings& s) {
  MemoryPlan m;
  m.cache_need_gib = working_set_gib / CacheShare(s.workload);
  const double query_mib =
      max_connections * Sane(s.backend_memory_mib) +
      heavy_planned * std::max(1, s.sort_hash_nodes_per_query) * kMinWorkMemKib / 1024.0;
  const double query_share =
      std::max(1e-6, s.work_mem_memory_share) * (1.0 - SharedBuffersShare(s.workload));
  m.query_need_gib = query_mib / kMibPerGib / query_share;
  m.ratio_need_gib = Sane(s.min_memory_gib_per_vcpu) * vcpu;
  const double need = std::max({m.cache_need_gib, m.query_need_gib, m.ratio_need_gib});
  if (s.memory_sizes_gib.empty()) {  // no sizes given: the need itself, in whole GiB
    m.gib = std::max(1.0, std::ceil(need));
    return m;
  }
  m.saturated = true;
  for (double size : s.memory_sizes_gib) {
    m.gib = size;
    if (size >= need * (1.0 - 1e-12)) {
      m.saturated = false;
      break;
    }
  }
  return m;
}

// work_mem from the load: the work_mem share of the memory outside shared_buffers, divided
// among the planned heavy queries' sort and hash nodes; between 4 MB and 4 × PGTune's value.
int64_t LoadWorkMemKib(double memory_gib, const PgTuneSettings& pgtune, int heavy_planned,
                       const PostgresSettings& s) {
  const double high = 4.0 * static_cast<double>(pgtune.work_mem_kib);
  if (heavy_planned <= 0) return static_cast<int64_t>(high);
  const double budget_kib =
      (memory_gib * kKibPerGib - static_cast<double>(pgtune.shared_buffers_kib)) *
      s.work_mem_memory_share;
  const double per_node =
      budget_kib / (static_cast<double>(heavy_planned) * std::max(1, s.sort_hash_nodes_per_query));
  return static_cast<int64_t>(std::floor(std::clamp(per_node, kMinWorkMemKib, high)));
}

// The volume's IO: the reads the page cache does not serve (VolumeReadShare of the cache hit
// estimate, so step 3's memory comes first) and every write.
void SizeIo(const MonthLoad& load, const PostgresSettings& s, PostgresSizing& out) {
  const BlockIo peak = BlockIoAt(load, kPeak, s);
  const BlockIo recovery = BlockIoAt(load, kRecovery, s);
  const double volume_share = VolumeReadShare(out.cache_hit_ratio, s);
  const double mib_per_block = kBlockKib / 1024.0;
  out.read_iops_peak = peak.reads_per_s * volume_share;
  out.write_iops_peak = peak.writes_per_s;
  out.throughput_mib_s_peak = (out.read_iops_peak + out.write_iops_peak) * mib_per_block;
  out.read_iops_recovery = recovery.reads_per_s * volume_share;
  out.write_iops_recovery = recovery.writes_per_s;
  out.throughput_mib_s_recovery =
      (out.read_iops_recovery + out.write_iops_recovery) * mib_per_block;
}

double RoundUpGib(double gib, double step) {
  step = std::max(step, 1e-3);
  return std::ceil(gib / step - 1e-9) * step;
}

void SizeVolumes(const MonthLoad& load, const HeadroomPolicy& policy, const PostgresSettings& s,
                 PostgresSizing& out) {
  const double room = 1.0 + Sane(policy.storage_growth_room);
  const double ahead = std::max(Sane(load.database_gib_lookahead), Sane(load.database_gib));
  out.storage_gib = RoundUpGib(std::max(Sane(s.min_volume_gib), ahead * room), s.volume_step_gib);
  const double max_wal_gib = static_cast<double>(out.settings.max_wal_size_mib) / kMibPerGib;
  const double wal =
      std::max(2.0 * max_wal_gib, out.wal_gib_per_day * Sane(s.wal_archive_lag_days));
  out.wal_storage_gib = RoundUpGib(wal * room, s.volume_step_gib);
}

// Instances and replication (CloudNativePG): a standby when a zone or node loss must be
// survived; RPO 0 needs synchronous replication with dataDurability required, on three
// instances so that one standby's loss does not stop writes; an RPO below archive_timeout
// needs synchronous replication with dataDurability preferred; otherwise WAL archiving gives
// RPO <= archive_timeout. At most max_standbys + 1 instances.
void SizeInstances(const MonthLoad& load, const HeadroomPolicy& policy, const PostgresSettings& s,
                   PostgresSizing& out) {
  int wanted = (policy.survive_zone_loss || policy.survive_node_loss) ? 2 : 1;
  const double rpo_h = std::max(0.0, load.rpo_hours);
  const double archive_h = Sane(s.archive_timeout_min) / 60.0;
  if (rpo_h <= 0) {
    out.data_durability = "required";
    wanted = 3;
  } else if (rpo_h < archive_h) {
    out.data_durability = "preferred";
    wanted = std::max(wanted, 2);
  }
  const int cap = std::max(0, s.max_standbys) + 1;
  out.instances = std::min(wanted, cap);
  out.synchronous_standby = !out.data_durability.empty() && out.instances >= 2;
  if (!out.data_durability.empty() && out.instances < 2) {
    out.rpo_met = false;
    out.data_durability.clear();
    out.notes.push_back(
        fmt::format("RPO {:.1f} min needs a synchronous standby, but max_standbys = {} allows none",
                    rpo_h * 60.0, s.max_standbys));
  } else if (out.instances < wanted) {
    out.notes.push_back(fmt::format("{} instances wanted, {} allowed by max_standbys = {}", wanted,
                                    out.instances, s.max_standbys));
  }
}

void SizeDbTimes(const MonthLoad& load, const PostgresSettings& s, PostgresSizing& out) {
  const double f_peak = CpuSlowdown(out.db_cpu_cores[kPeak], out.vcpu);
  const double f_recovery = CpuSlowdown(out.db_cpu_cores[kRecovery], out.vcpu);
  for (const ClassLoad& c : load.classes) {
    if (!Serves(c) || (c.rate_per_s[kPeak] <= 0 && c.rate_per_s[kRecovery] <= 0)) continue;
    // The class's CPU-time p95 over its mean: Gamma with the class's service cv (mgc.h), from
    // the per-thread cache of unit-mean Gamma quantiles (odoo_latency.h): every sample of every
    // month asks for the same few cvs.
    const double p95_over_mean =
        ClassTailFor(1.0, std::clamp(c.service_cv, 0.0, 1e6)).service_p95_s;
    const double io_ms = Sane(c.db_reads) * Sane(s.read_latency_ms);
    const double cpu_p95_ms = Sane(c.db_cpu_ms) * p95_over_mean;
    ClassDbTime t;
    t.request_class = c.name;
    t.mean_ms_peak = DbTimeMs(c, f_peak, s);
    t.p95_ms_peak = cpu_p95_ms * f_peak + io_ms;
    t.p95_ms_recovery = cpu_p95_ms * f_recovery + io_ms;
    out.db_time_ms_p95 = std::max(out.db_time_ms_p95, t.p95_ms_peak);
    out.db_time.push_back(std::move(t));
  }
}

// One resource's claim to be the bottleneck.
struct Claim {
  const char* name;
  double pressure;     // need over what the plan allows (> 1: not met)
  double utilisation;  // of the resource in its window
  int window;
  bool saturated;
};

std::string Reason(const Claim& c, const PostgresSizing& out, const MemoryPlan& memory,
                   const HeadroomPolicy& policy, const PostgresSettings& s) {
  const char* window = sizer_math::kWindowNames[static_cast<size_t>(c.window)];
  const std::string name = c.name;
  if (name == "postgres cpu") {
    const double ceiling = Ceilings(policy)[c.window] * 100.0;
    if (c.saturated) {
      return fmt::format(
          "postgres cpu: {:.1f} cores at {} exceed the largest size, {} vCPU, at its {:.0f}% "
          "ceiling after the {:.0f}% maintenance reserve",
          out.db_cpu_cores[c.window], window, out.vcpu, ceiling, Reserve(policy) * 100.0);
    }
    return fmt::format(
        "postgres cpu: {:.1f} cores at {} on {} vCPU ({:.0f}%; ceiling {:.0f}% after the {:.0f}% "
        "maintenance reserve)",
        out.db_cpu_cores[c.window], window, out.vcpu, c.utilisation * 100.0, ceiling,
        Reserve(policy) * 100.0);
  }
  if (name == "postgres memory") {
    const bool cache = memory.cache_need_gib >= memory.query_need_gib;
    const std::string need =
        cache ? fmt::format(
                    "a working set of {:.1f} GiB needs {:.1f} GiB of RAM for "
                    "shared_buffers and the page cache to hold it",
                    out.working_set_gib, memory.cache_need_gib)
              : fmt::format("{} connections and {} heavy queries need {:.1f} GiB of RAM",
                            out.settings.max_connections, out.heavy_queries_planned,
                            memory.query_need_gib);
    if (c.saturated)
      return fmt::format("postgres memory: {}, more than the largest size, {:.0f} GiB", need,
                         out.memory_gib);
    return fmt::format("postgres memory: {}; {:.0f} GiB chosen", need, out.memory_gib);
  }
  if (name == "postgres iops") {
    const double iops = c.window == kPeak ? out.read_iops_peak + out.write_iops_peak
                                          : out.read_iops_recovery + out.write_iops_recovery;
    return fmt::format("postgres iops: {:.0f} IOPS at {}, {:.0f}% of the {:.0f} a volume gives",
                       iops, window, c.utilisation * 100.0, s.max_volume_iops);
  }
  return fmt::format(
      "connections: {:.1f} transactions in flight at {} want a pool of {}, more than the {} "
      "Odoo workers that can hold one; requests queue in Odoo",
      c.window == kPeak ? out.pools.transactions_in_flight_peak
                        : out.pools.transactions_in_flight_recovery,
      window, out.pools.pool_wanted, out.pools.transaction_pool_size);
}

void Judge(const CpuPlan& cpu, const MemoryPlan& memory, const HeadroomPolicy& policy,
           const PostgresSettings& s, PostgresSizing& out) {
  const double memory_util =
      std::max(memory.cache_need_gib, memory.query_need_gib) / std::max(out.memory_gib, 1e-9);
  const bool iops_at_peak =
      out.read_iops_peak + out.write_iops_peak >= out.read_iops_recovery + out.write_iops_recovery;
  const double iops_util = VolumeIopsNeed(out) / std::max(1.0, s.max_volume_iops);
  const PgBouncerPools& pools = out.pools;
  const double pool = std::max(1, pools.transaction_pool_size);
  const Claim claims[] = {
      {"postgres cpu", cpu.pressure, out.cpu_utilisation[cpu.binding_window], cpu.binding_window,
       cpu.saturated},
      {"postgres memory", memory_util, memory_util,
       memory.cache_need_gib >= memory.query_need_gib ? kSustained : kPeak, memory.saturated},
      {"postgres iops", iops_util, iops_util, iops_at_peak ? kPeak : kRecovery, iops_util > 1.0},
      {"connections", pools.capped ? pools.pool_wanted / pool : 0.0,
       pools.transactions_in_flight_peak / pool, pools.binding_window, false},
  };
  const bool any_saturated = cpu.saturated || memory.saturated || iops_util > 1.0;
  const Claim* best = nullptr;
  for (const Claim& c : claims) {
    if (any_saturated && !c.saturated) continue;
    if (best == nullptr || c.pressure > best->pressure) best = &c;
  }
  out.verdict.bottleneck = best->name;
  out.verdict.utilisation = best->utilisation;
  out.verdict.binding_window = best->window;
  out.verdict.saturated = any_saturated;
  out.verdict.reason = Reason(*best, out, memory, policy, s);
}

}  // namespace

std::array<double, 3> OfferedDbCpuCores(const MonthLoad& load, const OdooSizing& odoo,
                                        const PostgresSettings& settings) {
  std::array<double, 3> cores{};
  for (int w = 0; w < 3; ++w) {
    double requests = 0;
    for (const ClassLoad& c : load.classes) {
      if (Serves(c)) requests += Sane(c.rate_per_s[w]) * Sane(c.db_cpu_ms) / 1000.0;
    }
    double batch_app_cores = Sane(load.batch_cpu_s[w]) / kBatchWindowS;
    if (odoo.cron_workers > 0) batch_app_cores = std::min(batch_app_cores, 1.0 * odoo.cron_workers);
    const double batch = batch_app_cores * Sane(settings.batch_db_cpu_per_app_cpu);
    cores[w] = (requests + batch) * (1.0 + Sane(settings.autovacuum_cpu_share));
  }
  return cores;
}

BlockIo BlockIoAt(const MonthLoad& load, int window, const PostgresSettings& settings) {
  BlockIo io;
  const int w = std::clamp(window, 0, 2);
  for (const ClassLoad& c : load.classes) {
    io.reads_per_s += Sane(c.rate_per_s[w]) * Sane(c.db_reads);
    io.writes_per_s +=
        Sane(c.rate_per_s[w]) * Sane(c.db_writes) * Sane(settings.write_combining_factor);
  }
  return io;
}

double VolumeReadShare(double cache_hit_ratio, const PostgresSettings& settings) {
  const double uncached = std::clamp(Sane(settings.uncached_read_share), 0.0, 1.0);
  const double hit = std::clamp(Sane(cache_hit_ratio), 0.0, 1.0);
  return uncached + (1.0 - uncached) * (1.0 - hit);
}

double CpuSlowdown(double offered_cores, int vcpu) {
  const int c = std::max(1, vcpu);
  const double a = std::min(offered_cores > 0 ? offered_cores : 0.0, 0.999 * c);
  if (a <= 0) return 1.0;
  // λ = a per second with S = 1 s: the mean response is the slowdown itself.
  return queueing::AnalyseMmc(queueing::MmcQueue{a, 1.0, c}).mean_response_s.value_or(1.0);
}

double DatabaseGrowthGibPerMonth(const MonthLoad& load, const PostgresSettings& settings) {
  double kib = 0;
  for (const ClassLoad& c : load.classes) {
    kib += Sane(c.requests_month) * Sane(c.db_writes) * Sane(settings.net_new_kib_per_write);
  }
  return kib / kKibPerGib;
}

double WalGibPerDay(const MonthLoad& load, const PostgresSettings& settings) {
  double kib = 0;
  for (const ClassLoad& c : load.classes) {
    kib += Sane(c.requests_month) * Sane(c.db_writes) * Sane(settings.wal_kib_per_write);
  }
  return kib / kDaysPerMonth / kKibPerGib;
}

namespace {

PostgresSizing SizeOneCluster(const MonthLoad& load, const OdooSizing& odoo,
                              const HeadroomPolicy& policy, const PostgresSettings& settings) {
  const PostgresSettings& s = settings;
  PostgresSizing out;
  // 1. CPU.
  out.db_cpu_cores = OfferedDbCpuCores(load, odoo, s);
  const CpuPlan cpu = ChooseVcpu(out.db_cpu_cores, policy, s);
  out.vcpu = cpu.vcpu;
  for (int w = 0; w < 3; ++w) out.cpu_utilisation[w] = out.db_cpu_cores[w] / out.vcpu;
  out.cpu_utilisation_peak = out.cpu_utilisation[kPeak];
  SizeDbTimes(load, s, out);

  // 2. Pools and max_connections, with the planning slowdown (independent of the vCPU).
  const double slowdown = PlanningSlowdown(policy, s);
  out.pools = SizePgBouncerPools(Transactions(load, slowdown, s), odoo, s.pgbouncer);
  const int max_connections =
      MaxConnectionsFor(out.pools, s.superuser_reserved_connections, s.monitoring_connections);

  // 3. Memory.
  out.heavy_queries_mean = HeavyQueriesMean(load, slowdown, s);
  out.heavy_queries_planned = PoissonQuantile(out.heavy_queries_mean, s.heavy_query_quantile);
  out.database_gib = Sane(load.database_gib);
  out.working_set_gib = out.database_gib * std::clamp(s.working_set_share, 0.0, 1.0);
  const MemoryPlan memory =
      ChooseMemory(out.working_set_gib, max_connections, out.heavy_queries_planned, out.vcpu, s);
  out.memory_gib = memory.gib;
  out.memory_required_gib =
      std::max({memory.cache_need_gib, memory.query_need_gib, memory.ratio_need_gib});
  out.cache_hit_ratio =
      out.working_set_gib > 0
          ? std::min(1.0, CacheShare(s.workload) * out.memory_gib / out.working_set_gib)
          : 1.0;

  // 4. PGTune, then work_mem from the load.
  PgTuneInput tune;
  tune.memory_gib = out.memory_gib;
  tune.cpus = out.vcpu;
  tune.max_connections = max_connections;
  tune.workload = s.workload;
  tune.storage = s.storage;
  tune.postgres_version = s.postgres_version;
  out.settings = PgTune(tune);
  out.pgtune_work_mem_kib = out.settings.work_mem_kib;
  out.settings.work_mem_kib =
      LoadWorkMemKib(out.memory_gib, out.settings, out.heavy_queries_planned, s);

  // 5. IO, WAL, growth, volumes, instances, verdict.
  SizeIo(load, s, out);
  out.wal_gib_per_day = WalGibPerDay(load, s);
  out.database_growth_gib_month = DatabaseGrowthGibPerMonth(load, s);
  SizeVolumes(load, policy, s, out);
  SizeInstances(load, policy, s, out);
  if (out.settings.wal_level && out.instances > 1) {
    // PGTune's desktop profile sets wal_level = minimal, which streaming replication forbids.
    out.settings.wal_level.reset();
    out.settings.max_wal_senders.reset();
    out.notes.emplace_back("wal_level = minimal (PGTune desktop) dropped: standbys need replica");
  }
  if (!out.settings.warning.empty()) out.notes.push_back("PGTune: " + out.settings.warning);
  Judge(cpu, memory, policy, s, out);
  return out;
}

// The Odoo processes that connect to one cluster: with several clusters each serves a cell, an
// Odoo deployment of its own for its tenants (Traefik routes each host to its cell), so its
// connections come from its share of the workers, not from all of them.
OdooSizing CellWorkers(const OdooSizing& odoo, double share) {
  OdooSizing cell = odoo;
  cell.http_workers = CellCount(odoo.http_workers, share);
  cell.cron_workers = CellCount(odoo.cron_workers, share);
  cell.gevent_workers = CellCount(odoo.gevent_workers, share);
  return cell;
}

PostgresSizing SizeClusters(const MonthLoad& load, const OdooSizing& odoo,
                            const HeadroomPolicy& policy, const PostgresSettings& settings,
                            int clusters) {
  const double share = load.cluster_shares[static_cast<size_t>(clusters - 1)];
  PostgresSizing out =
      SizeOneCluster(ClusterLoad(load, share), CellWorkers(odoo, share), policy, settings);
  out.clusters = clusters;
  out.cluster_share = share;
  if (clusters < 2) return out;
  out.verdict.reason += fmt::format(
      " (the busiest of {} clusters the tenants' databases are spread over, with {:.1f}% of "
      "their CPU, IO or data)",
      clusters, share * 100.0);
  return out;
}

}  // namespace

PostgresSizing SizePostgres(const MonthLoad& load, const OdooSizing& odoo,
                            const HeadroomPolicy& policy, const PostgresSettings& settings) {
  const int most =
      std::min(std::max(1, settings.max_clusters), static_cast<int>(load.cluster_shares.size()));
  const int fewest = std::clamp(settings.min_clusters, 1, std::max(1, most));
  if (fewest <= 1) {
    PostgresSizing one = SizeOneCluster(load, odoo, policy, settings);
    if (!one.verdict.saturated || most <= 1) return one;
  }
  // The fewest clusters whose busiest one is not saturated. More clusters can leave a larger
  // busiest share (the spread is a heuristic), so the search runs on the running minimum of
  // the shares, on which "not saturated" is monotone; where that minimum first fits, it is the
  // count's own share.
  std::vector<int> best(static_cast<size_t>(most + 1), fewest);
  for (int n = fewest + 1; n <= most; ++n) {
    const int prev = best[static_cast<size_t>(n - 1)];
    best[static_cast<size_t>(n)] = load.cluster_shares[static_cast<size_t>(n - 1)] <
                                           load.cluster_shares[static_cast<size_t>(prev - 1)]
                                       ? n
                                       : prev;
  }
  int lo = fewest <= 1 ? std::min(2, most) : fewest;  // one cluster was tried above
  int hi = most;
  PostgresSizing fit = SizeClusters(load, odoo, policy, settings, best[static_cast<size_t>(hi)]);
  if (fit.verdict.saturated) return fit;  // not even the most clusters allowed are enough
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    PostgresSizing trial =
        SizeClusters(load, odoo, policy, settings, best[static_cast<size_t>(mid)]);
    if (trial.verdict.saturated) {
      lo = mid + 1;
    } else {
      hi = mid;
      fit = std::move(trial);
    }
  }
  return fit;
}

}  // namespace headroom
