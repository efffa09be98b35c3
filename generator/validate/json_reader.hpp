#pragma once
// Typed access to a JSON document that records a Problem (file, JSON pointer, expected, found) for every
// mismatch instead of throwing, so that one pass reports every problem of a file.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "error/problem.hpp"

namespace gongkai {

using nlohmann::json;

// Appends one reference token to a JSON pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_join(const std::string& base, std::string_view token);
std::string pointer_join(const std::string& base, std::size_t index);

// A short description of a JSON value for messages: its type and, for scalars, its value.
std::string describe_json(const json& j);

// Bounds on the strings of every input file (see JsonReader::string and JsonReader::name).
inline constexpr std::size_t kMaxTextBytes = 256 * 1024;
inline constexpr std::size_t kMaxNameChars = 200;

// What a string breaks of the bounds above, said as a problem's expected and found: a string over
// kMaxTextBytes; a name over kMaxNameChars characters; a control character (C0 but, outside names, tab, line
// feed and carriage return; DEL; C1), named as U+XXXX with its place, never copied. nullopt when it keeps them.
struct BoundBreach {
    std::string expected;
    std::string found;
};
std::optional<BoundBreach> text_bound_breach(std::string_view s, bool is_name);

// Whether `p` says that a value passes one of the bounds above or kMaxRowsPerBlock (too long a name or string,
// a control character, too many rows) rather than that it has the wrong type or value.
bool is_bound_problem(const Problem& p);

class JsonReader {
public:
    JsonReader(std::string file, ProblemList& problems) : file_(std::move(file)), problems_(problems) {}

    void fail(const std::string& pointer, std::string expected, std::string found, std::string context = {});
    const std::string& file() const { return file_; }

    // True when `j` is an object; records a problem otherwise.
    bool expect_object(const json& j, const std::string& ptr);
    bool expect_array(const json& j, const std::string& ptr);
    // Records a problem for each member of `obj` whose name is not in `allowed`.
    void reject_unknown(const json& obj, const std::string& ptr, std::initializer_list<std::string_view> allowed);
    // The member `key`, or nullptr; records "required" when missing and required.
    const json* member(const json& obj, const std::string& ptr, const char* key, bool required);

    // A string member; nullopt when missing/null (recorded if required) or of another type (recorded). Every
    // string is at most kMaxTextBytes long and holds no control character but tab, line feed and carriage
    // return (none of C0, DEL or C1: terminal escapes and the like are refused, each a recorded problem).
    std::optional<std::string> string(const json& obj, const std::string& ptr, const char* key, bool required,
                                      bool non_empty = true);
    // A name (of a county, department, table, column, row, section…): a string as above of at most
    // kMaxNameChars characters and without any control character, line breaks and tabs included.
    std::optional<std::string> name(const json& obj, const std::string& ptr, const char* key, bool required,
                                    bool non_empty = true);
    // An integer member within [lo, hi].
    std::optional<long long> integer(const json& obj, const std::string& ptr, const char* key, bool required,
                                     long long lo, long long hi);
    // A string member that must be one of `options`.
    std::optional<std::string> one_of(const json& obj, const std::string& ptr, const char* key, bool required,
                                      std::initializer_list<std::string_view> options);

private:
    std::optional<std::string> text(const json& obj, const std::string& ptr, const char* key, bool required, bool non_empty,
                                    bool is_name);

    std::string file_;
    ProblemList& problems_;
};

}  // namespace gongkai
