#include "observe/prometheus_json_reader.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(PrometheusJsonReader, ReadsAMatrix) {
  const char* text = R"({"status":"success","data":{"resultType":"matrix","result":[
{"metric":{"__name__":"node_load1","instance":"a:9100"},"values":[[1767225600,"0.5"],[1767225660.5,"1e1"]]},
{"metric":{},"values":[[1,"2"]]}]}})";
  Result<SeriesSet> r = ReadPrometheusJson(text, "q.json", "load");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  ASSERT_EQ(r.value().series.size(), 2u);
  const Series& s = r.value().series[0];
  EXPECT_EQ(s.name, "node_load1{instance=a:9100}");
  EXPECT_EQ(s.times_s, (std::vector<double>{1767225600, 1767225660.5}));
  EXPECT_EQ(s.values, (std::vector<double>{0.5, 10}));
  EXPECT_EQ(r.value().series[1].name, "load");
}

TEST(PrometheusJsonReader, MalformedJsonIsLocated) {
  Result<SeriesSet> r = ReadPrometheusJson("{\"status\":\n  \"success\",,}", "bad.json", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(),
            "bad.json:2:13: error: malformed JSON: syntax error while parsing object key - "
            "unexpected ','; expected string literal");
}

TEST(PrometheusJsonReader, EveryBadSampleIsLocated) {
  const char* text =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n"
      "{\"metric\":{},\"values\":[[10,\"1\"],[20,\"x\"],[20,\"2\"],[20,\"3\"],[15,\"4\"],\n"
      "[30,\"NaN\"],[40],[50,\"+Inf\"]]}]}}";
  Result<SeriesSet> r = ReadPrometheusJson(text, "p.json", "m");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FormatAll(r.errors()),
            "p.json:2:37: error: data.result[0].values[1][1]: 'x' is not a number\n"
            "p.json:2:51: error: data.result[0].values[3]: duplicate timestamp 20 "
            "(1970-01-01T00:00:20Z) of series m, first at line 2\n"
            "p.json:2:60: error: data.result[0].values[4]: timestamp 15 (1970-01-01T00:00:15Z) of "
            "series m is before the previous sample's 20 (line 2): samples must be sorted by time\n"
            "p.json:3:12: error: data.result[0].values[6]: a sample must be [unix_seconds, "
            "\"value\"]\n");
}

TEST(PrometheusJsonReader, StatusErrorCarriesPrometheusMessage) {
  const char* text =
      R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected"})";
  Result<SeriesSet> r = ReadPrometheusJson(text, "http://h/api", "x", ErrorCode::kUnavailable);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().Format(),
            "http://h/api:1:11: error: status: Prometheus answered with an error: bad_data: 1:5: "
            "parse error: unexpected");
}

TEST(PrometheusJsonReader, InstantVectorIsRefused) {
  Result<SeriesSet> r = ReadPrometheusJson(
      R"({"status":"success","data":{"resultType":"vector","result":[]}})", "v.json", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(),
            "v.json:1:42: error: data.resultType: is 'vector': a range query "
            "(/api/v1/query_range) answers 'matrix'");
}

TEST(PrometheusJsonReader, NotFiniteValuesBecomeGaps) {
  const char* text = R"({"status":"success","data":{"resultType":"matrix","result":[
{"metric":{},"values":[[0,"1"],[60,"NaN"],[120,"3"]]}]}})";
  Result<SeriesSet> r = ReadPrometheusJson(text, "n.json", "n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().series[0].values, (std::vector<double>{1, 3}));
  ASSERT_EQ(r.value().notes.size(), 1u);
  EXPECT_EQ(r.value().notes[0],
            "n.json:2:36: warning: data.result[0].values[1][1]: 'NaN' of series n dropped: a "
            "missing sample (a gap)");
}

TEST(PrometheusJsonReader, DeepNestingIsRefused) {
  Result<SeriesSet> r =
      ReadPrometheusJson(std::string(100, '[') + std::string(100, ']'), "d.json", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(), "d.json: error: JSON nested deeper than 32 levels");
}

}  // namespace
}  // namespace headroom
