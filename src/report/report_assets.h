#pragma once
// The report's front end, compiled into the binary (cmake/embed_web.cmake): uPlot's script and
// style sheet from npm (web/package-lock.json pins the version) and the report's own script and
// style sheet (web/report.js, web/report.css).

#include <string_view>

namespace headroom {

struct ReportAssets {
  std::string_view uplot_js;
  std::string_view uplot_css;
  std::string_view report_js;
  std::string_view report_css;
};

const ReportAssets& EmbeddedReportAssets();

}  // namespace headroom
