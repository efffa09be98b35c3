#pragma once
// Checks a parsed filing against the gongkai-filing/1 format (schema/filing.schema.json plus the table
// vocabulary) and decodes it into a typed Filing. Every problem is recorded with its JSON pointer.
#include <optional>

#include "load/data_dir.hpp"
#include "load/json_file.hpp"
#include "model/filing.hpp"

namespace gongkai {

// The most rows one block of a table may hold (printed tables have a few hundred); together with the limits
// on files, nesting and strings (load/json_file.hpp, validate/json_reader.hpp) it bounds a filing's cost.
inline constexpr std::size_t kMaxRowsPerBlock = 20'000;

// Returns the filing when it has no problem at all; otherwise nullopt, with every problem recorded.
std::optional<Filing> decode_filing(const JsonFile& file, const FilingPath& where, ProblemList& problems);

}  // namespace gongkai
