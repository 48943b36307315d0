#include "emit/traefik.h"

#include <cmath>

#include "emit/k8s.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom::emit {
namespace {

constexpr const char* kRateLimit = "odoo-rate-limit";
constexpr const char* kHeaders = "odoo-security-headers";
// HSTS for a year, the value browsers' preload lists require.
constexpr int kHstsSeconds = 31536000;

std::string Host(const EmitContext& context, const Tenant& tenant) {
  return DnsLabel(tenant.name) + "." + context.settings.base_domain;
}

Json Middlewares() { return Json::array({Json{{"name", kRateLimit}}, Json{{"name", kHeaders}}}); }

Json Route(const std::string& match, int priority, const char* port_name) {
  return Json{{"kind", "Rule"},
              {"match", match},
              {"priority", priority},
              {"middlewares", Middlewares()},
              {"services",
               Json::array({Json{{"kind", "Service"}, {"name", kOdooHttp}, {"port", port_name}}})}};
}

Json IngressRoute(const EmitContext& context) {
  Json r = Object("traefik.io/v1alpha1", "IngressRoute", "odoo", "ingress");
  Json routes = Json::array();
  for (const Tenant& tenant : context.estate.tenants) {
    const std::string host = "Host(`" + Host(context, tenant) + "`)";
    // The longer rule first: websockets go to the gevent worker.
    routes.push_back(Route(host + " && PathPrefix(`/websocket`)", 20, "websocket"));
    routes.push_back(Route(host, 10, "http"));
  }
  r["spec"] = {{"entryPoints", Json::array({"websecure"})},
               {"routes", routes},
               {"tls", {{"secretName", context.settings.tls_secret}}}};
  return r;
}

// The plan's rate limit, with one bucket per request host: each tenant has its own.
Json RateLimit(const EmitContext& context) {
  const IngressSizing& ingress = context.month.ingress;
  Json m = Object("traefik.io/v1alpha1", "Middleware", kRateLimit, "ingress");
  m["spec"]["rateLimit"] = {{"average", std::llround(std::ceil(ingress.rate_limit_average_per_s))},
                            {"period", "1s"},
                            {"burst", std::llround(std::ceil(ingress.rate_limit_burst))},
                            {"sourceCriterion", {{"requestHost", true}}}};
  return m;
}

Json SecurityHeaders() {
  Json m = Object("traefik.io/v1alpha1", "Middleware", kHeaders, "ingress");
  m["spec"]["headers"] = {
      {"stsSeconds", kHstsSeconds},
      {"stsIncludeSubdomains", true},
      {"forceSTSHeader", true},
      {"contentTypeNosniff", true},
      // Odoo frames its own pages (previews, the HTML editor): same origin only.
      {"customFrameOptionsValue", "SAMEORIGIN"},
      {"referrerPolicy", "strict-origin-when-cross-origin"},
      {"customRequestHeaders", {{"X-Forwarded-Proto", "https"}}}};
  return m;
}

}  // namespace

Manifests TraefikManifests(const EmitContext& context) {
  return Manifests{{"base/ingress/ingressroute.yaml", IngressRoute(context)},
                   {"base/ingress/rate-limit.yaml", RateLimit(context)},
                   {"base/ingress/security-headers.yaml", SecurityHeaders()}};
}

}  // namespace headroom::emit
