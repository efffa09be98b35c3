#pragma once
// Byte-wise text matching shared by the importer's readers (tables, structure, narrative). UTF-8 text matches
// whole characters this way, since no character's bytes occur inside another's.
#include <string_view>

namespace gongkai::import {

// True when `s` begins with `prefix`.
inline bool starts_with(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
// True when `s` ends with `suffix`.
inline bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
// True when `part` occurs in `s`.
inline bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

}  // namespace gongkai::import
