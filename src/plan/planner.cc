#include "plan/planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>

#include "cost/cost.h"
#include "plan/database_spread.h"
#include "plan/ingress_cells.h"
#include "plan/month_loads.h"
#include "plan/ratchet.h"
#include "plan/roadmap.h"
#include "plan/saturation.h"
#include "plan/workloads.h"

namespace headroom {
namespace {

// A size the ratchet keeps from churning: how to read it and write it back.
struct RatchetField {
  double (*get)(const MonthPlan&);
  void (*set)(MonthPlan&, double);
};

#define HEADROOM_INT_FIELD(path)                                                  \
  RatchetField {                                                                  \
    [](const MonthPlan& p) { return static_cast<double>(p.path); },               \
        [](MonthPlan& p, double v) { p.path = static_cast<decltype(p.path)>(v); } \
  }

const std::vector<RatchetField>& RatchetFields() {
  static const std::vector<RatchetField> kFields = {
      HEADROOM_INT_FIELD(postgres.vcpu),
      HEADROOM_INT_FIELD(postgres.memory_gib),
      HEADROOM_INT_FIELD(postgres.instances),
      HEADROOM_INT_FIELD(postgres.storage_gib),
      HEADROOM_INT_FIELD(postgres.wal_storage_gib),
      HEADROOM_INT_FIELD(redis.memory_mib),
      HEADROOM_INT_FIELD(redis.replicas),
      // Traefik's replicas in all cells: a cell more takes its share of the same load.
      RatchetField{[](const MonthPlan& p) { return TotalReplicas(p.ingress); },
                   [](MonthPlan& p, double v) {
                     p.ingress.replicas =
                         static_cast<int>(std::ceil(v / std::max(1, p.ingress.cells) - 1e-9));
                   }},
  };
  return kFields;
}

#undef HEADROOM_INT_FIELD

// The sizes the ratchet keeps apart from Odoo's: each stands alone (PostgreSQL's settings
// follow its RAM in RetunePostgres).
void ApplyRatchet(std::vector<MonthPlan>& months) {
  for (const RatchetField& field : RatchetFields()) {
    std::vector<double> need;
    for (const MonthPlan& m : months) need.push_back(field.get(m));
    const std::vector<double> planned = Ratchet(need);
    for (size_t i = 0; i < months.size(); ++i) field.set(months[i], planned[i]);
  }
}

// Odoo's sizes hang together (workers = pods × workers per pod; CPU requests, memory limits,
// the HPA and PgBouncer's client connections follow from them), so they are not ratcheted one
// by one: the ratchet of the HTTP workers, pods, HPA minimum and cron workers become floors and
// the month is sized again with them, which keeps every derived figure consistent. So does the
// count of PostgreSQL clusters: each cluster's size depends on how many share the databases.
struct SizeFloors {
  int http_workers = 0;
  int pods = 0;
  int hpa_min_replicas = 0;
  int hpa_max_replicas = 0;
  int cron_workers = 0;
  int postgres_clusters = 0;

