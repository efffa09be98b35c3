#pragma once
// The row vocabulary of the two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表, and the
// budget's 部门财务收支预算总表 / 部门财政拨款收支预算总表): which
// printed item names become which row keys, and the codes of the expenditure function classes.
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::import {

// The name without its printed numbering ("一、", "（一）", "1.", "1、") and a leading "其中：".
std::string bare_item_name(std::string_view name);

// The 类 code of a function class by its printed name ("一、一般公共服务支出" → "201"), from the
// 政府收支分类科目 (2024 names, plus earlier names of the same classes); nullopt when not a known class.
std::optional<std::string> function_class_code(std::string_view name);

// Reads the keys of one side of a two-sided table row by row; some keys depend on the rows above
// (the 一般公共预算财政拨款 under 年初(财政拨款)结转和结余 is opening_general_budget).
class SideKeyReader {
public:
    // `fiscal`: the 财政拨款收入支出决算总表 (else the 收入支出决算总表); `income`: the left side.
    // `budget`: the 部门预算's 财务收支预算总表 / 财政拨款收支预算总表, whose rows have their own names.
    SideKeyReader(bool fiscal, bool income, bool budget = false) : fiscal_(fiscal), income_(income), budget_(budget) {}

    struct Key {
        std::string key;   // row key, "" when the row is a function class
        std::string code;  // function class code, "" otherwise
    };
    // The key of the next printed row of this side by its name (whitespace removed); nullopt when the
    // name is not in the format's vocabulary for this side. An empty name is the key "blank".
    std::optional<Key> next(const std::string& name);

private:
    std::optional<Key> next_budget(const std::string& bare);

    bool fiscal_;
    bool income_;
    bool budget_;
    bool under_balance_ = false;  // after 年初/年末(财政拨款)结转和结余: the fund rows are its parts
};

}  // namespace gongkai::import
