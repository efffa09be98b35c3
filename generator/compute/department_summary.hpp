#pragma once
// Headline figures of one filing, read from its tables (never from the narrative).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/filing.hpp"

namespace gongkai {

using MaybeMoney = std::optional<std::int64_t>;  // millionths of 万元; nullopt = not published

struct ClassAmount {
    std::string code;
    std::string name;
    std::int64_t micro = 0;
};

struct ThreePublicLine {
    std::string key;   // total, abroad, vehicle_subtotal, vehicle_purchase, vehicle_operation, reception
    std::string name;  // as printed
    MaybeMoney budget;
    MaybeMoney actual;
};

struct DepartmentSummary {
    MaybeMoney grand_total;        // 01 收支总计
    MaybeMoney total_income;       // 01 本年收入合计
    MaybeMoney total_expenditure;  // 01 本年支出合计 (else 03 合计)
    MaybeMoney fiscal_total;       // 04 财政拨款 本年支出合计
    MaybeMoney basic;              // 03 基本支出 (else 05)
    MaybeMoney project;            // 03 项目支出 (else 05)
    MaybeMoney personnel;          // 06 人员经费合计
    MaybeMoney public_funds;       // 06 公用经费合计
    MaybeMoney three_public_budget;
    MaybeMoney three_public_actual;
    std::vector<ThreePublicLine> three_public;
    std::vector<ClassAmount> function_classes;   // 类 rows of 03 (else 05), printed order
    std::vector<ClassAmount> economic_classes;   // 3-digit rows of 06
    // What the county aggregates and class pages sum (compute/county_aggregate, compute/class_sums), so that
    // they need the summaries only, not the documents: the 类 and 款 rows (3- and 5-digit codes) of the spending
    // table (spending_block) with their 合计 (column total), and the rows of 06 with a key economic code
    // (is_key_economic_code) and an amount, both in printed order.
    std::vector<ClassAmount> spending_classes;
    std::vector<ClassAmount> key_economic;
    MaybeMoney vehicle_operation;  // 三公 公务用车运行维护费 决算
    MaybeMoney operating_cost;     // 机关运行经费 as the narrative states it
    std::optional<int> staff_actual;
    std::optional<int> vehicles_actual;
};

// Reads the headline figures of `f`; a figure the filing does not publish stays nullopt.
DepartmentSummary summarize(const Filing& f);

// Economic classes that get their own page across departments: the 类 of basic spending and the 三公-related
// items 30217 公务接待费 and 30231 公务用车运行维护费.
bool is_key_economic_code(const std::string& code);

// The main block of the table that carries spending by function code: the 支出决算表 (03) when it has any
// value, else the 一般公共预算财政拨款支出决算表 (05) when it has any, else nullptr.
const Block* spending_block(const Filing& f);

// Value of a cell found by block id, row key or code, and column id; nullopt when absent or blank.
MaybeMoney cell_value(const Table* t, std::string_view block, std::string_view row_key_or_code, std::string_view column);

}  // namespace gongkai
