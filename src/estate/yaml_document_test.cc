#include "estate/yaml_document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace headroom {
namespace {

constexpr DocumentKind kBundle{"a bundle", "anything", 1000, /*require_utf8=*/false,
                               /*max_documents=*/4};

TEST(ParseDocumentsTest, ReadsEveryDocumentAndDropsEmptyOnes) {
  const Result<std::vector<DocNode>> r =
      ParseDocuments("---\na: 1\n---\n---\n# a comment\n---\n- x\n", "b.yaml", kBundle);
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  ASSERT_EQ(r.value().size(), 2u);
  EXPECT_EQ(r.value()[0].kind, DocNode::Kind::kMapping);
  EXPECT_EQ(r.value()[0].line, 2);
  EXPECT_EQ(r.value()[1].kind, DocNode::Kind::kSequence);
  EXPECT_EQ(r.value()[1].line, 7);
  const Result<std::vector<DocNode>> empty = ParseDocuments("", "e.yaml", kBundle);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty.value().empty());
}

TEST(ParseDocumentsTest, RefusesTooManyDocumentsAndErrorsInAnyDocument) {
  // Empty documents count towards the limit: they cost parsing all the same.
  EXPECT_EQ(ParseDocuments("a: 1\n---\nb: 2\n---\n---\nd: 4\n---\ne: 5\n", "m.yaml", kBundle)
                .error()
                .Format(),
            "m.yaml: error: more than 4 YAML documents");
  EXPECT_EQ(ParseDocuments("a: 1\n---\nb: &x 2\n", "m.yaml", kBundle).error().Format(),
            "m.yaml:3:4: error: anchors (&name) are not supported; write each value out in full");
  EXPECT_EQ(ParseDocuments("a: 1\n---\nb: !!str 2\n", "m.yaml", kBundle).error().Format(),
            "m.yaml:3:4: error: YAML tags ('tag:yaml.org,2002:str') are not supported");
  EXPECT_EQ(ParseDocuments(std::string(1001, ' '), "big.yaml", kBundle).error().Format(),
            "big.yaml: error: the file is 1001 bytes, over the limit of 1000 bytes");
}

}  // namespace
}  // namespace headroom
