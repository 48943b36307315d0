#include "observe/csv_series_reader.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(CsvSeriesReader, ReadsSeriesGroupedByLabels) {
  const char* text =
      "# cpu of two nodes\n"
      "timestamp,value,node\n"
      "1767225600,0.5,a\n"
      "1767225600,0.25,b\n"
      "2026-01-01T01:00:00Z,0.75,a\n"
      "1767232800,0.5,b\n";
  Result<SeriesSet> r = ReadCsvSeries(text, "cpu.csv", "cpu");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  ASSERT_EQ(r.value().series.size(), 2u);
  const Series& a = r.value().series[0];
  EXPECT_EQ(a.name, "cpu{node=a}");
  EXPECT_EQ(a.times_s, (std::vector<double>{1767225600, 1767229200}));
  EXPECT_EQ(a.values, (std::vector<double>{0.5, 0.75}));
  EXPECT_EQ(r.value().series[1].name, "cpu{node=b}");
  EXPECT_TRUE(r.value().notes.empty());
}

TEST(CsvSeriesReader, KeyValueLabelsWithoutHeader) {
  Result<SeriesSet> r = ReadCsvSeries("1,2,job=db\n2,3,job=db\n", "f.csv", "x");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().series[0].name, "x{job=db}");
}

TEST(CsvSeriesReader, ReportsEveryErrorLocated) {
  const char* text =
      "timestamp,value\n"
      "100,1\n"
      "yesterday,2\n"
      "200,lots\n"
      "200,3\n"
      "300,4\n"
      "300,5\n"
      "250,6\n"
      "400\n";
  Result<SeriesSet> r = ReadCsvSeries(text, "m.csv", "m");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FormatAll(r.errors()),
            "m.csv:3:1: error: timestamp: 'yesterday' is not a timestamp (Unix seconds or RFC "
            "3339)\n"
            "m.csv:4:5: error: value: 'lots' is not a number\n"
            "m.csv:7:5: error: value: duplicate timestamp 300 (1970-01-01T00:05:00Z) of series m, "
            "first at line 6\n"
            "m.csv:8:5: error: value: timestamp 250 (1970-01-01T00:04:10Z) of series m is before "
            "the previous sample's 300 (line 6): samples must be sorted by time\n"
            "m.csv:9:1: error: expected 2 cells (timestamp,value), found 1\n");
  EXPECT_EQ(r.errors().front().code, ErrorCode::kInvalid);
}

TEST(CsvSeriesReader, GapsAndNotFiniteValuesAreWarnings) {
  const char* text = "0,1\n60,2\n120,NaN\n180,4\n240,5\n300,6\n720,7\n780,8\n";
  Result<SeriesSet> r = ReadCsvSeries(text, "g.csv", "g");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().series[0].values, (std::vector<double>{1, 2, 4, 5, 6, 7, 8}));
  ASSERT_EQ(r.value().notes.size(), 3u);
  EXPECT_EQ(r.value().notes[0],
            "g.csv:4:5: warning: value: gap in series g: no sample for 120 s between "
            "1970-01-01T00:01:00Z and 1970-01-01T00:03:00Z (1 steps of 60 s); the forecast fills "
            "it by linear interpolation");
  EXPECT_EQ(r.value().notes[1],
            "g.csv:7:5: warning: value: gap in series g: no sample for 420 s between "
            "1970-01-01T00:05:00Z and 1970-01-01T00:12:00Z (6 steps of 60 s); the forecast fills "
            "it by linear interpolation");
  EXPECT_EQ(r.value().notes[2],
            "g.csv:3:5: warning: value: 'NaN' of series g dropped: a missing sample (a gap)");
}

TEST(CsvSeriesReader, EmptyInputIsAnError) {
  Result<SeriesSet> r = ReadCsvSeries("# nothing\n", "e.csv", "e");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(), "e.csv: error: no samples");
}

}  // namespace
}  // namespace headroom
