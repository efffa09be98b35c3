#include "load/json_file.hpp"

#include <fstream>
#include <sstream>

namespace gongkai {

std::optional<JsonFile> read_json_file(const std::string& path, ProblemList& problems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problems.add({path, "", "a readable file", "a file that cannot be opened", ""});
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    JsonFile f;
    f.path = path;
    f.bytes = ss.str();
    try {
        f.doc = nlohmann::json::parse(f.bytes);
    } catch (const nlohmann::json::parse_error& e) {
        // Translate the byte offset into line:column for the message.
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < f.bytes.size(); ++i) {
            if (f.bytes[i] == '\n') { ++line; col = 1; } else if ((static_cast<unsigned char>(f.bytes[i]) & 0xC0) != 0x80) { ++col; }
        }
        std::string what = e.what();
        auto colon = what.find(": ", what.find("parse error"));
        std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        problems.add({path, "", "well-formed JSON", "a syntax error: " + detail,
                      "line " + std::to_string(line) + ", column " + std::to_string(col)});
        return std::nullopt;
    }
    return f;
}

}  // namespace gongkai
