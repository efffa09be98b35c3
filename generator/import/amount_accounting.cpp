#include "import/amount_accounting.hpp"

#include <map>
#include <set>
#include <string>

namespace gongkai::import {

namespace {

// "1,234.56", "-0.50", "0.00": digits, optional thousands separators, exactly one decimal point.
bool is_decimal_amount(const std::string& s) {
    std::size_t i = 0, digits = 0, points = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') ++digits;
        else if (c == '.') ++points;
        else if (c != ',') return false;
    }
    return digits > 0 && points == 1;
}

std::string bare(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ',' && c != '+') out += c;
    return out;
}

// Splits a cell into whitespace-separated tokens (a cell can hold "12.00 13.00" when a grid is irregular).
std::vector<std::string> tokens(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!cur.empty()) out.push_back(cur), cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

void collect_values(const nlohmann::json& j, std::multiset<std::string>& into) {
    if (j.is_string()) {
        const std::string s = j.get<std::string>();
        if (is_decimal_amount(s)) into.insert(bare(s));
    } else if (j.is_object() || j.is_array()) {
        for (const auto& v : j) collect_values(v, into);
    }
}

}  // namespace

std::vector<Unplaced> unaccounted_amounts(const Flow& flow, const TablesResult& tables) {
    std::multiset<std::string> placed;
    for (const auto& t : tables.tables)
        for (const auto& b : t.value("blocks", nlohmann::json::array()))
            for (const auto& r : b.value("rows", nlohmann::json::array()))
                if (r.contains("values")) collect_values(r["values"], placed);
    for (const auto& u : tables.unplaced)
        for (const auto& tok : tokens(u.text))
            if (is_decimal_amount(tok)) placed.insert(bare(tok));
    std::vector<Unplaced> lost;
    std::set<std::size_t> seen;
    for (std::size_t i : tables.table_lines) {
        if (i >= flow.lines.size() || !seen.insert(i).second) continue;
        const FlowLine& line = flow.lines[i];
        if (line.kind != FlowLine::Kind::table_row) continue;
        for (const auto& cell : line.cells)
            for (const auto& tok : tokens(cell.text)) {
                if (!is_decimal_amount(tok)) continue;
                auto it = placed.find(bare(tok));
                if (it != placed.end()) {
                    placed.erase(it);
                    continue;
                }
                lost.push_back(Unplaced{line.page, line.line_number, tok,
                                        "an amount printed in a table row that the import did not place in any cell"});
            }
    }
    return lost;
}

}  // namespace gongkai::import
