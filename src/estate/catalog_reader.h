#pragma once
// Reads a price catalog written in YAML: the user's own machine shapes and prices, in place of
// the built-in example (cost/catalog.h). The format mirrors the Catalog struct field by field
// and is described in docs/catalog.md ("Your own catalog"); docs/catalog-example.yaml is the
// built-in catalog written as such a file.
//
//   Result<Catalog> r = ReadCatalog(text, "prices.yaml");
//   if (!r.ok()) { std::cerr << FormatAll(r.errors()); return ExitCode::kDataError; }

#include <cstddef>
#include <string_view>

#include "common/result.h"
#include "cost/catalog.h"
#include "estate/source_map.h"

namespace headroom {

// Catalog files larger than this are refused before parsing (the built-in catalog written out
// is about 6 KiB; a thousand node types fit in well under 1 MiB).
inline constexpr size_t kMaxCatalogBytes = 1 << 20;

// Parses catalog YAML text and checks the result with ValidateCatalog. Returns the catalog, or
// EVERY error found, each located as "file:line:col: error: field.path: message"
// (Error::Format; paths are relative to the file's root: "node_types[2].vcpu") and sorted by
// position; all errors have ErrorCode::kInvalid (exit code 65). `file_name` is used only in
// error locations: this takes text, not a path. When `sources` is given and reading succeeds,
// it receives where each field was written.
//
// Required: name, currency, price_date, source, region, zones, node_types (each with name,
// class, vcpu, memory_gib, price_per_hour), block_storage (name, per_gib_month),
// object_storage_per_gib_month, egress_per_gib, snapshot_per_gib_month, load_balancer_per_hour,
// and managed_postgres_storage_per_gib_month when managed_postgres is given. Omitted optional
// fields keep the Catalog struct's defaults: max_pods 110 (kDefaultMaxPods), local_ssd_gib 0,
// the four block storage performance fields 0, managed_postgres empty, ha_multiplier 2.0,
// references empty (in a reference, confirmed false and note empty).
//
// Refused outright (estate/yaml_document.h): more than kMaxCatalogBytes, text that is not valid
// UTF-8, nesting deeper than kMaxNestingDepth, YAML syntax errors, anchors and aliases, explicit
// tags, more than one document, an empty document, a root that is not a mapping. Never throws.
Result<Catalog> ReadCatalog(std::string_view text, std::string_view file_name,
                            SourceMap* sources = nullptr);

}  // namespace headroom