  friend bool operator==(const SizeFloors&, const SizeFloors&) = default;
};

std::vector<SizeFloors> RatchetFloors(const std::vector<MonthPlan>& months) {
  auto ratchet = [&months](int OdooSizing::*field) {
    std::vector<double> need;
    for (const MonthPlan& m : months) need.push_back(m.odoo.*field);
    return Ratchet(need);
  };
  const std::vector<double> workers = ratchet(&OdooSizing::http_workers);
  const std::vector<double> pods = ratchet(&OdooSizing::pods);
  const std::vector<double> hpa_min = ratchet(&OdooSizing::hpa_min_replicas);
  const std::vector<double> hpa_max = ratchet(&OdooSizing::hpa_max_replicas);
  const std::vector<double> cron = ratchet(&OdooSizing::cron_workers);
  // Fewer clusters means merging databases into others, a migration no growth plan should
  // ask for: the count never shrinks (a running maximum, not the ratchet's permanent dips).
  int clusters = 0;
  std::vector<SizeFloors> floors(months.size());
  for (size_t i = 0; i < months.size(); ++i) {
    clusters = std::max(clusters, months[i].postgres.clusters);
    floors[i] = {static_cast<int>(workers[i]), static_cast<int>(pods[i]),
                 static_cast<int>(hpa_min[i]), static_cast<int>(hpa_max[i]),
                 static_cast<int>(cron[i]),    clusters};
  }
  return floors;
}

// The month's settings: the plan's, with the floors a failed simulation of an earlier pass put
// on it.
PlanSettings MonthSettings(const PlanSettings& settings, size_t index) {
  const MonthConstraint constraint = index < settings.month_constraints.size()
                                         ? settings.month_constraints[index]
                                         : MonthConstraint{};
  PlanSettings s = settings;
  s.odoo.min_pods = std::max(settings.odoo.min_pods, constraint.min_pods);
  s.odoo.min_hpa_replicas = std::max(settings.odoo.min_hpa_replicas, constraint.min_hpa_replicas);
  s.odoo.min_workers_per_pod =
      std::max(settings.odoo.min_workers_per_pod, constraint.min_workers_per_pod);
  s.postgres.min_vcpu = std::max(settings.postgres.min_vcpu, constraint.min_postgres_vcpu);
  s.postgres.pgbouncer.min_transaction_pool =
      std::max(settings.postgres.pgbouncer.min_transaction_pool, constraint.min_pool_connections);
  s.postgres.min_clusters =
      std::max(settings.postgres.min_clusters, constraint.min_postgres_clusters);
  return s;
}

// Sizes month `index` again with the ratchet's floors.
MonthPlan ResizeWithFloors(const MonthLoad& load, const HeadroomPolicy& policy,
                           PlanSettings settings, const SizeFloors& floors) {
  settings.odoo.min_http_workers = std::max(settings.odoo.min_http_workers, floors.http_workers);
  settings.odoo.min_pods = std::max(settings.odoo.min_pods, floors.pods);
  settings.odoo.min_hpa_replicas =
      std::max(settings.odoo.min_hpa_replicas, floors.hpa_min_replicas);
  settings.odoo.min_cron_workers = std::max(settings.odoo.min_cron_workers, floors.cron_workers);
  settings.postgres.min_clusters =
      std::max(settings.postgres.min_clusters, floors.postgres_clusters);
  MonthPlan m = SizeMonth(load, policy, settings);
  m.odoo.hpa_max_replicas = std::max(m.odoo.hpa_max_replicas, floors.hpa_max_replicas);
  return m;
}

// Sizing a month again with the ratchet's floors may give it more than the floors (a month
// held to more pods by a later one keeps the workers per pod its own constraint asks for), and a
// month between two so raised would be left below them: a shrink and regrow. The floors are
// taken again from the months as resized, and the months whose floors rose are sized again,
// until none rises (floors only rise, so this ends; a few rounds at most in practice).
void ResizeUntilFloorsHold(const std::vector<MonthLoad>& loads, const HeadroomPolicy& policy,
                           const PlanSettings& settings, std::vector<MonthPlan>& months) {
  constexpr int kMostRounds = 8;
  std::vector<SizeFloors> applied(months.size());
  for (int round = 0; round < kMostRounds; ++round) {
    const std::vector<SizeFloors> floors = RatchetFloors(months);
    bool rose = false;
    for (size_t i = 0; i < loads.size(); ++i) {
      if (round > 0 && floors[i] == applied[i]) continue;
      rose = true;
      months[i] =
          ResizeWithFloors(loads[i], policy,
                           MonthSettings(settings, static_cast<size_t>(loads[i].month)), floors[i]);
      applied[i] = floors[i];
    }
    if (!rose) return;
  }
}

// PostgreSQL memory settings follow the planned RAM, which the ratchet may have raised; the
// connection counts and work_mem stay as the month's load set them.
void RetunePostgres(MonthPlan& m, const PostgresSettings& settings) {
  PgTuneInput in;
  in.memory_gib = m.postgres.memory_gib;
  in.cpus = m.postgres.vcpu;
  in.max_connections = m.postgres.settings.max_connections;
  in.workload = settings.workload;
  in.storage = settings.storage;
  const PgTuneSettings tuned = PgTune(in);
  const int64_t work_mem = m.postgres.settings.work_mem_kib;
  m.postgres.settings = tuned;
  m.postgres.settings.work_mem_kib = work_mem;
}

// Share of samples whose own need is at most the planned value.
double Covered(const std::vector<double>& needs, double planned) {
  if (needs.empty()) return 1.0;
  const auto covered = std::count_if(needs.begin(), needs.end(),
                                     [planned](double n) { return n <= planned + 1e-9; });
  return static_cast<double>(covered) / static_cast<double>(needs.size());
}

// One sample's needs, month by month (sized without the month constraints).
struct SampleRow {
  std::vector<double> workers, vcpu, memory, redis, ingress;
};

// [month][n − 1]: the busiest of n clusters' share of the databases' load, and of n cells' share
// of the ingress's (plan/database_spread.h, plan/ingress_cells.h).
struct CellShares {
  std::vector<std::vector<double>> clusters;
  std::vector<std::vector<double>> ingress;
};

std::vector<MonthLoad> LoadsWithShares(const Estate& estate, const Demand& demand, LoadView view,
                                       const PlanSettings& settings, const CellShares& shares) {
  std::vector<MonthLoad> loads =
      BuildMonthLoads(estate, demand, view, settings.postgres, shares.clusters);
  for (MonthLoad& load : loads) {
    const auto m = static_cast<size_t>(load.month);
    if (m < shares.ingress.size()) load.ingress_shares = shares.ingress[m];
  }
  return loads;
}

// PostgreSQL's vCPU and memory are totals over its clusters: a sample may need another count.
SampleRow SizeSample(const Estate& estate, const Demand& demand, const PlanSettings& settings,
                     const CellShares& shares, size_t n, int sample) {
  const std::vector<MonthLoad> loads =
      LoadsWithShares(estate, demand, {LoadView::Kind::kSample, sample}, settings, shares);
  SampleRow row;
  for (size_t m = 0; m < n; ++m) {
    const MonthPlan need = SizeMonth(loads[m], estate.policy, settings);
    row.workers.push_back(need.odoo.http_workers);
    row.vcpu.push_back(TotalVcpu(need.postgres));
    row.memory.push_back(TotalMemoryGib(need.postgres));
    row.redis.push_back(need.redis.memory_mib);
    row.ingress.push_back(TotalReplicas(need.ingress));
  }
  return row;
}

// The samples are sized on `settings.threads` threads, each sample into its own row, and
// gathered in sample order: the needs do not depend on the thread count.
SampleNeeds ComputeSampleNeeds(const Estate& estate, const Demand& demand,
                               const PlanSettings& settings, const CellShares& shares, size_t n) {
  std::vector<SampleRow> rows(static_cast<size_t>(demand.samples));
  const auto size_range = [&](int begin, int end) {
    for (int s = begin; s < end; ++s) {
      rows[static_cast<size_t>(s)] = SizeSample(estate, demand, settings, shares, n, s);
    }
  };
  const int threads = std::clamp(settings.threads, 1, std::max(1, demand.samples));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back(size_range, demand.samples * t / threads, demand.samples * (t + 1) / threads);
  }
  size_range(0, demand.samples / threads);
  for (std::thread& th : pool) th.join();

