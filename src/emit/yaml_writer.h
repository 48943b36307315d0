#pragma once
// A small YAML writer for the emitted manifests. Documents are built as ordered JSON values
// (keys keep their insertion order, so output is deterministic) and written in block style.
//
// Every string scalar is quoted: YAML 1.1 readers (yaml-cpp 0.7, PyYAML, older Kubernetes
// tooling) read a plain `yes`, `on`, `1.10` or `00:30` as a boolean, a float or a sexagesimal
// number. Strings holding a newline are written as literal blocks (`|`), which are always
// strings. Mapping keys are written plain only when no reader could take them for another type.

#include <nlohmann/json.hpp>
#include <string>

namespace headroom::emit {

using Json = nlohmann::ordered_json;

// One YAML document (no `---` marker), ending with a newline.
std::string ToYaml(const Json& document);

// A YAML double-quoted scalar for `text` (JSON's escaping, which YAML shares).
std::string QuoteYaml(const std::string& text);

}  // namespace headroom::emit
