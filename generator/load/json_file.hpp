#pragma once
// Reads one JSON input file. Syntax errors become Problems with line and column, never exceptions.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "error/problem.hpp"

namespace gongkai {

struct JsonFile {
    std::string path;   // as found under the data folder
    std::string bytes;  // the file exactly as read (copied verbatim to the site for download)
    nlohmann::json doc;
};

// Bounds on every JSON input: its size (real filings are 100–200 KB) and how deeply its arrays and objects
// nest (the format needs six levels). Larger or deeper files are refused with a problem naming the file.
inline constexpr std::size_t kMaxJsonBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxJsonDepth = 64;

// The bytes of the file at `path`, or nullopt when it cannot be opened or read.
std::optional<std::string> read_file_bytes(const std::string& path);

// Reads and parses `path` (at most kMaxJsonBytes, nested at most kMaxJsonDepth deep); on failure records one
// problem and returns nullopt.
std::optional<JsonFile> read_json_file(const std::string& path, ProblemList& problems);

}  // namespace gongkai
