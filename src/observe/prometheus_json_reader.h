#pragma once
// Reads the JSON answer of Prometheus' range query API (GET /api/v1/query_range), from a file or
// from the live client (prometheus_client.h):
//
//   {"status":"success","data":{"resultType":"matrix","result":[
//     {"metric":{"__name__":"up","instance":"a"},"values":[[1767225600,"1"],...]}]}}
//
// Each result is one series, named `<metric.__name__ or base>{other labels}`. Values are
// strings; "NaN", "+Inf" and "-Inf" are dropped as missing samples with a warning, any other
// non-number is an error. A `"status":"error"` answer is an error carrying Prometheus'
// errorType and error message. Every error is located "file:line:col: error: field: message".
// Reference: https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries

#include <string>
#include <string_view>

#include "common/result.h"
#include "observe/series.h"

namespace headroom {

// `base` names series whose metric has no __name__ (a computed PromQL expression); `file`
// locates errors. `status_error_code` is the code given to a `"status":"error"` answer: bad data
// (kInvalid) for a file, an unavailable service (kUnavailable) for a live server.
Result<SeriesSet> ReadPrometheusJson(std::string_view text, const std::string& file,
                                     const std::string& base,
                                     ErrorCode status_error_code = ErrorCode::kInvalid);

}  // namespace headroom
