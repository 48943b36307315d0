#include "estate/catalog_reader.h"

#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "estate/doc_reader.h"
#include "estate/doc_tree.h"
#include "estate/enum_words.h"
#include "estate/yaml_document.h"

namespace headroom {
namespace {

constexpr DocumentKind kCatalogDocument{
    "a catalog",
    "the fields of a price catalog (name, currency, price_date, source, region, zones, "
    "node_types and the prices)",
    kMaxCatalogBytes, /*require_utf8=*/true};

// ValidateCatalog names fields from the catalog ("catalog.zones"); in a catalog file the root
// is the catalog, so paths drop that prefix and match the reader's ("zones").
constexpr std::string_view kValidatorPrefix = "catalog.";

// Reads `key`, reporting "required key is missing" when it is absent.
template <typename T, typename Read>
void RequiredField(MapReader& m, std::string_view key, T* out, Read read) {
  if (const DocNode* node = m.Require(key)) read(*node, m.PathOf(key), m.ctx(), out);
}

NodeType BuildNodeType(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  NodeType t;
  RequiredField(m, "name", &t.name, ReadString);
  if (const DocNode* word = m.Require("class")) {
    ReadEnum(*word, m.PathOf("class"), ctx, NodeClassWords(), &t.node_class);
  }
  RequiredField(m, "vcpu", &t.vcpu, ReadNumber);
  RequiredField(m, "memory_gib", &t.memory_gib, ReadNumber);
  RequiredField(m, "price_per_hour", &t.price_per_hour, ReadNumber);
  IntField(m, "max_pods", &t.max_pods);  // absent: kDefaultMaxPods, kubelet's default
  NumberField(m, "local_ssd_gib", &t.local_ssd_gib);
  m.Finish();
  return t;
}

BlockStoragePrice BuildBlockStorage(const DocNode& node, const std::string& path,
                                    ReadContext& ctx) {
  MapReader m(node, path, ctx);
  BlockStoragePrice b;
  RequiredField(m, "name", &b.name, ReadString);
  RequiredField(m, "per_gib_month", &b.per_gib_month, ReadNumber);
  // Optional: a volume priced by capacity alone has no performance charges.
  NumberField(m, "included_iops", &b.included_iops);
  NumberField(m, "per_iops_month", &b.per_iops_month);
  NumberField(m, "included_throughput_mib_s", &b.included_throughput_mib_s);
  NumberField(m, "per_throughput_mib_s_month", &b.per_throughput_mib_s_month);
  // Optional: 0 (absent) means the catalog states no limit.
  NumberField(m, "max_iops", &b.max_iops);
  NumberField(m, "max_throughput_mib_s", &b.max_throughput_mib_s);
  m.Finish();
  return b;
}

ManagedPostgresType BuildManagedPostgres(const DocNode& node, const std::string& path,
                                         ReadContext& ctx) {
  MapReader m(node, path, ctx);
  ManagedPostgresType t;
  RequiredField(m, "name", &t.name, ReadString);
  RequiredField(m, "vcpu", &t.vcpu, ReadNumber);
  RequiredField(m, "memory_gib", &t.memory_gib, ReadNumber);
  RequiredField(m, "price_per_hour", &t.price_per_hour, ReadNumber);
  NumberField(m, "ha_multiplier", &t.ha_multiplier);
  m.Finish();
  return t;
}

PriceReference BuildReference(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  PriceReference r;
  RequiredField(m, "item", &r.item, ReadString);
  RequiredField(m, "source", &r.source, ReadString);
  BoolField(m, "confirmed", &r.confirmed);
  StringField(m, "note", &r.note);
  m.Finish();
  return r;
}

// Calls `build` on each item of the list under `key` and appends the results to *out; an item
// that cannot be read is appended as built from what could be read, so that the indexes
// ValidateCatalog reports stay those of the file.
template <typename T, typename Build>
void ListField(MapReader& m, const DocNode& node, std::string_view key, std::vector<T>* out,
               Build build) {
  ForEachItem(node, m.PathOf(key), m.ctx(), [&](const DocNode& item, const std::string& path) {
    out->push_back(build(item, path, m.ctx()));
  });
}

void BuildPrices(MapReader& m, Catalog& c) {
  if (const DocNode* node = m.Require("block_storage")) {
    c.block_storage = BuildBlockStorage(*node, m.PathOf("block_storage"), m.ctx());
  }
  if (const DocNode* other = m.Find("other_block_storage")) {
    ListField(m, *other, "other_block_storage", &c.other_block_storage, BuildBlockStorage);
  }
  RequiredField(m, "object_storage_per_gib_month", &c.object_storage_per_gib_month, ReadNumber);
  RequiredField(m, "egress_per_gib", &c.egress_per_gib, ReadNumber);
  RequiredField(m, "snapshot_per_gib_month", &c.snapshot_per_gib_month, ReadNumber);
  if (const DocNode* managed = m.Find("managed_postgres")) {
    ListField(m, *managed, "managed_postgres", &c.managed_postgres, BuildManagedPostgres);
    // The storage price is needed only with classes to put the storage on.
    RequiredField(m, "managed_postgres_storage_per_gib_month",
                  &c.managed_postgres_storage_per_gib_month, ReadNumber);
  } else {
    NumberField(m, "managed_postgres_storage_per_gib_month",
                &c.managed_postgres_storage_per_gib_month);
  }
  RequiredField(m, "load_balancer_per_hour", &c.load_balancer_per_hour, ReadNumber);
}

Catalog BuildCatalog(const DocNode& root, ReadContext& ctx) {
  MapReader m(root, "", ctx);
  Catalog c;
  RequiredField(m, "name", &c.name, ReadString);
  RequiredField(m, "currency", &c.currency, ReadString);
  RequiredField(m, "price_date", &c.price_date, ReadString);
  RequiredField(m, "source", &c.source, ReadString);
  RequiredField(m, "region", &c.region, ReadString);
  RequiredField(m, "zones", &c.zones, ReadStringList);
  if (const DocNode* node = m.Require("node_types")) {
    ListField(m, *node, "node_types", &c.node_types, BuildNodeType);
  }
  BuildPrices(m, c);
  if (const DocNode* node = m.Find("references")) {
    ListField(m, *node, "references", &c.references, BuildReference);
  }
  m.Finish();
  return c;
}

// ValidateCatalog's errors, located in the file through `sources`.
Errors LocatedValidationErrors(const Catalog& catalog, const SourceMap& sources) {
  Status status = ValidateCatalog(catalog);
  Errors errors = status.errors();
  for (Error& error : errors) {
    std::string_view field = error.where.field;
    if (field.substr(0, kValidatorPrefix.size()) == kValidatorPrefix) {
      field.remove_prefix(kValidatorPrefix.size());
    }
    error.where = sources.Find(field);
  }
  return errors;
}

}  // namespace

Result<Catalog> ReadCatalog(std::string_view text, std::string_view file_name, SourceMap* sources) {
  try {
    Result<DocNode> root = ParseRootMapping(text, file_name, kCatalogDocument);
    if (!root.ok()) return root.errors();
    ReadContext ctx{std::string(file_name)};
    Catalog catalog = BuildCatalog(root.value(), ctx);
    // Past the cap, the reader's errors are all there is to show: checking further is wasted.
    if (!ctx.truncated) AddCheckErrors(LocatedValidationErrors(catalog, ctx.sources), ctx);
    if (!ctx.errors.empty()) return TakeSortedErrors(ctx);
    if (sources != nullptr) *sources = std::move(ctx.sources);
    return catalog;
  } catch (const std::exception& e) {
    // Nothing above is expected to throw; bad_alloc on a huge input is the one realistic case.
    return InvalidError(std::string("cannot read the catalog: ") + e.what(),
                        Location{std::string(file_name), 0, 0, ""});
  }
}

}  // namespace headroom
