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

    // A string member; nullopt when missing/null (recorded if required) or of another type (recorded).
    std::optional<std::string> string(const json& obj, const std::string& ptr, const char* key, bool required,
                                      bool non_empty = true);
    // An integer member within [lo, hi].
    std::optional<long long> integer(const json& obj, const std::string& ptr, const char* key, bool required,
                                     long long lo, long long hi);
    // A string member that must be one of `options`.
    std::optional<std::string> one_of(const json& obj, const std::string& ptr, const char* key, bool required,
                                      std::initializer_list<std::string_view> options);

private:
    std::string file_;
    ProblemList& problems_;
};

}  // namespace gongkai
