#pragma once
// Writes a Catalog as catalog YAML (the format ReadCatalog reads, docs/catalog.md): a starting
// point for a user's own catalog, and the inverse of the reader.
//
// Written by hand rather than with a YAML emitter: every string is double-quoted, so a name such
// as yes, on, 1.10, 00:30 or null stays a string whichever YAML version reads it, and numbers
// are written in the shortest form that reads back to the same double.

#include <string>
#include <string_view>

#include "cost/catalog.h"

namespace headroom {

// The catalog as YAML text, every field written (defaults included), in the Catalog struct's
// order. For a catalog that ValidateCatalog accepts and whose strings are valid UTF-8,
// ReadCatalog(CatalogYaml(c)) returns c exactly (operator==). Non-finite numbers (which
// ValidateCatalog refuses) are written .inf, -.inf or .nan, which the reader refuses too; a byte
// that is not part of valid UTF-8 is written as U+FFFD (the replacement character).
std::string CatalogYaml(const Catalog& catalog);

// `text` as a YAML double-quoted scalar: quotes and backslashes escaped, and every character
// YAML does not allow printed, or that a reader could take for a line break or a byte-order
// mark (controls, U+0085, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF), written as an escape.
std::string QuoteYamlString(std::string_view text);

}  // namespace headroom
