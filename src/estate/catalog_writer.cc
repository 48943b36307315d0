#include "estate/catalog_writer.h"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "estate/enum_words.h"

namespace headroom {
namespace {

// Written for a byte that is not part of valid UTF-8 (U+FFFD, the replacement character).
constexpr char32_t kReplacementCharacter = 0xFFFD;

// Characters written as escapes: those outside YAML's printable set (YAML 1.2 §5.1, c-printable)
// and those a reader could take for a line break or a byte-order mark.
bool NeedsEscape(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
         c == 0xFFFE || c == 0xFFFF;
}

std::string Escape(char32_t c) {
  if (c <= 0xFF) return fmt::format("\\x{:02X}", static_cast<unsigned>(c));
  return fmt::format("\\u{:04X}", static_cast<unsigned>(c));
}

// A number in the shortest form that reads back to the same double; YAML 1.2's words for the
// values a plain decimal cannot spell.
std::string Number(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  return fmt::format("{}", value);
}

// Appends "key: value" lines at an indentation; list items start with "- ".
class Writer {
 public:
  void Field(int indent, std::string_view key, const std::string& value) {
    out_ += fmt::format("{:{}}{}: {}\n", "", indent, key, value);
  }
  void Item(int indent) {
    out_ += fmt::format("{:{}}- ", "", indent);
    item_open_ = true;
  }
  // Like Field, but the first field after Item() continues the "- " line.
  void ItemField(int indent, std::string_view key, const std::string& value) {
    if (item_open_) {
      out_ += fmt::format("{}: {}\n", key, value);
      item_open_ = false;
    } else {
      Field(indent, key, value);
    }
  }
  void Section(std::string_view key) { out_ += fmt::format("{}:\n", key); }
  void EmptyList(std::string_view key) { out_ += fmt::format("{}: []\n", key); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool item_open_ = false;
};

std::string QuotedList(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += QuoteYamlString(values[i]);
  }
  return out + "]";
}

void WriteNodeTypes(const std::vector<NodeType>& types, Writer& w) {
  if (types.empty()) {
    w.EmptyList("node_types");
    return;
  }
  w.Section("node_types");
  for (const NodeType& t : types) {
    w.Item(2);
    w.ItemField(4, "name", QuoteYamlString(t.name));
    w.ItemField(4, "class", std::string(WordOf(NodeClassWords(), t.node_class)));
    w.ItemField(4, "vcpu", Number(t.vcpu));
    w.ItemField(4, "memory_gib", Number(t.memory_gib));
    w.ItemField(4, "price_per_hour", Number(t.price_per_hour));
    w.ItemField(4, "max_pods", fmt::format("{}", t.max_pods));
    w.ItemField(4, "local_ssd_gib", Number(t.local_ssd_gib));
  }
}

// One class's fields at `indent`, the first continuing a list item's "- " when one is open.
void WriteBlockStorageFields(const BlockStoragePrice& b, int indent, Writer& w) {
  w.ItemField(indent, "name", QuoteYamlString(b.name));
  w.ItemField(indent, "per_gib_month", Number(b.per_gib_month));
  w.ItemField(indent, "included_iops", Number(b.included_iops));
  w.ItemField(indent, "per_iops_month", Number(b.per_iops_month));
  w.ItemField(indent, "included_throughput_mib_s", Number(b.included_throughput_mib_s));
  w.ItemField(indent, "per_throughput_mib_s_month", Number(b.per_throughput_mib_s_month));
  w.ItemField(indent, "max_iops", Number(b.max_iops));
  w.ItemField(indent, "max_throughput_mib_s", Number(b.max_throughput_mib_s));
}

void WriteBlockStorage(const Catalog& c, Writer& w) {
  w.Section("block_storage");
  WriteBlockStorageFields(c.block_storage, 2, w);
  if (c.other_block_storage.empty()) {
    w.EmptyList("other_block_storage");
    return;
  }
  w.Section("other_block_storage");
  for (const BlockStoragePrice& b : c.other_block_storage) {
    w.Item(2);
    WriteBlockStorageFields(b, 4, w);
  }
}

void WriteManagedPostgres(const std::vector<ManagedPostgresType>& types, Writer& w) {
  if (types.empty()) {
    w.EmptyList("managed_postgres");
    return;
  }
  w.Section("managed_postgres");
  for (const ManagedPostgresType& t : types) {
    w.Item(2);
    w.ItemField(4, "name", QuoteYamlString(t.name));
    w.ItemField(4, "vcpu", Number(t.vcpu));
    w.ItemField(4, "memory_gib", Number(t.memory_gib));
    w.ItemField(4, "price_per_hour", Number(t.price_per_hour));
    w.ItemField(4, "ha_multiplier", Number(t.ha_multiplier));
  }
}

void WriteReferences(const std::vector<PriceReference>& references, Writer& w) {
  if (references.empty()) {
    w.EmptyList("references");
    return;
  }
  w.Section("references");
  for (const PriceReference& r : references) {
    w.Item(2);
    w.ItemField(4, "item", QuoteYamlString(r.item));
    w.ItemField(4, "source", QuoteYamlString(r.source));
    w.ItemField(4, "confirmed", r.confirmed ? "true" : "false");
    w.ItemField(4, "note", QuoteYamlString(r.note));
  }
}

}  // namespace

std::string QuoteYamlString(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    CodePoint c = DecodeUtf8(text, i);
    if (c.length == 0) {
      out += Escape(kReplacementCharacter);
      ++i;
      continue;
    }
    if (c.value == '"' || c.value == '\\') {
      out += '\\';
      out += static_cast<char>(c.value);
    } else if (NeedsEscape(c.value)) {
      out += Escape(c.value);
    } else {
      out.append(text.substr(i, c.length));
    }
    i += c.length;
  }
  return out + "\"";
}

std::string CatalogYaml(const Catalog& c) {
  Writer w;
  w.Field(0, "name", QuoteYamlString(c.name));
  w.Field(0, "currency", QuoteYamlString(c.currency));
  w.Field(0, "price_date", QuoteYamlString(c.price_date));
  w.Field(0, "source", QuoteYamlString(c.source));
  w.Field(0, "region", QuoteYamlString(c.region));
  w.Field(0, "zones", QuotedList(c.zones));
  WriteNodeTypes(c.node_types, w);
  WriteBlockStorage(c, w);
  w.Field(0, "object_storage_per_gib_month", Number(c.object_storage_per_gib_month));
  w.Field(0, "egress_per_gib", Number(c.egress_per_gib));
  w.Field(0, "snapshot_per_gib_month", Number(c.snapshot_per_gib_month));
  WriteManagedPostgres(c.managed_postgres, w);
  w.Field(0, "managed_postgres_storage_per_gib_month",
          Number(c.managed_postgres_storage_per_gib_month));
  w.Field(0, "load_balancer_per_hour", Number(c.load_balancer_per_hour));
  WriteReferences(c.references, w);
  return w.Take();
}

}  // namespace headroom
