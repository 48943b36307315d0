#pragma once
// A price catalog: machine shapes and the prices of everything else a plan buys (block and
// object storage, egress, snapshots, a managed PostgreSQL alternative, load balancers), for one
// region, in one currency, as of one date.
//
// Prices change. Every catalog carries the date its prices were taken and where from; plans
// print both. The built-in catalog is a dated example of public on-demand list prices; users
// should supply their own catalog (their region, their discounts). docs/catalog.md lists each
// built-in figure with its source, and says which figures could not be confirmed.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "sizing/node_type.h"

namespace headroom {

// Network block storage (e.g. EBS gp3): capacity plus performance above an included baseline.
struct BlockStoragePrice {
  std::string name;  // e.g. "gp3"
  double per_gib_month = 0;
  double included_iops = 0;               // IOPS every volume gets without charge
  double per_iops_month = 0;              // per provisioned IOPS above the included baseline
  double included_throughput_mib_s = 0;   // MiB/s every volume gets without charge
  double per_throughput_mib_s_month = 0;  // per provisioned MiB/s above the included baseline
  // The most one volume of the class delivers; 0 where the catalog states no limit.
  double max_iops = 0;
  double max_throughput_mib_s = 0;

  friend bool operator==(const BlockStoragePrice&, const BlockStoragePrice&) = default;
};

// A managed PostgreSQL instance class (e.g. RDS for PostgreSQL), the alternative to running
// PostgreSQL on the cluster.
struct ManagedPostgresType {
  std::string name;  // e.g. "db.m6i.xlarge"
  double vcpu = 0;
  double memory_gib = 0;
  double price_per_hour = 0;   // single-instance (single-AZ) price
  double ha_multiplier = 2.0;  // price factor for the high-availability (standby) deployment

  friend bool operator==(const ManagedPostgresType&, const ManagedPostgresType&) = default;
};

// Where one figure of a catalog comes from, and whether it was checked against that source.
struct PriceReference {
  std::string item;        // which figure(s), e.g. "m7i, c7i, r7i on-demand hourly prices"
  std::string source;      // URL or repository path
  bool confirmed = false;  // true: read from the named source; false: see `note`
  std::string note;

  friend bool operator==(const PriceReference&, const PriceReference&) = default;
};

struct Catalog {
  std::string name;
  std::string currency;    // ISO 4217, e.g. "USD"
  std::string price_date;  // "YYYY-MM-DD": when the prices were taken
  std::string source;      // text or URL saying where the prices come from
  std::string region;
  std::vector<std::string> zones;  // availability zones nodes may be placed in
  std::vector<NodeType> node_types;
  BlockStoragePrice block_storage;
  // Further block storage classes (e.g. io2): a volume takes the cheapest class of all that
  // delivers its IOPS and throughput (cost/cost.h, BlockStorageFor).
  std::vector<BlockStoragePrice> other_block_storage;
  double object_storage_per_gib_month = 0;
  double egress_per_gib = 0;          // data transfer out to the internet
  double snapshot_per_gib_month = 0;  // volume snapshot / backup storage
  std::vector<ManagedPostgresType> managed_postgres;
  double managed_postgres_storage_per_gib_month = 0;
  double load_balancer_per_hour = 0;
  std::vector<PriceReference> references;

  friend bool operator==(const Catalog&, const Catalog&) = default;
};

// The built-in example catalog (AWS us-east-1, general purpose, compute and memory optimised
// x86 families from 2 to 32 vCPU). Dated; see docs/catalog.md.
const Catalog& BuiltinCatalog();

// The node type named `name`, or nullptr.
const NodeType* FindNodeType(const Catalog& catalog, std::string_view name);
// The block storage class named `name` (block_storage or one of other_block_storage); null
// when the catalog has none by that name.
const BlockStoragePrice* FindBlockStorage(const Catalog& catalog, std::string_view name);
// The managed PostgreSQL class named `name`, or nullptr.
const ManagedPostgresType* FindManagedPostgres(const Catalog& catalog, std::string_view name);

// Checks a catalog (from the built-in table or a user's file) and returns every problem at
// once, each pointing at its field ("catalog.node_types[2].vcpu").
Status ValidateCatalog(const Catalog& catalog);

}  // namespace headroom
