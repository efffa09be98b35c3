#pragma once
// One year of a synthetic department as drawn by the generator, before it is written as a 决算 (and planned as a
// 预算): its function-classification lines, its basic spending by economic classification, 三公, procurement and
// staff. Amounts in hundredths of 万元 (the printed precision of a 决算), so every sum is exact.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gongkai::synth {

using Cents = std::int64_t;  // hundredths of 万元 (= 100 元)

// "1577.61" (万元, 2 decimals) from cents.
std::string money(Cents c);
// A percentage part ÷ whole rounded half up to two decimals, as the documents print them ("0.00" when whole is 0).
std::string pct(std::int64_t part, std::int64_t whole);

// A 项 line of the function classification with its basic and project spending.
struct ItemAmount {
    std::string code, name;
    std::string section_code, section_name;
    Cents basic = 0, project = 0;
};

struct DepartmentYear {
    std::vector<ItemAmount> items;  // 项 rows with basic and project spending
    std::vector<std::pair<std::string, std::vector<std::pair<const char*, Cents>>>> economic;  // class -> items
    Cents personnel = 0, public_funds = 0;
    Cents three_budget[4] = {0, 0, 0, 0};  // abroad, vehicle purchase, vehicle operation, reception
    Cents three_actual[4] = {0, 0, 0, 0};
    Cents gb_budget = 0;  // 年初预算 of general-budget spending (the 预算's total where one is written)
    Cents procurement_goods = 0, procurement_works = 0, procurement_services = 0, sme = 0, small_micro = 0;
    int staff_admin = 0, staff_service = 0, staff_workers = 0, staff_actual = 0, vehicles = 0;
};

// Lines of basic spending by economic classification with their usual weights.
struct EconomicItem {
    const char* code;
    const char* name;
    std::int64_t weight;
};
const std::vector<EconomicItem>& wage_items();    // 301 工资福利支出
const std::vector<EconomicItem>& goods_items();   // 302 商品和服务支出 (without 30217 and 30231, which follow 三公)
const std::vector<EconomicItem>& family_items();  // 303 对个人和家庭的补助
// The name of an economic class (301, 302, 303) or item the generator uses ("30217" → "公务接待费").
const char* economic_name(const std::string& code);

// Items that keep an office running are basic spending only.
bool is_running_cost(const std::string& name);

}  // namespace gongkai::synth