  SampleNeeds needs;
  const std::pair<std::vector<std::vector<double>>*, std::vector<double> SampleRow::*> columns[] = {
      {&needs.workers, &SampleRow::workers},
      {&needs.vcpu, &SampleRow::vcpu},
      {&needs.memory, &SampleRow::memory},
      {&needs.redis, &SampleRow::redis},
      {&needs.ingress, &SampleRow::ingress}};
  for (const auto& [column, field] : columns) {
    column->resize(n);
    for (size_t m = 0; m < n; ++m) {
      for (const SampleRow& row : rows) (*column)[m].push_back((row.*field)[m]);
    }
  }
  return needs;
}

void FillCoverage(const SampleNeeds& needs, std::vector<MonthPlan>& months) {
  for (size_t m = 0; m < months.size(); ++m) {
    Coverage& c = months[m].coverage;
    c.odoo_workers = Covered(needs.workers[m], months[m].odoo.http_workers);
    c.postgres_vcpu = Covered(needs.vcpu[m], TotalVcpu(months[m].postgres));
    c.postgres_memory = Covered(needs.memory[m], TotalMemoryGib(months[m].postgres));
    c.redis_memory = Covered(needs.redis[m], months[m].redis.memory_mib);
    c.ingress_replicas = Covered(needs.ingress[m], TotalReplicas(months[m].ingress));
  }
}

// PostgreSQL's share of the node cost, by the mean of its CPU and memory shares of all requests.
double PostgresNodeShare(const std::vector<PodGroup>& groups) {
  double cpu = 0, memory = 0, pg_cpu = 0, pg_memory = 0;
  for (const PodGroup& g : groups) {
    const double c = static_cast<double>(g.cpu_request_m) * g.replicas;
    const double mem = static_cast<double>(g.memory_request_mib) * g.replicas;
    cpu += c;
    memory += mem;
    if (IsPostgresGroup(g.name)) {
      pg_cpu += c;
      pg_memory += mem;
    }
  }
  return (cpu > 0 ? pg_cpu / cpu : 0) / 2 + (memory > 0 ? pg_memory / memory : 0) / 2;
}

void Place(const HeadroomPolicy& policy, const Catalog& catalog, MonthPlan& m) {
  const std::vector<PodGroup> groups = MonthWorkloads(m, policy);
  m.cost.postgres_in_cluster = PostgresNodeShare(groups);  // a share until the nodes are costed
  std::vector<std::string> zones(
      catalog.zones.begin(),
      catalog.zones.begin() +
          std::min<ptrdiff_t>(policy.zones, static_cast<ptrdiff_t>(catalog.zones.size())));
  PackingOptions options;
  options.survive_zone_loss = policy.survive_zone_loss;
  options.survive_node_loss = policy.survive_node_loss;
  Result<Placement> placed = PackPods(groups, catalog.node_types, zones, options);
  if (!placed.ok()) {
    // No placement, but the month still costs at least what its requests cost at the
    // catalog's cheapest rates: the nodes are costed at that bound (an underestimate, said so
    // in the warning and in `strategy`), never at zero.
    m.nodes.error = placed.error().Format();
    m.nodes.lower_bound_monthly = PackingLowerBound(groups, catalog.node_types, options).monthly;
    m.nodes.strategy = kUnplacedStrategy;
    m.cost.nodes = m.nodes.lower_bound_monthly;
    return;
  }
  const Placement& p = placed.value();
  MonthNodes& nodes = m.nodes;
  nodes.counts = p.node_counts;
  nodes.nodes = static_cast<int>(p.nodes.size());
  double cpu_req = 0, cpu_alloc = 0, mem_req = 0, mem_alloc = 0;
  for (const PlacedNode& node : p.nodes) {
    cpu_req += static_cast<double>(node.cpu_requested_m);
    cpu_alloc += static_cast<double>(node.allocatable.cpu_m);
    mem_req += static_cast<double>(node.memory_requested_mib);
    mem_alloc += static_cast<double>(node.allocatable.memory_mib);
  }
  nodes.cpu_requested_share = cpu_alloc > 0 ? cpu_req / cpu_alloc : 0;
  nodes.memory_requested_share = mem_alloc > 0 ? mem_req / mem_alloc : 0;
  nodes.lower_bound_monthly = p.bound.monthly;
  nodes.optimality_gap = p.optimality_gap;
  nodes.strategy = p.strategy;
  std::vector<double> needed;
  for (const PodGroup& g : groups) needed.push_back(g.needed_after_loss);
  nodes.survives_zone_loss = SurvivesZoneLoss(p, needed);
  nodes.survives_node_loss = SurvivesNodeLoss(p, needed);
  m.cost.nodes = p.monthly_cost;
}

void ComparePostgres(const Catalog& catalog, MonthPlan& m, double volumes_monthly) {
  MonthCost& c = m.cost;
  c.postgres_in_cluster = c.postgres_in_cluster * c.nodes + volumes_monthly;
  Result<ManagedPostgresQuote> quote =
      QuoteManagedPostgres(catalog, m.postgres.vcpu, m.postgres.memory_gib, m.postgres.storage_gib,
                           m.postgres.instances > 1);
  if (!quote.ok()) return;
  c.postgres_managed = quote.value().total_monthly * std::max(1, m.postgres.clusters);
  c.postgres_managed_type = quote.value().type;
}

// Each month's PostgreSQL data volume as provisioned: its size, and IOPS and throughput for the
// most it must deliver (the peak or, after a loss, the recovery's backlog), ratcheted like the
// sizes so that a volume does not change class and back (plan/ratchet.h).
std::vector<BlockVolume> DataVolumes(const std::vector<MonthPlan>& months) {
  std::vector<double> iops;
  std::vector<double> throughput;
  for (const MonthPlan& m : months) {
    iops.push_back(VolumeIopsNeed(m.postgres));
    throughput.push_back(VolumeThroughputNeedMibS(m.postgres));
  }
  iops = Ratchet(iops);
  throughput = Ratchet(throughput);
  std::vector<BlockVolume> volumes;
  for (size_t i = 0; i < months.size(); ++i) {
    volumes.push_back(BlockVolume{months[i].postgres.storage_gib, iops[i], throughput[i]});
  }
  return volumes;
}

void Cost(const Catalog& catalog, const MonthPlan* previous, const BlockVolume& data,
          MonthPlan& m) {
  MonthCost& c = m.cost;
  const BlockVolume wal{m.postgres.wal_storage_gib, 0, 0};
  const BlockStoragePrice& data_class = BlockStorageFor(catalog, data);
  c.block_storage_class = data_class.name;
  c.data_volume_iops = data.iops;
  c.data_volume_mib_s = data.throughput_mib_s;
  c.block_storage =
      PostgresPods(m.postgres) * (BlockStorageMonthlyCost(data_class, data) +
                                  BlockStorageMonthlyCost(BlockStorageFor(catalog, wal), wal));
  const double filestore_start = previous != nullptr ? previous->storage.filestore_gib : 0;
  c.object_storage = ObjectStorageMonthlyCost(catalog, filestore_start, m.storage.filestore_gib);
  const double backup_start = previous != nullptr ? previous->storage.backup_footprint_gib : 0;
  c.backup_storage =
      ObjectStorageMonthlyCost(catalog, backup_start, m.storage.backup_footprint_gib);
  double egress_gib = 0;
  for (const ClassLoad& cl : m.load.classes) {
    if (cl.long_lived)
      continue;  // websocket traffic is small and counted in sessions, not requests
    egress_gib += cl.requests_month * cl.response_kib / (1024.0 * 1024.0);
  }
  c.egress = EgressMonthlyCost(catalog, egress_gib);
  c.load_balancer = LoadBalancerMonthlyCost(catalog, std::max(1, m.ingress.cells));
  c.total =
      c.nodes + c.block_storage + c.object_storage + c.backup_storage + c.egress + c.load_balancer;
  ComparePostgres(catalog, m, c.block_storage);
}

// [month]: the tenant whose database alone is the busiest cluster of a month whose PostgreSQL
// is saturated over several clusters: no count of clusters helps it, which the warning says.
std::vector<std::string> LoneSaturatedDatabases(const Demand& demand,
                                                const DatabaseLoads& databases, const Plan& plan) {
  std::vector<int> clusters;
  for (const MonthPlan& m : plan.month_plans) {
    clusters.push_back(m.postgres.verdict.saturated ? m.postgres.clusters : 0);
  }
  return LoneBusiestTenants(demand, databases, clusters);
}

std::string LoneDatabaseText(const std::string& tenant) {
  if (tenant.empty()) return "";
  return fmt::format(
      "; the busiest cluster holds {}'s database alone, which no count of clusters splits: "
      "measure its per-request demands (docs/assumptions.md, \"How to calibrate\") or give it "
      "faster storage",
      tenant);
}

// A data volume that outgrows its block storage class moves to another (gp3 to io2), which can
// cost more than the rest of the storage: said where it happens, with what it needs.
void WarnOfVolumeClasses(const Catalog& catalog, Plan& plan) {
  for (size_t i = 1; i < plan.month_plans.size(); ++i) {
    const MonthCost& before = plan.month_plans[i - 1].cost;
    const MonthCost& now = plan.month_plans[i].cost;
    if (now.block_storage_class == before.block_storage_class) continue;
    const BlockStoragePrice* was = FindBlockStorage(catalog, before.block_storage_class);
    const std::string limit =
        was != nullptr && was->max_iops > 0 && now.data_volume_iops > was->max_iops
            ? fmt::format(", more than the {:.0f} one {} volume delivers", was->max_iops, was->name)
            : std::string();
    plan.warnings.push_back(fmt::format(
        "{}: PostgreSQL's data volumes move from {} to {}, provisioned for {:.0f} IOPS (the larger "
        "of peak and recovery{}); block storage {:.0f} -> {:.0f} {}/month",
        plan.month_plans[i].label, before.block_storage_class, now.block_storage_class,
        now.data_volume_iops, limit, before.block_storage, now.block_storage, plan.currency));
  }
}

// Several PostgreSQL clusters are a change of architecture (cells), said once with its reason.
void WarnOfClusters(Plan& plan) {
  const auto first = std::find_if(plan.month_plans.begin(), plan.month_plans.end(),
                                  [](const MonthPlan& m) { return m.postgres.clusters > 1; });
  if (first == plan.month_plans.end()) return;
  int most = 0;
  for (const MonthPlan& m : plan.month_plans) most = std::max(most, m.postgres.clusters);
  plan.warnings.push_back(fmt::format(
      "{}: one PostgreSQL cluster at the largest size allowed cannot carry the tenants' "
      "databases; from here they are spread over {} clusters ({} at most), each with its own "
      "Odoo deployment and Traefik (docs/sizing-postgres.md, \"Several clusters\"); the "
      "artifacts describe one such cell",
      first->label, first->postgres.clusters, most));
}

// The ingress of one cell of `cells` (the PostgreSQL clusters), sized on the busiest cell's
// share of the requests and sessions; the estate's one ingress when the load has no cell shares.
IngressSizing SizeCellIngress(const MonthLoad& load, int cells, const HeadroomPolicy& policy,
                              const IngressSettings& settings) {
  if (cells < 2 || load.ingress_shares.size() < static_cast<size_t>(cells)) {
    return SizeIngress(load, policy, settings);
  }
  const double share = load.ingress_shares[static_cast<size_t>(cells) - 1];
  IngressSizing s = SizeIngress(ClusterLoad(load, share), policy, settings);
  s.cells = cells;
  s.cell_share = share;
  return s;
}

}  // namespace

