#include "observe/prometheus_json_reader.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "observe/json_locator.h"
#include "observe/sample_text.h"
#include "observe/series_builder.h"

namespace headroom {
namespace {

using nlohmann::json;

class MatrixReader {
 public:
  MatrixReader(std::string_view text, const std::string& file, const std::string& base)
      : locator_(text, file), base_(base) {}

  Result<SeriesSet> Read(const json& doc, ErrorCode status_error_code) {
    if (!doc.is_object()) return Fail("", "the answer must be a JSON object");
    const json* status = Field(doc, "status", "", json::value_t::string);
    if (status == nullptr) return errors_;
    if (*status == "error") return StatusError(doc, status_error_code);
    if (*status != "success") {
      return Fail("status", fmt::format("is '{}', expected 'success' or 'error'",
                                        status->get<std::string>()));
    }
    const json* data = Field(doc, "data", "", json::value_t::object);
    if (data == nullptr) return errors_;
    const json* type = Field(*data, "resultType", "data", json::value_t::string);
    if (type == nullptr) return errors_;
    if (*type != "matrix") {
      return Fail("data.resultType",
                  fmt::format("is '{}': a range query (/api/v1/query_range) answers 'matrix'",
                              type->get<std::string>()));
    }
    const json* result = Field(*data, "result", "data", json::value_t::array);
    if (result == nullptr) return errors_;
    for (size_t i = 0; i < result->size(); ++i) ResultEntry((*result)[i], i);
    return Finish();
  }

 private:
  Errors Fail(const std::string& path, const std::string& message) {
    errors_.push_back(InvalidError(message, locator_.At(path)));
    return errors_;
  }

  // The member `key` of `object` (at `path`) if it has type `type`; else an error and null.
  const json* Field(const json& object, const std::string& key, const std::string& path,
                    json::value_t type) {
    const std::string field = path.empty() ? key : path + "." + key;
    auto it = object.find(key);
    if (it == object.end()) {
      Fail(path, fmt::format("lacks '{}'", key));
      return nullptr;
    }
    if (it->type() != type) {
      Fail(field, fmt::format("must be {}, found {}", json(type).type_name(), it->type_name()));
      return nullptr;
    }
    return &*it;
  }

  Errors StatusError(const json& doc, ErrorCode code) {
    auto text_of = [&doc](const char* key, const char* otherwise) {
      auto it = doc.find(key);
      return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string(otherwise);
    };
    const std::string type = text_of("errorType", "unknown");
    const std::string message = text_of("error", "(no message)");
    Error error =
        InvalidError(fmt::format("Prometheus answered with an error: {}: {}", type, message),
                     locator_.At("status"));
    error.code = code;
    return Errors{error};
  }

  void ResultEntry(const json& entry, size_t i) {
    const std::string path = fmt::format("data.result[{}]", i);
    if (!entry.is_object()) {
      Fail(path, "must be an object with 'metric' and 'values'");
      return;
    }
    const json* metric = Field(entry, "metric", path, json::value_t::object);
    const json* values = Field(entry, "values", path, json::value_t::array);
    if (metric == nullptr || values == nullptr) return;
    std::map<std::string, std::string> labels;
    std::string name = base_;
    for (const auto& [key, value] : metric->items()) {
      if (!value.is_string()) {
        Fail(fmt::format("{}.metric.{}", path, key), "a label value must be a string");
        continue;
      }
      if (key == "__name__") {
        name = value.get<std::string>();
      } else {
        labels[key] = value.get<std::string>();
      }
    }
    SeriesBuilder builder(Series{SeriesName(name, labels), labels, {}, {}});
    for (size_t j = 0; j < values->size(); ++j) {
      Sample((*values)[j], fmt::format("{}.values[{}]", path, j), builder);
    }
    builders_.push_back(std::move(builder));
  }

  void Sample(const json& pair, const std::string& path, SeriesBuilder& builder) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_string()) {
      Fail(path, "a sample must be [unix_seconds, \"value\"]");
      return;
    }
    const double time_s = pair[0].get<double>();
    if (!(time_s >= 0 && time_s <= kLastSeriesTimeS)) {
      Fail(path + "[0]", fmt::format("timestamp {} is outside 1970-01-01..9999-12-31", time_s));
      return;
    }
    const std::string text = pair[1].get<std::string>();
    const SampleValue value = ParseSampleValue(text);
    const Location at = locator_.At(path + "[1]");
    if (value.kind == SampleKind::kInvalid) {
      errors_.push_back(InvalidError(fmt::format("'{}' is not a number", text), at));
      return;
    }
    if (value.kind == SampleKind::kNotFinite) {
      notes_.push_back(
          FormatWarning(at, fmt::format("'{}' of series {} dropped: a missing sample (a gap)", text,
                                        builder.series().name)));
      return;
    }
    builder.Add(time_s, value.value, locator_.At(path), errors_);
  }

  Result<SeriesSet> Finish() {
    if (errors_.size() > kMaxDataFileErrors) {
      const size_t more = errors_.size() - kMaxDataFileErrors;
      errors_.resize(kMaxDataFileErrors);
      errors_.push_back(InvalidError(fmt::format("and {} more errors", more), locator_.At("")));
    }
    if (!errors_.empty()) return errors_;
    SeriesSet set;
    for (SeriesBuilder& builder : builders_) {
      builder.NoteGaps(set.notes);
      set.series.push_back(builder.Take());
    }
    set.notes.insert(set.notes.end(), notes_.begin(), notes_.end());
    return set;
  }

  JsonLocator locator_;
  std::string base_;
  std::vector<SeriesBuilder> builders_;
  Errors errors_;
  std::vector<std::string> notes_;
};

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 2: " prefix: the location is given in our own format.
std::string ParseErrorMessage(const std::string& what) {
  const size_t at = what.find(": ");
  return at == std::string::npos ? what : what.substr(at + 2);
}

}  // namespace

Result<SeriesSet> ReadPrometheusJson(std::string_view text, const std::string& file,
                                     const std::string& base, ErrorCode status_error_code) {
  if (JsonDepth(text) > kMaxJsonDepth) {
    return InvalidError(fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth),
                        {file, 0, 0, ""});
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    Location where{file, 0, 0, ""};
    // byte is 1-based: the position of the character that failed; count lines ourselves.
    int line = 1;
    int column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    where.line = line;
    where.column = column;
    return InvalidError("malformed JSON: " + ParseErrorMessage(e.what()), where);
  } catch (const json::exception& e) {
    return InvalidError(std::string("malformed JSON: ") + e.what(), {file, 0, 0, ""});
  }
  MatrixReader reader(text, file, base);
  return reader.Read(doc, status_error_code);
}

}  // namespace headroom
