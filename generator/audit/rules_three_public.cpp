// x06-09: the 三公 items of table 06 (一般公共预算财政拨款基本支出, economic classification) against the 三公
// table. Table 06 holds the basic spending of the general budget only; the 三公 table holds all 财政拨款 (basic
// and project spending, of every fund), so each 06 item is a part of its 三公 line and may never exceed it.
// Equality is not required: 湘潭县 2024 pays its 公务用车运行维护费 (25.8) from project spending, with 30231 blank.
#include "audit/rules.hpp"
#include "model/money.hpp"

namespace gongkai {

namespace {

using K = TableKind;

constexpr const char* kThreePublicRule = "x06-09";

// Said after each finding: which table holds what.
constexpr const char* kWhy =
    "基本支出明细表只含一般公共预算财政拨款的基本支出，“三公”经费表含全部财政拨款（基本支出和项目支出），"
    "前者是后者的一部分，不应更大；哪一张表有误需核实。";

// One economic item of table 06 and the 三公 line it is part of.
struct ItemLine {
    const char* code;       // economic item of table 06
    const char* three_row;  // row of the 三公 table
    const char* name;       // the item in plain words
};

const ItemLine kLines[] = {
    {"30212", "abroad", "因公出国（境）费"},
    {"30217", "reception", "公务接待费"},
    {"30231", "vehicle_operation", "公务用车运行维护费"},
    {"31013", "vehicle_purchase", "公务用车购置费"},
};

}  // namespace

void audit_three_public(Auditor& a) {
    const Filing& f = a.filing();
    const Table* t06 = f.table(K::BasicExpenditure);
    const Table* t09 = f.table(K::ThreePublic);
    if (!t06 || !t09 || !t06->block("main") || !t09->block("main")) return;
    std::vector<Term> vehicle_items;  // 30231 and 31013 where the 三公 table prints only the vehicle subtotal
    for (const ItemLine& line : kLines) {
        auto item = a.cell(K::BasicExpenditure, "main", line.code, "amount");
        if (!item) continue;  // the item is not printed in table 06
        auto whole = a.cell(K::ThreePublic, "main", line.three_row, "actual");
        if (whole) {
            a.check_not_above(kThreePublicRule, *item, *whole, std::string("基本支出明细表的") + line.name + "是“三公”经费表同一项决算数的一部分", kWhy);
        } else if (std::string(line.three_row).rfind("vehicle_", 0) == 0) {
            vehicle_items.push_back(*item);
        }
    }
    if (!vehicle_items.empty())
        if (auto subtotal = a.cell(K::ThreePublic, "main", "vehicle_subtotal", "actual"))
            a.check_not_above(kThreePublicRule, Auditor::add(vehicle_items, "基本支出明细表的公务用车运行维护费与公务用车购置之和"),
                              *subtotal, "基本支出明细表的公务用车费用是“三公”经费表公务用车购置及运行维护费决算数的一部分", kWhy);
}

}  // namespace gongkai
