#pragma once
// Pieces of a filing document shared by the synthetic 决算 and 预算: table rows, column lists, narrative figures.
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace gongkai::synth {

using ojson = nlohmann::ordered_json;

// A table row: "code" when `id` starts with a digit, else "key"; its values by column id.
inline ojson row(const std::string& id, const std::string& name, ojson values, std::optional<int> line = std::nullopt) {
    ojson r;
    bool code = !id.empty() && id[0] >= '0' && id[0] <= '9';
    r[code ? "code" : "key"] = id;
    if (line) r["line"] = *line;
    r["name"] = name;
    r["values"] = std::move(values);
    return r;
}

// A block's columns from (id, printed label) pairs.
inline ojson columns(std::initializer_list<std::pair<const char*, const char*>> c) {
    ojson a = ojson::array();
    for (const auto& [id, label] : c) a.push_back({{"id", id}, {"label", label}});
    return a;
}

// A narrative figure with its sentence; `code` and `direction` only where given.
inline ojson figure(const char* metric, std::string value, const char* unit, std::string sentence, const char* section,
                    const std::string& code = {}, const char* direction = nullptr) {
    ojson f;
    f["metric"] = metric;
    if (!code.empty()) f["code"] = code;
    f["value"] = std::move(value);
    f["unit"] = unit;
    if (direction) f["direction"] = direction;
    f["section"] = section;
    f["sentence"] = std::move(sentence);
    return f;
}

}  // namespace gongkai::synth
