#pragma once
// Builds the model types out of a parsed estate document: the mapping step of the reader, free
// of any YAML library. Omitted fields are filled from the defaults table (estate/defaults.h).
// Structural problems are reported into the ReadContext: unknown and duplicate keys, wrong
// types, unknown enum words, missing required keys, keys that do not apply to an entry's kind,
// malformed months. Value ranges, sums, dates, time zones and references between sections are
// left to ValidateEstate (estate/validate.h), which sees the built Estate.

#include <string>

#include "estate/doc_reader.h"
#include "estate/doc_tree.h"
#include "estate/model.h"

namespace headroom {

// REQUIRES: root.kind == kMapping.
Estate BuildEstate(const DocNode& root, ReadContext& ctx);

// One entry of `tenants` (tenant_builder.cc); `classes` are the estate's request classes, read
// before the tenants.
Tenant BuildTenant(const DocNode& node, const std::string& path,
                   const std::vector<RequestClass>& classes, ReadContext& ctx);

// A mapping of class names to numbers (class_mix, multipliers, slos): calls f(name, value, path)
// for each entry whose value is a number.
template <typename F>
void ReadClassNumbers(MapReader& parent, std::string_view key, F&& f) {
  const DocNode* node = parent.Find(key);
  if (node == nullptr) return;
  MapReader m(*node, parent.PathOf(key), parent.ctx());
  m.ForEachEntry([&](const std::string& name, const DocNode& value, const std::string& path) {
    double number = 0;
    if (ReadNumber(value, path, parent.ctx(), &number)) f(name, number);
  });
}

// The fields of batch work (cpu_seconds, per_site, deadline_hours, start_hour_local) from `m`,
// defaults taken from the table entries "<default_prefix>per_site" and so on.
void ReadBatchFields(MapReader& m, std::string_view default_prefix, BatchWork* work);

// An empty mapping: an omitted optional section is read as this, so its fields take their
// defaults through the same code as a written one.
const DocNode& EmptyMapping();

}  // namespace headroom
