#include "estate/catalog_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "estate/catalog_reader.h"

namespace headroom {
namespace {

Catalog SmallCatalog() {
  Catalog c;
  c.name = "small";
  c.currency = "EUR";
  c.price_date = "2026-03-01";
  c.source = "invoice";
  c.region = "r1";
  c.zones = {"r1a", "r1b"};
  c.node_types = {NodeType{"n1", NodeClass::kComputeOptimised, 2, 4, 0.1, 110, 0}};
  c.block_storage = BlockStoragePrice{"ssd", 0.1, 3000, 0.005, 125, 0.04};
  c.object_storage_per_gib_month = 0.02;
  c.egress_per_gib = 0.01;
  c.snapshot_per_gib_month = 0.05;
  c.load_balancer_per_hour = 0.025;
  return c;
}

Catalog ReadBack(const std::string& yaml) {
  Result<Catalog> r = ReadCatalog(yaml, "written.yaml");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : FormatAll(r.errors())) << "\n" << yaml;
  return r.ok() ? r.value() : Catalog{};
}

TEST(CatalogYamlTest, WritesEveryFieldInStructOrder) {
  EXPECT_EQ(CatalogYaml(SmallCatalog()),
            "name: \"small\"\n"
            "currency: \"EUR\"\n"
            "price_date: \"2026-03-01\"\n"
            "source: \"invoice\"\n"
            "region: \"r1\"\n"
            "zones: [\"r1a\", \"r1b\"]\n"
            "node_types:\n"
            "  - name: \"n1\"\n"
            "    class: compute_optimised\n"
            "    vcpu: 2\n"
            "    memory_gib: 4\n"
            "    price_per_hour: 0.1\n"
            "    max_pods: 110\n"
            "    local_ssd_gib: 0\n"
            "block_storage:\n"
            "  name: \"ssd\"\n"
            "  per_gib_month: 0.1\n"
            "  included_iops: 3000\n"
            "  per_iops_month: 0.005\n"
            "  included_throughput_mib_s: 125\n"
            "  per_throughput_mib_s_month: 0.04\n"
            "  max_iops: 0\n"
            "  max_throughput_mib_s: 0\n"
            "other_block_storage: []\n"
            "object_storage_per_gib_month: 0.02\n"
            "egress_per_gib: 0.01\n"
            "snapshot_per_gib_month: 0.05\n"
            "managed_postgres: []\n"
            "managed_postgres_storage_per_gib_month: 0\n"
            "load_balancer_per_hour: 0.025\n"
            "references: []\n");
}

TEST(CatalogYamlTest, TheBuiltInCatalogReadsBackEqual) {
  EXPECT_EQ(ReadBack(CatalogYaml(BuiltinCatalog())), BuiltinCatalog());
}

// Strings a YAML 1.1 reader or an emitter that leaves scalars plain would turn into booleans,
// numbers, times, null, comments or several lines; each must read back as written.
TEST(CatalogYamlTest, StringsThatLookLikeOtherThingsStayStrings) {
  // clang-format off
  std::vector<std::string> tricky = {
      "yes", "on", "No", "1.10", "00:30", "0x1F", "1e3", "null", "~", " ", " padded ", "#hash",
      "a: b", "- dash", "[x]", "{y}", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick",
      "quote \" and \\ backslash", "tab\there", "line\nbreak", "cr\rlf", "del\x7f",
      "caf\xc3\xa9", "\xe2\x80\xa8-separator", "\xef\xbb\xbf-bom", "\xc2\x85-nel",
      "emoji \xf0\x9f\x98\x80", "'single'", "--- document", "..."};
  // clang-format on
  tricky.emplace_back("nul\0byte", 8);
  Catalog c = SmallCatalog();
  for (const std::string& s : tricky) {
    c.name = s;
    c.source = s;
    c.zones = {s, "other"};
    c.node_types[0].name = s;
    c.references = {PriceReference{s, s, false, ""}};  // an empty note is fine
    const Catalog back = ReadBack(CatalogYaml(c));
    EXPECT_EQ(back.name, s);
    EXPECT_EQ(back.zones[0], s);
    EXPECT_EQ(back, c) << CatalogYaml(c);
  }
}

TEST(CatalogYamlTest, NumbersReadBackToTheSameDouble) {
  Catalog c = SmallCatalog();
  for (double price :
       {0.1 + 0.2, 1.0 / 3.0, 1e-300, 5e-324, 1.7976931348623157e308, 123456789.125, -0.0}) {
    c.node_types[0].price_per_hour = price;
    c.egress_per_gib = price;
    EXPECT_EQ(ReadBack(CatalogYaml(c)), c) << price;
  }
}

TEST(QuoteYamlStringTest, EscapesWhatIsNotPrintable) {
  EXPECT_EQ(QuoteYamlString("yes"), "\"yes\"");
  EXPECT_EQ(QuoteYamlString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(QuoteYamlString("a\tb\nc"), "\"a\\x09b\\x0Ac\"");
  EXPECT_EQ(QuoteYamlString("caf\xc3\xa9"), "\"caf\xc3\xa9\"");  // é stays as it is
  EXPECT_EQ(QuoteYamlString("\xc2\x85"), "\"\\x85\"");           // NEL, a YAML 1.1 line break
  EXPECT_EQ(QuoteYamlString("\xe2\x80\xa9"), "\"\\u2029\"");     // paragraph separator
  EXPECT_EQ(QuoteYamlString("\xef\xbb\xbf"), "\"\\uFEFF\"");     // byte-order mark
  // Not UTF-8: a lone continuation byte, an overlong "/", a surrogate, a truncated sequence.
  EXPECT_EQ(QuoteYamlString("\x80"), "\"\\uFFFD\"");
  EXPECT_EQ(QuoteYamlString("\xc0\xaf"), "\"\\uFFFD\\uFFFD\"");
  EXPECT_EQ(QuoteYamlString("\xed\xa0\x80"), "\"\\uFFFD\\uFFFD\\uFFFD\"");
  EXPECT_EQ(QuoteYamlString("ab\xe2\x82"), "\"ab\\uFFFD\\uFFFD\"");
}

TEST(CatalogYamlTest, NonFiniteNumbersAreWrittenSoTheReaderRefusesThem) {
  Catalog c = SmallCatalog();
  c.egress_per_gib = std::numeric_limits<double>::infinity();
  const std::string yaml = CatalogYaml(c);
  EXPECT_NE(yaml.find("egress_per_gib: .inf\n"), std::string::npos);
  Result<Catalog> r = ReadCatalog(yaml, "w.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(),
            "w.yaml:26:17: error: egress_per_gib: expected a number, got \".inf\"");
}

}  // namespace
}  // namespace headroom