MonthPlan SizeMonth(const MonthLoad& load, const HeadroomPolicy& policy,
                    const PlanSettings& settings) {
  MonthPlan m;
  m.month = load.month;
  m.load = load;
  m.odoo = SizeOdoo(load, policy, settings.odoo);
  m.postgres = SizePostgres(load, m.odoo, policy, settings.postgres);
  m.redis = SizeRedis(load, policy, settings.redis);
  m.storage = SizeStorage(load, m.postgres, policy, settings.storage);
  m.ingress = SizeCellIngress(load, m.postgres.clusters, policy, settings.ingress);
  m.rule_of_thumb = OdooRuleOfThumbFor(load.sessions[kPeak]);
  return m;
}

Result<Plan> BuildPlan(const Estate& estate, const Demand& demand, const PlanSettings& settings,
                       const std::function<void(double)>& progress) {
  return BuildPlan(estate, demand, settings, progress, nullptr);
}

Result<Plan> BuildPlan(const Estate& estate, const Demand& demand, const PlanSettings& given,
                       const std::function<void(double)>& progress, SampleNeeds* cache) {
  auto report = [&](double f) {
    if (progress) progress(f);
  };
  PlanSettings settings = given;
  settings.postgres = PostgresSizesThatFit(given.postgres, given.catalog.node_types);
  // A data volume gives at most what the catalog's fastest block storage class delivers.
  if (const double iops = MostVolumeIops(given.catalog); iops > 0) {
    settings.postgres.max_volume_iops = iops;
  }
  // Each tenant's database load, spread over clusters only when several are allowed.
  const DatabaseLoads databases = settings.postgres.max_clusters > 1
                                      ? DatabaseLoadsOf(estate, demand, settings.postgres)
                                      : DatabaseLoads{};
  CellShares shares;
  shares.clusters = DatabaseClusterShares(databases, settings.postgres.max_clusters);
  if (!databases.tenants.empty()) {
    shares.ingress = IngressCellShares(databases, IngressLoadsOf(demand), shares.clusters);
  }
  const std::vector<MonthLoad> loads =
      LoadsWithShares(estate, demand, {LoadView::Kind::kQuantile, 0}, settings, shares);
  Plan plan;
  plan.estate = estate.name;
  plan.start = estate.start;
  plan.months = demand.months();
  plan.samples = demand.samples;
  plan.seed = demand.seed;
  plan.quantile = demand.planning.quantile;
  plan.currency = settings.catalog.currency;
  plan.catalog_name = settings.catalog.name;
  plan.catalog_price_date = settings.catalog.price_date;
  for (const MonthLoad& load : loads) {
    plan.month_plans.push_back(
        SizeMonth(load, estate.policy, MonthSettings(settings, static_cast<size_t>(load.month))));
  }
  ResizeUntilFloorsHold(loads, estate.policy, settings, plan.month_plans);
  for (size_t i = 0; i < loads.size(); ++i) {
    const MonthLoad& load = loads[i];
    MonthPlan& m = plan.month_plans[i];
    m.label = demand.MonthLabel(load.month);
    m.peak_hour_utc =
        demand.HourUtc(demand.estate_mid.At(load.month, 0, WindowKind::kPeak).facts.hour);
    for (const TenantEvents& te : demand.CoincidingMid(load.month)) {
      for (std::string& e : demand.EventNames(te.events)) {
        if (std::find(m.peak_events.begin(), m.peak_events.end(), e) == m.peak_events.end()) {
          m.peak_events.push_back(std::move(e));
        }
      }
    }
  }
  report(0.2);
  ApplyRatchet(plan.month_plans);
  for (MonthPlan& m : plan.month_plans) {
    RetunePostgres(m, settings.postgres);
    // Volumes and backups follow the ratcheted PostgreSQL volumes.
    m.storage = SizeStorage(m.load, m.postgres, estate.policy, settings.storage);
  }
  // Each sample's own need is sized without the month constraints, so it is the same on every
  // pass of the verify loop: computed once when a cache is given.
  SampleNeeds computed;
  if (cache == nullptr || cache->workers.size() != plan.month_plans.size()) {
    computed = ComputeSampleNeeds(estate, demand, settings, shares, plan.month_plans.size());
    if (cache != nullptr) *cache = computed;
  }
  FillCoverage(cache != nullptr ? *cache : computed, plan.month_plans);
  report(0.7);
  const std::vector<std::string> lone = LoneSaturatedDatabases(demand, databases, plan);
  const std::vector<BlockVolume> data_volumes = DataVolumes(plan.month_plans);
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    MonthPlan& m = plan.month_plans[i];
    Place(estate.policy, settings.catalog, m);
    Cost(settings.catalog, i > 0 ? &plan.month_plans[i - 1] : nullptr, data_volumes[i], m);
    if (!m.nodes.error.empty()) {
      plan.warnings.push_back(fmt::format(
          "{}: pods could not be placed: {}; its nodes are costed at the packing's lower bound "
          "({:.0f} {}/month), an underestimate",
          m.label, m.nodes.error, m.nodes.lower_bound_monthly, plan.currency));
    }
    const std::string saturated = SaturatedLayers(m);
    if (!saturated.empty()) {
      plan.warnings.push_back(fmt::format("{}: saturated at the largest size allowed: {}{}",
                                          m.label, saturated, LoneDatabaseText(lone[i])));
    }
    if (!saturated.empty() || !m.nodes.error.empty()) plan.holds = false;
    report(0.7 + 0.3 * static_cast<double>(i + 1) / static_cast<double>(plan.month_plans.size()));
  }
  WarnOfClusters(plan);
  WarnOfVolumeClasses(settings.catalog, plan);
  plan.roadmap = BuildRoadmap(plan);
  if (estate.currency != plan.currency) {
    plan.warnings.push_back(fmt::format(
        "prices are in {} from the catalog '{}' ({}); the estate's currency {} is not converted",
        plan.currency, plan.catalog_name, plan.catalog_price_date, estate.currency));
  }
  return plan;
}

}  // namespace headroom
