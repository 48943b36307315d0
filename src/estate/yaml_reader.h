#pragma once
// Reads estate.yaml (parsed by estate/yaml_document.h, the only code in Headroom that uses a
// YAML library); everything after it sees model types (estate/model.h).
//
//   Result<Estate> r = ReadEstate(text, "estate.yaml");
//   if (!r.ok()) { std::cerr << FormatAll(r.errors()); return ExitCode::kDataError; }
//
// The format is described field by field in docs/estate.md.

#include <cstddef>
#include <string_view>

#include "common/result.h"
#include "estate/model.h"
#include "estate/source_map.h"
#include "estate/yaml_document.h"  // kMaxNestingDepth

namespace headroom {

// Inputs larger than this are refused before parsing.
inline constexpr size_t kMaxEstateBytes = 4 << 20;

// Parses estate YAML text, fills omitted fields from the defaults table (estate/defaults.h) and
// validates the result (estate/validate.h). Returns the estate, or EVERY error found, each
// located as "file:line:col: error: field.path: message" (Error::Format) and sorted by position;
// all errors have ErrorCode::kInvalid (exit code 65). `file_name` is used only in error
// locations: this takes text, not a path. When `sources` is given and reading succeeds, it
// receives where each field was written, for checks made later on the estate.
//
// Refused outright: more than kMaxEstateBytes, nesting deeper than kMaxNestingDepth, YAML
// syntax errors, anchors and aliases (&a, *a), explicit tags (!!str), more than one document,
// an empty document, a root that is not a mapping. Never throws.
Result<Estate> ReadEstate(std::string_view text, std::string_view file_name,
                          SourceMap* sources = nullptr);

}  // namespace headroom
