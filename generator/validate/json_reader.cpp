#include "validate/json_reader.hpp"

#include <algorithm>
#include <cstdio>

namespace gongkai {

std::string pointer_join(const std::string& base, std::string_view token) {
    std::string out = base + "/";
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_join(const std::string& base, std::size_t index) { return base + "/" + std::to_string(index); }

std::string describe_json(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return std::string("boolean ") + (j.get<bool>() ? "true" : "false");
        case json::value_t::string: return "string " + describe_found(j.dump());
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "number " + j.dump();
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

void JsonReader::fail(const std::string& pointer, std::string expected, std::string found, std::string context) {
    problems_.add({file_, pointer, std::move(expected), describe_found(found), std::move(context)});
}

bool JsonReader::expect_object(const json& j, const std::string& ptr) {
    if (j.is_object()) return true;
    fail(ptr, "an object", describe_json(j));
    return false;
}

bool JsonReader::expect_array(const json& j, const std::string& ptr) {
    if (j.is_array()) return true;
    fail(ptr, "an array", describe_json(j));
    return false;
}

void JsonReader::reject_unknown(const json& obj, const std::string& ptr, std::initializer_list<std::string_view> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            fail(pointer_join(ptr, it.key()), "only the members " + list, "an unknown member \"" + it.key() + "\"");
        }
    }
}

const json* JsonReader::member(const json& obj, const std::string& ptr, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) fail(pointer_join(ptr, key), std::string("the required member \"") + key + "\"", "nothing");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonReader::string(const json& obj, const std::string& ptr, const char* key, bool required,
                                              bool non_empty) {
    return text(obj, ptr, key, required, non_empty, false);
}

std::optional<std::string> JsonReader::name(const json& obj, const std::string& ptr, const char* key, bool required,
                                            bool non_empty) {
    return text(obj, ptr, key, required, non_empty, true);
}

std::optional<std::string> JsonReader::text(const json& obj, const std::string& ptr, const char* key, bool required,
                                            bool non_empty, bool is_name) {
    const json* v = member(obj, ptr, key, required);
    if (!v) return std::nullopt;
    if (v->is_null()) {
        if (required) fail(pointer_join(ptr, key), "a string", "null");
        return std::nullopt;
    }
    if (!v->is_string()) {
        fail(pointer_join(ptr, key), "a string", describe_json(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (non_empty && s.empty()) {
        fail(pointer_join(ptr, key), "a non-empty string", "\"\"");
        return std::nullopt;
    }
    if (auto breach = text_bound_breach(s, is_name)) {
        fail(pointer_join(ptr, key), std::move(breach->expected), std::move(breach->found));
        return std::nullopt;
    }
    return s;
}

namespace {

// Describes the first control character of `s` ("the control character U+001B at character 3"), or nullopt
// when there is none; with `multiline`, tab, line feed and carriage return are allowed.
std::optional<std::string> forbidden_control(std::string_view s, bool multiline) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        chars += (c & 0xC0) != 0x80;
        unsigned code = c;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9F)
            code = static_cast<unsigned char>(s[i + 1]);  // C1: U+0080 to U+009F
        else if (c >= 0x80)
            continue;
        const bool control = code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F);
        if (!control || (multiline && (code == '\n' || code == '\t' || code == '\r'))) continue;
        char hex[8];
        std::snprintf(hex, sizeof hex, "U+%04X", code);
        return "the control character " + std::string(hex) + " at character " + std::to_string(chars);
    }
    return std::nullopt;
}

}  // namespace

std::optional<BoundBreach> text_bound_breach(std::string_view s, bool is_name) {
    if (s.size() > kMaxTextBytes)
        return BoundBreach{"a string of at most " + std::to_string(kMaxTextBytes) + " bytes", "a string of " + std::to_string(s.size()) + " bytes"};
    if (is_name) {
        std::size_t chars = 0;
        for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
        if (chars > kMaxNameChars)
            return BoundBreach{"a name of at most " + std::to_string(kMaxNameChars) + " characters", "a name of " + std::to_string(chars) + " characters"};
    }
    if (auto c = forbidden_control(s, !is_name))
        return BoundBreach{is_name ? "a name on one line, without control characters" : "text without control characters (other than line breaks and tabs)",
                           std::move(*c)};
    return std::nullopt;
}

bool is_bound_problem(const Problem& p) {
    for (std::string_view prefix : {"a name of at most ", "a name on one line", "text without control characters", "a string of at most ", "at most "})
        if (p.expected.rfind(prefix, 0) == 0) return true;
    return false;
}

std::optional<long long> JsonReader::integer(const json& obj, const std::string& ptr, const char* key, bool required,
                                             long long lo, long long hi) {
    const json* v = member(obj, ptr, key, required);
    if (!v || (v->is_null() && !required)) return std::nullopt;
    if (!v->is_number_integer()) {
        fail(pointer_join(ptr, key), "an integer", describe_json(*v));
        return std::nullopt;
    }
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(hi)) {
        fail(pointer_join(ptr, key), "an integer from " + std::to_string(lo) + " to " + std::to_string(hi), v->dump());
        return std::nullopt;
    }
    long long n = v->get<long long>();
    if (n < lo || n > hi) {
        fail(pointer_join(ptr, key), "an integer from " + std::to_string(lo) + " to " + std::to_string(hi), std::to_string(n));
        return std::nullopt;
    }
    return n;
}

std::optional<std::string> JsonReader::one_of(const json& obj, const std::string& ptr, const char* key, bool required,
                                              std::initializer_list<std::string_view> options) {
    auto s = string(obj, ptr, key, required);
    if (!s) return std::nullopt;
    if (std::find(options.begin(), options.end(), *s) == options.end()) {
        std::string list;
        for (auto o : options) list += (list.empty() ? "\"" : ", \"") + std::string(o) + "\"";
        fail(pointer_join(ptr, key), "one of " + list, "\"" + *s + "\"");
        return std::nullopt;
    }
    return s;
}

}  // namespace gongkai
