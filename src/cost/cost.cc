#include "cost/cost.h"

#include <fmt/format.h>

#include <algorithm>

namespace headroom {

double NodesMonthlyCost(const NodeType& type, int count) {
  return static_cast<double>(count) * type.price_per_hour * kHoursPerMonth;
}

double BlockStorageMonthlyCost(const BlockStoragePrice& price, const BlockVolume& volume) {
  const double extra_iops = std::max(0.0, volume.iops - price.included_iops);
  const double extra_mib_s =
      std::max(0.0, volume.throughput_mib_s - price.included_throughput_mib_s);
  return volume.size_gib * price.per_gib_month + extra_iops * price.per_iops_month +
         extra_mib_s * price.per_throughput_mib_s_month;
}

bool Delivers(const BlockStoragePrice& price, const BlockVolume& volume) {
  return (price.max_iops <= 0 || volume.iops <= price.max_iops) &&
         (price.max_throughput_mib_s <= 0 || volume.throughput_mib_s <= price.max_throughput_mib_s);
}

const BlockStoragePrice& BlockStorageFor(const Catalog& catalog, const BlockVolume& volume) {
  // Whether a delivers more IOPS than b (no limit is the most).
  const auto more_iops = [](const BlockStoragePrice& a, const BlockStoragePrice& b) {
    return b.max_iops > 0 && (a.max_iops <= 0 || a.max_iops > b.max_iops);
  };
  const BlockStoragePrice* cheapest = nullptr;
  const BlockStoragePrice* fastest = &catalog.block_storage;
  const auto consider = [&](const BlockStoragePrice& price) {
    if (more_iops(price, *fastest)) fastest = &price;
    if (!Delivers(price, volume)) return;
    if (cheapest == nullptr ||
        BlockStorageMonthlyCost(price, volume) < BlockStorageMonthlyCost(*cheapest, volume)) {
      cheapest = &price;
    }
  };
  consider(catalog.block_storage);
  for (const BlockStoragePrice& price : catalog.other_block_storage) consider(price);
  return cheapest != nullptr ? *cheapest : *fastest;
}

double MostVolumeIops(const Catalog& catalog) {
  double most = catalog.block_storage.max_iops;
  for (const BlockStoragePrice& price : catalog.other_block_storage) {
    if (price.max_iops <= 0 || most <= 0) return 0;
    most = std::max(most, price.max_iops);
  }
  return most;
}

double AverageGibOverMonth(double start_gib, double end_gib) { return (start_gib + end_gib) / 2; }

double ObjectStorageMonthlyCost(const Catalog& catalog, double start_gib, double end_gib) {
  return AverageGibOverMonth(start_gib, end_gib) * catalog.object_storage_per_gib_month;
}

double EgressMonthlyCost(const Catalog& catalog, double egress_gib) {
  return egress_gib * catalog.egress_per_gib;
}

double BackupStorageMonthlyCost(const Catalog& catalog, double start_gib, double end_gib) {
  return AverageGibOverMonth(start_gib, end_gib) * catalog.snapshot_per_gib_month;
}

double LoadBalancerMonthlyCost(const Catalog& catalog, int count) {
  return static_cast<double>(count) * catalog.load_balancer_per_hour * kHoursPerMonth;
}

Result<ManagedPostgresQuote> QuoteManagedPostgres(const Catalog& catalog, double vcpu_needed,
                                                  double memory_gib_needed, double storage_gib,
                                                  bool high_availability) {
  const ManagedPostgresType* best = nullptr;
  for (const ManagedPostgresType& t : catalog.managed_postgres) {
    if (t.vcpu < vcpu_needed || t.memory_gib < memory_gib_needed) continue;
    if (best == nullptr || t.price_per_hour < best->price_per_hour) best = &t;
  }
  if (best == nullptr) {
    return InvalidError(
        fmt::format("no managed PostgreSQL class in catalog '{}' has {:g} vCPU and {:g} GiB",
                    catalog.name, vcpu_needed, memory_gib_needed));
  }
  const double factor = high_availability ? best->ha_multiplier : 1.0;
  ManagedPostgresQuote q;
  q.type = best->name;
  q.vcpu = best->vcpu;
  q.memory_gib = best->memory_gib;
  q.high_availability = high_availability;
  q.instance_monthly = best->price_per_hour * kHoursPerMonth * factor;
  q.storage_monthly = storage_gib * catalog.managed_postgres_storage_per_gib_month * factor;
  q.total_monthly = q.instance_monthly + q.storage_monthly;
  return q;
}

}  // namespace headroom
