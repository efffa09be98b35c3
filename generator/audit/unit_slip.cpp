#include "audit/unit_slip.hpp"

#include <cstdlib>

namespace gongkai {

bool is_unit_slip(const Term& stated, const Term& table) {
    return table.micro != 0 && std::llabs(table.micro - stated.micro) <= table.half + stated.half;
}

Finding unit_slip_finding(const std::string& rule, const Term& stated, const Term& table, const std::string& printed,
                          const std::string& where, const std::string& sentence) {
    Finding fd;
    fd.rule = rule;
    fd.severity = Severity::Error;
    fd.message = "单位疑误：" + where + "写作 " + printed + " 元，与" + table.label + "（" + term_text(table) + " 万元）的数值相同，应为万元。";
    fd.cells = stated.refs;
    fd.cells.insert(fd.cells.end(), table.refs.begin(), table.refs.end());
    fd.expected = printed + " 万元";
    fd.found = printed + " 元";
    fd.sentence = sentence;
    // Its size: what the text says (元, in 万元) against what the table says.
    fd.check = CheckKind::Unit;
    fd.unit = "万元";
    fd.found_cells = stated.refs.size();
    fd.found_label = stated.label;
    fd.expected_label = table.label;
    fd.found_value = stated.micro / 10'000;
    fd.expected_value = table.micro;
    fd.difference = std::llabs(table.micro - stated.micro / 10'000);
    return fd;
}

}  // namespace gongkai
