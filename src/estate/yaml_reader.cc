#include "estate/yaml_reader.h"

#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "estate/doc_reader.h"
#include "estate/doc_tree.h"
#include "estate/estate_builder.h"
#include "estate/validate.h"
#include "estate/yaml_document.h"

namespace headroom {
namespace {

constexpr DocumentKind kEstateDocument{
    "an estate", "the sections estate, planning, request_classes, events and tenants",
    kMaxEstateBytes};

void AddValidationErrors(const Estate& estate, ReadContext& ctx) {
  Errors found = ValidateEstate(estate, ctx.sources);
  if (found.size() > kMaxErrors) {  // the last one says the list was cut
    ctx.truncated = true;
    found.pop_back();
  }
  AddCheckErrors(std::move(found), ctx);
}

}  // namespace

Result<Estate> ReadEstate(std::string_view text, std::string_view file_name, SourceMap* sources) {
  try {
    Result<DocNode> root = ParseRootMapping(text, file_name, kEstateDocument);
    if (!root.ok()) return root.errors();
    ReadContext ctx{std::string(file_name)};
    Estate estate = BuildEstate(root.value(), ctx);
    // Past the cap, the reader's errors are all there is to show: checking further is wasted.
    if (!ctx.truncated) AddValidationErrors(estate, ctx);
    if (!ctx.errors.empty()) return TakeSortedErrors(ctx);
    if (sources != nullptr) *sources = std::move(ctx.sources);
    return estate;
  } catch (const std::exception& e) {
    // Nothing above is expected to throw; bad_alloc on a huge input is the one realistic case.
    return InvalidError(std::string("cannot read the estate: ") + e.what(),
                        Location{std::string(file_name), 0, 0, ""});
  }
}

}  // namespace headroom
