#include "report/html_escape.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace headroom {
namespace {

TEST(HtmlEscapeTest, EscapesMarkupCharacters) {
  EXPECT_EQ(HtmlEscape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST(HtmlEscapeTest, LeavesOtherTextAlone) {
  EXPECT_EQ(HtmlEscape("Clínica São Paulo — 8 sites"), "Clínica São Paulo — 8 sites");
}

TEST(ScriptSafeJsonTest, NoClosingTagSurvivesAndTheValueIsUnchanged) {
  const std::string json = R"({"name":"</script><!-- x"})";
  const std::string safe = ScriptSafeJson(json);
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(safe), nlohmann::json::parse(json));
}

}  // namespace
}  // namespace headroom
