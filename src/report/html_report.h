#pragma once
// report.html: one self-contained page that reads the plan for an executive (the summary in
// business terms) and for an engineer (per-layer demand against capacity, the roadmap, the
// simulated peak day, cost, every assumption). Everything it needs is inside the file: the
// figures as a JSON data island (report/report_data.h, the same plan document as plan.json),
// uPlot and the page's own script and style sheet (report/report_assets.h), so it opens with no
// network. Deterministic: the same input gives the same bytes (no clock, no random ids).
// docs/report.md describes the page.

#include <string>

#include "report/report_assets.h"
#include "report/report_data.h"

namespace headroom {

// The page with the compiled-in front end. REQUIRES: as ReportData.
std::string HtmlReport(const ReportInput& input);

// The same with the given front end (tests pass small stand-ins).
std::string HtmlReport(const ReportInput& input, const ReportAssets& assets);

}  // namespace headroom
