#pragma once
// Making text safe inside an HTML page. Estate files are user input: a tenant named
// `<script>` must show as text, never run.

#include <string>
#include <string_view>

namespace headroom {

// Escapes & < > " ' for use in element content and quoted attribute values.
std::string HtmlEscape(std::string_view text);

// Makes JSON text safe inside <script type="application/json">: every '<' becomes \u003c (a
// '<' can only occur inside a JSON string, where the escape means the same character), so no
// "</script>" or "<!--" can end or change the element. The JSON value is unchanged.
std::string ScriptSafeJson(std::string_view json);

}  // namespace headroom
