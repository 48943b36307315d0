#include "emit/yaml_writer.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace headroom::emit {
namespace {

// Strings YAML 1.1 would read as another type stay strings: every string scalar is quoted.
TEST(YamlWriterTest, QuotesStringsAYaml11ReaderWouldRetype) {
  Json doc;
  doc["answer"] = "yes";
  doc["switch"] = "on";
  doc["version"] = "1.10";
  doc["time"] = "00:30";
  doc["octal"] = "0755";
  doc["count"] = 3;
  doc["ratio"] = 0.25;
  doc["enabled"] = true;
  EXPECT_EQ(ToYaml(doc),
            "answer: \"yes\"\n"
            "switch: \"on\"\n"
            "version: \"1.10\"\n"
            "time: \"00:30\"\n"
            "octal: \"0755\"\n"
            "count: 3\n"
            "ratio: 0.25\n"
            "enabled: true\n");
}

TEST(YamlWriterTest, QuotesKeysThatAreNotPlainWords) {
  Json doc;
  doc["on"] = 1;
  doc["app.kubernetes.io/name"] = "odoo";
  doc["8069"] = "http";
  EXPECT_EQ(ToYaml(doc),
            "\"on\": 1\n"
            "app.kubernetes.io/name: \"odoo\"\n"
            "\"8069\": \"http\"\n");
}

TEST(YamlWriterTest, WritesNestedBlocks) {
  Json doc;
  doc["spec"]["ports"] = Json::array({Json{{"name", "http"}, {"port", 8069}}, "x"});
  doc["spec"]["empty"] = Json::object();
  doc["list"] = Json::array({Json::array({1, 2})});
  EXPECT_EQ(ToYaml(doc),
            "spec:\n"
            "  ports:\n"
            "    - name: \"http\"\n"
            "      port: 8069\n"
            "    - \"x\"\n"
            "  empty: {}\n"
            "list:\n"
            "  - - 1\n"
            "    - 2\n");
}

TEST(YamlWriterTest, WritesMultiLineTextAsLiteralBlock) {
  Json doc;
  doc["data"]["odoo.conf"] = "[options]\nworkers = 8\n\nproxy_mode = True\n";
  EXPECT_EQ(ToYaml(doc),
            "data:\n"
            "  odoo.conf: |\n"
            "    [options]\n"
            "    workers = 8\n"
            "\n"
            "    proxy_mode = True\n");
}

// What a YAML reader gets back is what was written, with every string tagged as quoted.
TEST(YamlWriterTest, ReadsBackIdentically) {
  Json doc;
  doc["a"]["b"] = Json::array({"yes", "00:30", "tab\there", "quote\"d", "ünïcode"});
  doc["a"]["text"] = "line one\nline two\n";
  doc["n"] = 1.5;
  const YAML::Node read = YAML::Load(ToYaml(doc));
  EXPECT_EQ(read["a"]["b"][0].Tag(), "!");
  EXPECT_EQ(read["a"]["b"][0].as<std::string>(), "yes");
  EXPECT_EQ(read["a"]["b"][1].as<std::string>(), "00:30");
  EXPECT_EQ(read["a"]["b"][2].as<std::string>(), "tab\there");
  EXPECT_EQ(read["a"]["b"][3].as<std::string>(), "quote\"d");
  EXPECT_EQ(read["a"]["b"][4].as<std::string>(), "ünïcode");
  EXPECT_EQ(read["a"]["text"].as<std::string>(), "line one\nline two\n");
  EXPECT_DOUBLE_EQ(read["n"].as<double>(), 1.5);
}

}  // namespace
}  // namespace headroom::emit
