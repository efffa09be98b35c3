#include "load/json_file.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace gongkai {

std::optional<std::string> read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return ss.str();
}

std::optional<JsonFile> read_json_file(const std::string& path, ProblemList& problems) {
    auto bytes = read_file_bytes(path);
    if (!bytes) {
        problems.add({path, "", "a readable file", "a file that cannot be opened", ""});
        return std::nullopt;
    }
    JsonFile f;
    f.path = path;
    f.bytes = std::move(*bytes);
    // Duplicate member names are not an error in JSON itself, but a transcription with two values for one
    // cell is ambiguous: the parser callback tracks the member names of every open object.
    struct Frame {
        bool object;
        std::set<std::string> keys;
        std::string key;        // current member name (objects)
        std::size_t index = 0;  // current element (arrays)
    };
    std::vector<Frame> stack;
    std::vector<std::string> duplicates;
    auto pointer_of = [&stack](const std::string& last) {
        std::string p;
        for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
            const Frame& fr = stack[i];
            std::string token = fr.object ? fr.key : std::to_string(fr.index);
            p += "/";
            for (char c : token) p += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        }
        p += "/";
        for (char c : last) p += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        return p;
    };
    auto after_value = [&stack] {
        if (!stack.empty() && !stack.back().object) ++stack.back().index;
    };
    nlohmann::json::parser_callback_t callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (event) {
            case E::object_start: stack.push_back({true, {}, {}, 0}); break;
            case E::array_start: stack.push_back({false, {}, {}, 0}); break;
            case E::key: {
                std::string k = parsed.get<std::string>();
                if (!stack.back().keys.insert(k).second) duplicates.push_back(pointer_of(k));
                stack.back().key = k;
                break;
            }
            case E::object_end:
            case E::array_end:
                stack.pop_back();
                after_value();
                break;
            case E::value: after_value(); break;
        }
        return true;
    };
    try {
        f.doc = nlohmann::json::parse(f.bytes, callback);
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
    } catch (const nlohmann::json::exception& e) {
        // e.g. a number too large for any numeric type (1e400)
        std::string what = e.what();
        auto bracket = what.find("] ");
        problems.add({path, "", "JSON that can be read", bracket == std::string::npos ? what : what.substr(bracket + 2), ""});
        return std::nullopt;
    }
    for (const auto& d : duplicates)
        problems.add({path, d, "each member name once per object", "a second member with this name", ""});
    if (!duplicates.empty()) return std::nullopt;
    return f;
}

}  // namespace gongkai
