#include "cost/catalog.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "common/year_month.h"

namespace headroom {
namespace {

bool IsCurrency(std::string_view s) {
  if (s.size() != 3) return false;
  for (char ch : s) {
    if (std::isupper(static_cast<unsigned char>(ch)) == 0) return false;
  }
  return true;
}

class Checker {
 public:
  void Require(bool ok, const std::string& field, const std::string& message) {
    if (!ok) errors_.push_back(InvalidError(message, Location{"", 0, 0, "catalog." + field}));
  }
  // Infinity is refused too: a price or a size must be a figure a report can print.
  void Positive(double v, const std::string& field) {
    Require(std::isfinite(v) && v > 0, field, "must be > 0");
  }
  void NonNegative(double v, const std::string& field) {
    Require(std::isfinite(v) && v >= 0, field, "must be >= 0");
  }
  Status Done() { return errors_.empty() ? Status::Ok() : Status(std::move(errors_)); }

 private:
  Errors errors_;
};

void CheckNodeTypes(const Catalog& c, Checker& check) {
  check.Require(!c.node_types.empty(), "node_types", "needs at least one node type");
  std::map<std::string, size_t> first_index;
  for (size_t i = 0; i < c.node_types.size(); ++i) {
    const NodeType& t = c.node_types[i];
    const std::string f = fmt::format("node_types[{}]", i);
    check.Require(!t.name.empty(), f + ".name", "must not be empty");
    const auto [first, unique] = first_index.try_emplace(t.name, i);
    check.Require(t.name.empty() || unique, f + ".name",
                  fmt::format("duplicate node type '{}'; first given as node_types[{}]", t.name,
                              first->second));
    check.Positive(t.vcpu, f + ".vcpu");
    check.Positive(t.memory_gib, f + ".memory_gib");
    check.NonNegative(t.price_per_hour, f + ".price_per_hour");
    check.Require(t.max_pods >= 1, f + ".max_pods", "must be >= 1");
    check.NonNegative(t.local_ssd_gib, f + ".local_ssd_gib");
  }
}

void CheckManagedPostgres(const Catalog& c, Checker& check) {
  std::map<std::string, size_t> first_index;
  for (size_t i = 0; i < c.managed_postgres.size(); ++i) {
    const ManagedPostgresType& t = c.managed_postgres[i];
    const std::string f = fmt::format("managed_postgres[{}]", i);
    check.Require(!t.name.empty(), f + ".name", "must not be empty");
    const auto [first, unique] = first_index.try_emplace(t.name, i);
    check.Require(t.name.empty() || unique, f + ".name",
                  fmt::format("duplicate managed PostgreSQL class '{}'; first given as "
                              "managed_postgres[{}]",
                              t.name, first->second));
    check.Positive(t.vcpu, f + ".vcpu");
    check.Positive(t.memory_gib, f + ".memory_gib");
    check.NonNegative(t.price_per_hour, f + ".price_per_hour");
    check.Require(std::isfinite(t.ha_multiplier) && t.ha_multiplier >= 1, f + ".ha_multiplier",
                  "must be >= 1");
  }
}

void CheckBlockStorage(const BlockStoragePrice& b, const std::string& f, Checker& check) {
  check.NonNegative(b.per_gib_month, f + ".per_gib_month");
  check.NonNegative(b.included_iops, f + ".included_iops");
  check.NonNegative(b.per_iops_month, f + ".per_iops_month");
  check.NonNegative(b.included_throughput_mib_s, f + ".included_throughput_mib_s");
  check.NonNegative(b.per_throughput_mib_s_month, f + ".per_throughput_mib_s_month");
  check.NonNegative(b.max_iops, f + ".max_iops");
  check.NonNegative(b.max_throughput_mib_s, f + ".max_throughput_mib_s");
}

void CheckPrices(const Catalog& c, Checker& check) {
  CheckBlockStorage(c.block_storage, "block_storage", check);
  std::map<std::string, std::string> seen{{c.block_storage.name, "block_storage"}};
  for (size_t i = 0; i < c.other_block_storage.size(); ++i) {
    const BlockStoragePrice& b = c.other_block_storage[i];
    const std::string f = fmt::format("other_block_storage[{}]", i);
    CheckBlockStorage(b, f, check);
    const auto [first, unique] = seen.try_emplace(b.name, f);
    check.Require(unique, f + ".name",
                  fmt::format("duplicate block storage class '{}'; first given as {}", b.name,
                              first->second));
  }
  check.NonNegative(c.object_storage_per_gib_month, "object_storage_per_gib_month");
  check.NonNegative(c.egress_per_gib, "egress_per_gib");
  check.NonNegative(c.snapshot_per_gib_month, "snapshot_per_gib_month");
  check.NonNegative(c.managed_postgres_storage_per_gib_month,
                    "managed_postgres_storage_per_gib_month");
  check.NonNegative(c.load_balancer_per_hour, "load_balancer_per_hour");
}

}  // namespace

const NodeType* FindNodeType(const Catalog& catalog, std::string_view name) {
  for (const NodeType& t : catalog.node_types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const BlockStoragePrice* FindBlockStorage(const Catalog& catalog, std::string_view name) {
  if (catalog.block_storage.name == name) return &catalog.block_storage;
  for (const BlockStoragePrice& b : catalog.other_block_storage) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const ManagedPostgresType* FindManagedPostgres(const Catalog& catalog, std::string_view name) {
  for (const ManagedPostgresType& t : catalog.managed_postgres) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

Status ValidateCatalog(const Catalog& c) {
  Checker check;
  check.Require(!c.name.empty(), "name", "must not be empty");
  check.Require(IsCurrency(c.currency), "currency",
                fmt::format("'{}' is not an ISO 4217 code such as USD or EUR", c.currency));
  check.Require(IsIsoDate(c.price_date), "price_date",
                fmt::format("'{}' is not a date of the form YYYY-MM-DD", c.price_date));
  check.Require(!c.source.empty(), "source", "must say where the prices come from");
  check.Require(!c.region.empty(), "region", "must not be empty");
  check.Require(!c.zones.empty(), "zones", "needs at least one zone");
  std::set<std::string> zones;
  for (size_t i = 0; i < c.zones.size(); ++i) {
    check.Require(!c.zones[i].empty() && zones.insert(c.zones[i]).second,
                  fmt::format("zones[{}]", i), "zone names must be unique and not empty");
  }
  CheckNodeTypes(c, check);
  CheckManagedPostgres(c, check);
  CheckPrices(c, check);
  return check.Done();
}

}  // namespace headroom
