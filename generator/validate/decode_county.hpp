#pragma once
// Checks and decodes a county.json ({"format": "gongkai-county/1", "name", "code", "province"}).
#include <optional>

#include "load/data_dir.hpp"
#include "load/json_file.hpp"
#include "model/filing.hpp"

namespace gongkai {

// Returns the county when it has no problem; otherwise nullopt with every problem recorded.
std::optional<County> decode_county(const JsonFile& file, const CountyPath& where, ProblemList& problems);

}  // namespace gongkai
