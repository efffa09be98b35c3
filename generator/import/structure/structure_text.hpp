#pragma once
// Small UTF-8 text helpers for reading a document's structure: spaces, Chinese numerals and the item
// markers documents number their headings and items with ("一、", "（一）", "1、", "1.").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/text_match.hpp"  // starts_with, ends_with, contains

namespace gongkai::import::structure {

// The code point starting at byte `i` of `s` and its length in bytes (a bad byte reads as itself, length 1).
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t* length);
// The code point ending just before byte `end` (0 when `end` is 0).
char32_t code_point_before(std::string_view s, std::size_t end);

// True for a CJK ideograph (not CJK punctuation).
bool is_ideograph(char32_t c);
// True for an ASCII letter or digit.
bool is_ascii_alnum(char32_t c);
// True for spaces that are layout, not content: ASCII space and tab, U+3000, U+00A0.
bool is_layout_space(char32_t c);

// `s` without layout spaces at either end.
std::string trim(std::string_view s);
// `s` with every layout space removed (for matching headings and labels whatever their spacing).
std::string squeeze(std::string_view s);
// Runs of layout spaces inside `s` as one ASCII space, ends trimmed.
std::string collapse_spaces(std::string_view s);

// Number of code points.
std::size_t char_count(std::string_view s);

// The value of a Chinese numeral "一" … "九十九" (also "〇"/"零" digits are not used), or 0.
int chinese_number(std::string_view s);

// An item marker at the start of a text.
struct Marker {
    enum class Kind { none, chinese, paren_chinese, arabic, article };
    Kind kind = Kind::none;  // chinese: "一、"; paren_chinese: "（一）"; arabic: "1、" / "1." / "1．"; article: "第一条"
    int number = 0;
    std::string label;       // the marker's number as printed, e.g. "一" or "12"
    std::size_t length = 0;  // bytes of the marker (with spaces after it)
};

// Reads the marker at the start of `s` (after layout spaces). Arabic markers "1.2024 年…" followed by a
// digit are not markers.
Marker read_marker(std::string_view s);

// Finds the marker of `kind` with `number` inside `s` after byte `from`; returns its byte offset or npos.
std::size_t find_marker(std::string_view s, Marker::Kind kind, int number, std::size_t from);

// The text of the marker `kind`/`number` as documents print it (paren_chinese: "（三）").
std::string marker_text(Marker::Kind kind, int number);

// The Chinese numeral for 1 … 99.
std::string chinese_numeral(int n);

// The first 4-digit year "20xx" or "19xx" directly followed by "年" (spaces allowed between), or 0.
int find_year(std::string_view s);

// Splits at every occurrence of `sep`; empty pieces are kept.
std::vector<std::string> split(std::string_view s, std::string_view sep);

// Parses a non-negative integer made of ASCII digits only.
std::optional<int> parse_count(std::string_view s);

}  // namespace gongkai::import::structure
