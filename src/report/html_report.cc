#include "report/html_report.h"

#include <fmt/format.h>

#include "report/html_escape.h"

namespace headroom {
namespace {

// The sections report.js fills, in reading order: {id, heading}.
constexpr std::pair<const char*, const char*> kSections[] = {
    {"summary", "Summary"},
    {"layers", "Demand and capacity by layer"},
    {"roadmap", "Roadmap"},
    {"forecast", "Measured resources: forecast saturation"},
    {"simulation", "The peak day, simulated"},
    {"recovery", "Backup and disaster recovery"},
    {"tenancy", "Where each tenant lives"},
    {"cost", "Cost"},
    {"assumptions", "Assumptions and inputs"},
};

std::string Head(const Plan& plan, const ReportAssets& assets) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: the page carries its data, scripts and styles.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>Capacity plan: {}</title>\n<style>\n{}\n</style>\n<style>\n{}\n</style>\n"
      "</head>\n",
      HtmlEscape(plan.estate), assets.uplot_css, assets.report_css);
}

std::string Masthead(const Plan& plan, const std::string& source) {
  return fmt::format(
      "<header>\n<p class=\"kicker\">Headroom capacity plan</p>\n<h1>{}</h1>\n"
      "<p class=\"meta\">{} months from {} &middot; planned at the p{:g} of {} Monte Carlo "
      "samples (seed {}) &middot; prices in {} from {} ({}) &middot; input: {}</p>\n"
      "</header>\n",
      HtmlEscape(plan.estate), plan.months, plan.start.ToString(), plan.quantile * 100,
      plan.samples, plan.seed, HtmlEscape(plan.currency), HtmlEscape(plan.catalog_name),
      HtmlEscape(plan.catalog_price_date), HtmlEscape(source));
}

std::string Body() {
  std::string out = "<nav aria-label=\"Sections\"><ul>\n";
  for (const auto& [id, heading] : kSections) {
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, heading);
  }
  out += "</ul></nav>\n<main>\n";
  out +=
      "<noscript><p class=\"notice\">This report draws its tables and charts with JavaScript. "
      "The figures are also in plan.json beside this file.</p></noscript>\n";
  for (const auto& [id, heading] : kSections) {
    out += fmt::format(
        "<section id=\"{0}\" aria-labelledby=\"{0}-h\">\n<h2 id=\"{0}-h\">{1}</h2>\n"
        "<div class=\"content\" id=\"{0}-content\"></div>\n</section>\n",
        id, heading);
  }
  return out + "</main>\n";
}

std::string Scripts(const ReportInput& input, const ReportAssets& assets) {
  const Json data = ReportData(input);
  const std::string json = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  return fmt::format(
      "<script type=\"application/json\" id=\"report-data\">{}</script>\n"
      "<script>\n{}\n</script>\n<script>\n{}\n</script>\n",
      ScriptSafeJson(json), assets.uplot_js, assets.report_js);
}

}  // namespace

std::string HtmlReport(const ReportInput& input, const ReportAssets& assets) {
  std::string page = Head(*input.plan, assets);
  page += "<body>\n";
  page += Masthead(*input.plan, input.source);
  page += Body();
  page += "<footer><p>Written by Headroom from the figures in plan.json.</p></footer>\n";
  page += Scripts(input, assets);
  return page + "</body>\n</html>\n";
}

std::string HtmlReport(const ReportInput& input) {
  return HtmlReport(input, EmbeddedReportAssets());
}

}  // namespace headroom
