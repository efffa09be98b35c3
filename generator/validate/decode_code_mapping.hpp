#pragma once
// Checks and decodes data/code-mapping.json:
//   {"format": "gongkai-code-mapping/1",
//    "mappings": [{"from": ["2010350"], "from_year": 2023, "to": "2010301", "note": "…"}]}
#include <optional>

#include "load/json_file.hpp"
#include "model/code_mapping.hpp"

namespace gongkai {

// Returns the mappings when the file has no problem; otherwise nullopt with every problem recorded.
std::optional<CodeMappings> decode_code_mapping(const JsonFile& file, ProblemList& problems);

}  // namespace gongkai
