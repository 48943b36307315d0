#pragma once
// Monthly cost arithmetic over a catalog. Every function returns an amount in the catalog's
// currency for one calendar month of kHoursPerMonth (730) hours.

#include <string>

#include "common/result.h"
#include "cost/catalog.h"

namespace headroom {

// `count` nodes of `type` running all month: count × price_per_hour × 730.
// REQUIRES: count >= 0.
double NodesMonthlyCost(const NodeType& type, int count);

// A provisioned block volume. IOPS and throughput at or below the price's included baseline
// cost nothing extra (gp3: 3,000 IOPS and 125 MiB/s).
struct BlockVolume {
  double size_gib = 0;
  double iops = 0;
  double throughput_mib_s = 0;
};

// size × per GiB-month + (IOPS above baseline) × per IOPS-month
//   + (MiB/s above baseline) × per MiB/s-month.
double BlockStorageMonthlyCost(const BlockStoragePrice& price, const BlockVolume& volume);

// Whether one volume of `price`'s class delivers `volume`'s IOPS and throughput (a limit of 0
// is none).
bool Delivers(const BlockStoragePrice& price, const BlockVolume& volume);

// The class `volume` takes: the cheapest of the catalog's block_storage and other_block_storage
// that delivers it (the earlier listed on a tie); when none does, the one with the most IOPS (a
// sizing that needs more has reported its layer saturated).
const BlockStoragePrice& BlockStorageFor(const Catalog& catalog, const BlockVolume& volume);

// The most IOPS one volume of any of the catalog's block storage classes delivers; 0 when some
// class states no limit.
double MostVolumeIops(const Catalog& catalog);

// GiB-months stored in a month whose data grows (or shrinks) steadily from `start_gib` to
// `end_gib`: the average, (start + end) / 2. Object stores bill the average of hourly stored
// bytes over the month (the S3 FAQ's byte-hours example), which for a straight line is this.
double AverageGibOverMonth(double start_gib, double end_gib);

// Object storage (attachments, backups, WAL archive) growing from start to end of the month.
double ObjectStorageMonthlyCost(const Catalog& catalog, double start_gib, double end_gib);

// Data transfer out to the internet at the catalog's flat per-GiB rate.
double EgressMonthlyCost(const Catalog& catalog, double egress_gib);

// Snapshot / backup storage growing from start to end of the month, at the snapshot rate.
double BackupStorageMonthlyCost(const Catalog& catalog, double start_gib, double end_gib);

// `count` load balancers running all month (hourly charge only).
double LoadBalancerMonthlyCost(const Catalog& catalog, int count);

// The managed-PostgreSQL alternative for one database server.
struct ManagedPostgresQuote {
  std::string type;
  double vcpu = 0;
  double memory_gib = 0;
  bool high_availability = false;
  double instance_monthly = 0;  // price × 730 × (HA multiplier when high_availability)
  double storage_monthly = 0;   // storage × price × (HA multiplier when high_availability)
  double total_monthly = 0;
};

// The cheapest managed class with at least `vcpu_needed` vCPU and `memory_gib_needed` GiB
// (ties: the catalog's order), priced for `storage_gib` of storage. High availability bills
// the standby too: instance and storage are multiplied by the class's ha_multiplier.
// Errors (kInvalid) when no class is large enough or the catalog has none.
Result<ManagedPostgresQuote> QuoteManagedPostgres(const Catalog& catalog, double vcpu_needed,
                                                  double memory_gib_needed, double storage_gib,
                                                  bool high_availability);

}  // namespace headroom
