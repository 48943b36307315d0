#pragma once
// The one table of named defaults. Every value the YAML reader fills into an omitted field comes
// from here, with its unit and where it comes from, so a plan can list the assumptions it used
// and a user can trace any figure back to an input or to a line of this table. The same table
// is documented in docs/assumptions.md.
//
// Keys name the field they fill: "tenant.concurrency_ratio", "event.payroll.lead_business_days",
// "request_class.report.app_cpu_ms" (a built-in class), "profile.hour_10" (the default daily
// profile's weight for 10:00-11:00).

#include <optional>
#include <string_view>
#include <vector>

#include "estate/model.h"

namespace headroom {

struct Default {
  std::string_view key;
  double value = 0;            // the numeric value in `unit`; 0/1 for flags; 0 for text defaults
  std::string_view unit;       // "share", "ms", "months", ...; "text" when the default is `text`
  std::string_view source;     // a published fact with its source, or an engineering estimate
                               // with how to calibrate it
  std::string_view text = {};  // the value of a text default (an enum word, a zone, a class name)
};

// Every named default, in a stable order (grouped by the section of estate.yaml they fill).
const std::vector<Default>& DefaultsTable();

// The entry named `key`; nullptr when there is none.
const Default* FindDefault(std::string_view key);

// The numeric value of `key`. REQUIRES: `key` is in the table.
double DefaultValue(std::string_view key);

// The text value of `key`. REQUIRES: `key` is in the table and is a text default.
std::string_view DefaultText(std::string_view key);

// The names of the built-in request classes, in table order: interactive, report, portal, api,
// bus. An estate without `request_classes` gets these.
const std::vector<std::string>& BuiltInClassNames();

// The built-in class named `name`, filled from the table; nullopt when `name` is not built in.
std::optional<RequestClass> BuiltInClass(std::string_view name);

// All built-in classes, in BuiltInClassNames() order.
std::vector<RequestClass> DefaultRequestClasses();

// The default shape of a business day (24 weights, peak 1.0 at 10:00 and 14:00-15:00, low at
// night) and its weekend factor, from the table's "profile.*" entries.
DailyProfile DefaultDailyProfile();

// The default class mix of a tenant (percent per class, summing to 100), from the table's
// "tenant.class_mix.*" entries.
std::vector<ClassShare> DefaultClassMix();

}  // namespace headroom
