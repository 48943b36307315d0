#pragma once
// A blocking HTTP GET through libcurl, for the live Prometheus client. A server that cannot be
// reached is an kUnavailable error naming the URL (exit 69); any answer, whatever its status,
// is returned for the caller to judge.

#include <string>

#include "common/result.h"

namespace headroom {

struct HttpResponse {
  long status = 0;  // NOLINT(google-runtime-int): libcurl's type
  std::string body;
};

// REQUIRES: timeout_s > 0. Bodies above 256 MiB are refused.
Result<HttpResponse> HttpGet(const std::string& url, double timeout_s);

// Percent-encodes `text` for a query string (RFC 3986 unreserved characters kept).
std::string UrlEncode(const std::string& text);

}  // namespace headroom
