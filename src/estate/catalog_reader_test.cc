#include "estate/catalog_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {
namespace {

using ::testing::ElementsAre;

// A minimal valid catalog, 19 lines: line 10 holds `vcpu: 8` (value at column 11), line 11
// `memory_gib: 64` (column 17), line 12 `price_per_hour: 0.5` (column 21).
constexpr std::string_view kMinimal = R"(name: mine
currency: EUR
price_date: 2026-03-01
source: my invoice of March 2026
region: eu-central-1
zones: [a, b]
node_types:
  - name: big
    class: memory_optimised
    vcpu: 8
    memory_gib: 64
    price_per_hour: 0.5
block_storage:
  name: ssd
  per_gib_month: 0.1
object_storage_per_gib_month: 0.02
egress_per_gib: 0
snapshot_per_gib_month: 0.05
load_balancer_per_hour: 0.03
)";

// kMinimal with the first occurrence of `from` replaced by `to`. REQUIRES: `from` occurs.
std::string Edit(std::string_view from, std::string_view to) {
  std::string text(kMinimal);
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ReadText(const std::string& relative_path) {
  std::ifstream in(std::string(HEADROOM_SOURCE_DIR) + "/" + relative_path);
  EXPECT_TRUE(in.good()) << relative_path;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every error of reading `yaml` as "c.yaml", formatted; empty when it reads.
std::vector<std::string> CatalogErrorsOf(std::string_view yaml) {
  Result<Catalog> r = ReadCatalog(yaml, "c.yaml");
  std::vector<std::string> out;
  if (!r.ok()) {
    for (const Error& e : r.errors()) out.push_back(e.Format());
  }
  return out;
}

Catalog ReadCatalogText(std::string_view yaml) {
  Result<Catalog> r = ReadCatalog(yaml, "c.yaml");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : FormatAll(r.errors()));
  return r.ok() ? r.value() : Catalog{};
}

// ---- valid catalogs ----

TEST(ReadCatalogTest, ReadsAMinimalCatalogAndFillsTheOptionalFields) {
  const Catalog c = ReadCatalogText(kMinimal);
  EXPECT_EQ(c.name, "mine");
  EXPECT_EQ(c.currency, "EUR");
  EXPECT_EQ(c.price_date, "2026-03-01");
  EXPECT_EQ(c.source, "my invoice of March 2026");
  EXPECT_EQ(c.region, "eu-central-1");
  EXPECT_EQ(c.zones, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.node_types.size(), 1u);
  // max_pods and local_ssd_gib omitted: kubelet's default and no local disk.
  EXPECT_EQ(c.node_types[0], (NodeType{"big", NodeClass::kMemoryOptimised, 8, 64, 0.5, 110, 0}));
  EXPECT_EQ(c.block_storage, (BlockStoragePrice{"ssd", 0.1, 0, 0, 0, 0}));
  EXPECT_EQ(c.object_storage_per_gib_month, 0.02);
  EXPECT_EQ(c.egress_per_gib, 0);
  EXPECT_EQ(c.snapshot_per_gib_month, 0.05);
  EXPECT_TRUE(c.managed_postgres.empty());
  EXPECT_EQ(c.managed_postgres_storage_per_gib_month, 0);
  EXPECT_EQ(c.load_balancer_per_hour, 0.03);
  EXPECT_TRUE(c.references.empty());
}

TEST(ReadCatalogTest, ReadsEveryOptionalField) {
  const Catalog c = ReadCatalogText(std::string(kMinimal) + R"(managed_postgres:
  - {name: db.small, vcpu: 2, memory_gib: 8, price_per_hour: 0.2}
  - {name: db.large, vcpu: 8, memory_gib: 32, price_per_hour: 0.8, ha_multiplier: 1.5}
managed_postgres_storage_per_gib_month: 0.12
references:
  - {item: all prices, source: my invoice, confirmed: true, note: net of discount}
  - {item: egress, source: "not confirmed"}
)");
  EXPECT_EQ(c.managed_postgres, (std::vector<ManagedPostgresType>{{"db.small", 2, 8, 0.2, 2.0},
                                                                  {"db.large", 8, 32, 0.8, 1.5}}));
  EXPECT_EQ(c.managed_postgres_storage_per_gib_month, 0.12);
  EXPECT_EQ(c.references,
            (std::vector<PriceReference>{{"all prices", "my invoice", true, "net of discount"},
                                         {"egress", "not confirmed", false, ""}}));
  const Catalog with_ssd = ReadCatalogText(Edit("    price_per_hour: 0.5\n",
                                                "    price_per_hour: 0.5\n    max_pods: 58\n"
                                                "    local_ssd_gib: 474\n"));
  EXPECT_EQ(with_ssd.node_types[0].max_pods, 58);
  EXPECT_EQ(with_ssd.node_types[0].local_ssd_gib, 474);
}

TEST(ReadCatalogTest, TheExampleFileIsTheBuiltInCatalog) {
  const Catalog c = ReadCatalogText(ReadText("docs/catalog-example.yaml"));
  const Catalog& builtin = BuiltinCatalog();
  // Field by field first, so a difference names its field.
  EXPECT_EQ(c.name, builtin.name);
  EXPECT_EQ(c.currency, builtin.currency);
  EXPECT_EQ(c.price_date, builtin.price_date);
  EXPECT_EQ(c.source, builtin.source);
  EXPECT_EQ(c.region, builtin.region);
  EXPECT_EQ(c.zones, builtin.zones);
  EXPECT_EQ(c.node_types, builtin.node_types);
  EXPECT_EQ(c.block_storage, builtin.block_storage);
  EXPECT_EQ(c.other_block_storage, builtin.other_block_storage);
  EXPECT_EQ(c.object_storage_per_gib_month, builtin.object_storage_per_gib_month);
  EXPECT_EQ(c.egress_per_gib, builtin.egress_per_gib);
  EXPECT_EQ(c.snapshot_per_gib_month, builtin.snapshot_per_gib_month);
  EXPECT_EQ(c.managed_postgres, builtin.managed_postgres);
  EXPECT_EQ(c.managed_postgres_storage_per_gib_month,
            builtin.managed_postgres_storage_per_gib_month);
  EXPECT_EQ(c.load_balancer_per_hour, builtin.load_balancer_per_hour);
  EXPECT_EQ(c.references, builtin.references);
  EXPECT_EQ(c, builtin);
}

// The complete example in docs/catalog.md ("Your own catalog") reads, and its figures are the
// built-in catalog's.
TEST(ReadCatalogTest, TheExampleInTheDocsReads) {
  const std::string doc = ReadText("docs/catalog.md");
  const size_t section = doc.find("## Your own catalog");
  ASSERT_NE(section, std::string::npos);
  const size_t start = doc.find("```yaml\n", section);
  ASSERT_NE(start, std::string::npos);
  const size_t body = start + 8;
  const size_t end = doc.find("```", body);
  ASSERT_NE(end, std::string::npos);
  const Catalog c = ReadCatalogText(std::string_view(doc).substr(body, end - body));
  const Catalog& builtin = BuiltinCatalog();
  EXPECT_EQ(c.name, "my-aws-us-east-1");
  EXPECT_EQ(c.zones, builtin.zones);
  ASSERT_EQ(c.node_types.size(), 3u);
  for (const NodeType& t : c.node_types) {
    ASSERT_NE(FindNodeType(builtin, t.name), nullptr) << t.name;
    EXPECT_EQ(t, *FindNodeType(builtin, t.name));
  }
  EXPECT_EQ(c.block_storage, builtin.block_storage);
  EXPECT_EQ(c.other_block_storage, builtin.other_block_storage);
  ASSERT_EQ(c.managed_postgres.size(), 2u);
  EXPECT_EQ(c.managed_postgres[1], *FindManagedPostgres(builtin, "db.m6i.xlarge"));
  EXPECT_EQ(c.load_balancer_per_hour, builtin.load_balancer_per_hour);
  EXPECT_EQ(c.references.size(), 1u);
}

TEST(ReadCatalogTest, RecordsWhereEachFieldWasWritten) {
  SourceMap sources;
  ASSERT_TRUE(ReadCatalog(kMinimal, "c.yaml", &sources).ok());
  const Location vcpu = sources.Find("node_types[0].vcpu");
  EXPECT_EQ(vcpu.file, "c.yaml");
  EXPECT_EQ(vcpu.line, 10);
  EXPECT_EQ(vcpu.column, 11);
  // An omitted field points at its nearest written ancestor, the node type's mapping.
  const Location max_pods = sources.Find("node_types[0].max_pods");
  EXPECT_EQ(max_pods.line, 8);
  EXPECT_EQ(max_pods.column, 5);
}

// ---- structural errors, found while reading ----

TEST(ReadCatalogErrorTest, UnknownKeyWithSuggestion) {
  EXPECT_THAT(CatalogErrorsOf(
                  Edit("    price_per_hour: 0.5\n", "    price_per_hour: 0.5\n    max_pod: 8\n")),
              ElementsAre("c.yaml:13:5: error: node_types[0].max_pod: unknown key; did you mean "
                          "'max_pods'?"));
}

TEST(ReadCatalogErrorTest, MisspeltRequiredKeyIsBothUnknownAndMissing) {
  EXPECT_THAT(CatalogErrorsOf(Edit("egress_per_gib: 0", "egres_per_gib: 0")),
              ElementsAre("c.yaml:1:1: error: egress_per_gib: required key is missing",
                          "c.yaml:17:1: error: egres_per_gib: unknown key; did you mean "
                          "'egress_per_gib'?"));
}

TEST(ReadCatalogErrorTest, UnknownKeyFarFromAnyNameListsTheKeys) {
  EXPECT_THAT(
      CatalogErrorsOf(Edit("  per_gib_month: 0.1\n", "  per_gib_month: 0.1\n  colour: blue\n")),
      ElementsAre("c.yaml:16:3: error: block_storage.colour: unknown key; expected one "
                  "of: name, per_gib_month, included_iops, per_iops_month, "
                  "included_throughput_mib_s, per_throughput_mib_s_month, max_iops, "
                  "max_throughput_mib_s"));
}

TEST(ReadCatalogErrorTest, DuplicateKey) {
  EXPECT_THAT(CatalogErrorsOf(std::string(kMinimal) + "region: eu-west-1\n"),
              ElementsAre("c.yaml:20:1: error: region: duplicate key; first given at line 5"));
}

TEST(ReadCatalogErrorTest, WrongTypes) {
  EXPECT_THAT(CatalogErrorsOf(Edit("vcpu: 8", "vcpu: eight")),
              ElementsAre("c.yaml:10:11: error: node_types[0].vcpu: expected a number, got "
                          "\"eight\""));
  EXPECT_THAT(CatalogErrorsOf(Edit("vcpu: 8", "vcpu: \"8\"")),
              ElementsAre("c.yaml:10:11: error: node_types[0].vcpu: expected a number, got the "
                          "string \"8\""));
  EXPECT_THAT(CatalogErrorsOf(Edit("zones: [a, b]", "zones: a")),
              ElementsAre("c.yaml:6:8: error: zones: expected a list, got \"a\""));
  EXPECT_THAT(CatalogErrorsOf(Edit("name: mine", "name: [mine]")),
              ElementsAre("c.yaml:1:7: error: name: expected a string, got a list"));
  EXPECT_THAT(CatalogErrorsOf(
                  Edit("  per_gib_month: 0.1\n", "  per_gib_month: 0.1\n  included_iops: 3,000\n")),
              ElementsAre("c.yaml:16:18: error: block_storage.included_iops: expected a number, "
                          "got \"3,000\""));
}

TEST(ReadCatalogErrorTest, MaxPodsMustBeAnInteger) {
  EXPECT_THAT(CatalogErrorsOf(Edit("    price_per_hour: 0.5\n",
                                   "    price_per_hour: 0.5\n    max_pods: 29.5\n")),
              ElementsAre("c.yaml:13:15: error: node_types[0].max_pods: expected an integer, got "
                          "29.5"));
}

TEST(ReadCatalogErrorTest, UnknownNodeClassWord) {
  EXPECT_THAT(CatalogErrorsOf(Edit("class: memory_optimised", "class: memory_optimized")),
              ElementsAre("c.yaml:9:12: error: node_types[0].class: \"memory_optimized\" is not "
                          "one of general_purpose, compute_optimised, memory_optimised; did you "
                          "mean 'memory_optimised'?"));
}

TEST(ReadCatalogErrorTest, MissingRequiredFieldsPointAtTheirMapping) {
  EXPECT_THAT(CatalogErrorsOf(Edit("    price_per_hour: 0.5\n", "")),
              ElementsAre("c.yaml:8:5: error: node_types[0].price_per_hour: required key is "
                          "missing"));
}

TEST(ReadCatalogErrorTest, ManagedPostgresNeedsItsStoragePrice) {
  EXPECT_THAT(
      CatalogErrorsOf(
          std::string(kMinimal) +
          "managed_postgres:\n  - {name: db, vcpu: 2, memory_gib: 8, price_per_hour: 0.2}\n"),
      ElementsAre("c.yaml:1:1: error: managed_postgres_storage_per_gib_month: required key is "
                  "missing"));
}

// ---- semantic errors, found by ValidateCatalog and located in the file ----

TEST(ReadCatalogErrorTest, NegativePrice) {
  EXPECT_THAT(CatalogErrorsOf(Edit("price_per_hour: 0.5", "price_per_hour: -0.5")),
              ElementsAre("c.yaml:12:21: error: node_types[0].price_per_hour: must be >= 0"));
}

TEST(ReadCatalogErrorTest, ZeroMemory) {
  EXPECT_THAT(CatalogErrorsOf(Edit("memory_gib: 64", "memory_gib: 0")),
              ElementsAre("c.yaml:11:17: error: node_types[0].memory_gib: must be > 0"));
}

TEST(ReadCatalogErrorTest, EmptyNodeTypes) {
  const std::string node_types =
      "node_types:\n  - name: big\n    class: memory_optimised\n    vcpu: 8\n"
      "    memory_gib: 64\n    price_per_hour: 0.5\n";
  EXPECT_THAT(CatalogErrorsOf(Edit(node_types, "node_types: []\n")),
              ElementsAre("c.yaml:7:13: error: node_types: needs at least one node type"));
}

TEST(ReadCatalogErrorTest, EmptyZones) {
  EXPECT_THAT(CatalogErrorsOf(Edit("zones: [a, b]", "zones: []")),
              ElementsAre("c.yaml:6:8: error: zones: needs at least one zone"));
}

TEST(ReadCatalogErrorTest, DuplicateZone) {
  EXPECT_THAT(CatalogErrorsOf(Edit("zones: [a, b]", "zones: [a, b, a]")),
              ElementsAre("c.yaml:6:15: error: zones[2]: zone names must be unique and not "
                          "empty"));
}

TEST(ReadCatalogErrorTest, BadDates) {
  EXPECT_THAT(CatalogErrorsOf(Edit("price_date: 2026-03-01", "price_date: 2026-02-30")),
              ElementsAre("c.yaml:3:13: error: price_date: '2026-02-30' is not a date of the "
                          "form YYYY-MM-DD"));
  EXPECT_THAT(CatalogErrorsOf(Edit("price_date: 2026-03-01", "price_date: 1 March 2026")),
              ElementsAre("c.yaml:3:13: error: price_date: '1 March 2026' is not a date of the "
                          "form YYYY-MM-DD"));
}

TEST(ReadCatalogErrorTest, BadCurrency) {
  EXPECT_THAT(CatalogErrorsOf(Edit("currency: EUR", "currency: euro")),
              ElementsAre("c.yaml:2:11: error: currency: 'euro' is not an ISO 4217 code such as "
                          "USD or EUR"));
}

TEST(ReadCatalogErrorTest, DuplicateNodeTypeNames) {
  EXPECT_THAT(
      CatalogErrorsOf(Edit("block_storage:\n",
                           "  - {name: big, class: general_purpose, vcpu: 2, memory_gib: 8, "
                           "price_per_hour: 0.1}\nblock_storage:\n")),
      ElementsAre("c.yaml:13:12: error: node_types[1].name: duplicate node type 'big'; first "
                  "given as node_types[0]"));
}

TEST(ReadCatalogErrorTest, DuplicateManagedPostgresClass) {
  EXPECT_THAT(CatalogErrorsOf(std::string(kMinimal) +
                              "managed_postgres:\n"
                              "  - {name: db, vcpu: 2, memory_gib: 8, price_per_hour: 0.2}\n"
                              "  - {name: db, vcpu: 4, memory_gib: 16, price_per_hour: 0.4, "
                              "ha_multiplier: 0.5}\n"
                              "managed_postgres_storage_per_gib_month: 0.1\n"),
              ElementsAre("c.yaml:22:12: error: managed_postgres[1].name: duplicate managed "
                          "PostgreSQL class 'db'; first given as managed_postgres[0]",
                          "c.yaml:22:77: error: managed_postgres[1].ha_multiplier: must be >= 1"));
}

// A field the reader could not read is reported once: the semantic check that would fail on
// the value left unread (a vCPU count of 0, a node type without a name) is not shown.
TEST(ReadCatalogErrorTest, AReadErrorIsNotRepeatedByTheChecks) {
  EXPECT_THAT(CatalogErrorsOf(Edit("  - name: big\n", "  - name: [big]\n")),
              ElementsAre("c.yaml:8:11: error: node_types[0].name: expected a string, got a "
                          "list"));
  EXPECT_THAT(CatalogErrorsOf(Edit("zones: [a, b]", "zones: [a, [b]]")),
              ElementsAre("c.yaml:6:12: error: zones[1]: expected a string, got a list"));
}

TEST(ReadCatalogErrorTest, ReportsEveryErrorAtOnceInFileOrder) {
  std::string text = Edit("price_date: 2026-03-01", "price_date: 2026-13-01");
  for (auto [from, to] : {std::pair{"vcpu: 8", "vcpu: -8"}, std::pair{"region:", "regoin:"},
                          std::pair{"class: memory_optimised", "class: big"},
                          std::pair{"egress_per_gib: 0", "egress_per_gib: free"}}) {
    text.replace(text.find(from), std::string_view(from).size(), to);
  }
  EXPECT_THAT(
      CatalogErrorsOf(text),
      ElementsAre(
          "c.yaml:1:1: error: region: required key is missing",
          "c.yaml:3:13: error: price_date: '2026-13-01' is not a date of the form YYYY-MM-DD",
          "c.yaml:5:1: error: regoin: unknown key; did you mean 'region'?",
          "c.yaml:9:12: error: node_types[0].class: \"big\" is not one of general_purpose, "
          "compute_optimised, memory_optimised",
          "c.yaml:10:11: error: node_types[0].vcpu: must be > 0",
          "c.yaml:17:17: error: egress_per_gib: expected a number, got \"free\""));
}

// ---- refused before or while parsing ----

TEST(ReadCatalogErrorTest, RootNotAMapping) {
  EXPECT_THAT(CatalogErrorsOf("- m7i.large\n"),
              ElementsAre("c.yaml:1:1: error: the document must be a mapping with the fields of "
                          "a price catalog (name, currency, price_date, source, region, zones, "
                          "node_types and the prices); got a list"));
}

TEST(ReadCatalogErrorTest, EmptyDocument) {
  EXPECT_THAT(CatalogErrorsOf("# nothing\n"), ElementsAre("c.yaml: error: the document is empty"));
}

TEST(ReadCatalogErrorTest, AnchorsAreRefused) {
  EXPECT_THAT(CatalogErrorsOf(Edit("zones: [a, b]", "zones: &z [a, b]")),
              ElementsAre("c.yaml:6:8: error: anchors (&name) are not supported; write each "
                          "value out in full"));
}

TEST(ReadCatalogErrorTest, MoreThanOneDocument) {
  EXPECT_THAT(CatalogErrorsOf(std::string(kMinimal) + "---\nname: other\n"),
              ElementsAre("c.yaml:20:1: error: a second YAML document starts here; a catalog is "
                          "one document"));
}

TEST(ReadCatalogErrorTest, InputOverTheSizeCap) {
  const std::string big = std::string(kMinimal) + "# " + std::string(kMaxCatalogBytes, 'x');
  EXPECT_THAT(CatalogErrorsOf(big),
              ElementsAre("c.yaml: error: the file is 1048962 bytes, over the "
                          "limit of 1048576 bytes"));
}

// Found by fuzzing: yaml-cpp passes bytes that are not UTF-8 through into strings, which the
// writer cannot reproduce; such a file is refused before parsing.
TEST(ReadCatalogErrorTest, TextThatIsNotUtf8) {
  EXPECT_THAT(CatalogErrorsOf(Edit("source: my invoice", "source: my factur\xe9")),
              ElementsAre("c.yaml:4:18: error: the file is not UTF-8 text (byte 0xE9); save it "
                          "as UTF-8"));
}

TEST(ReadCatalogErrorTest, NestingDeeperThanTheCap) {
  const std::string yaml = "zones: " + std::string(100, '[') + std::string(100, ']') + "\n";
  EXPECT_THAT(CatalogErrorsOf(yaml),
              ElementsAre("c.yaml:1:71: error: nesting deeper than 64 levels"));
}

}  // namespace
}  // namespace headroom
