#include "cli/check_report.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace gongkai {

namespace {
struct Totals {
    int errors = 0, warnings = 0, minor = 0, notes = 0;
};

// Every audited filing with its report: the 决算 first, then the 部门预算.
std::vector<std::pair<const Filing*, const AuditReport*>> entries_of(const CheckResult& r) {
    std::vector<std::pair<const Filing*, const AuditReport*>> out;
    for (std::size_t i = 0; i < r.filings.size() && i < r.audits.size(); ++i) out.emplace_back(&r.filings[i], &r.audits[i]);
    if (r.budgets && r.budget_audits)
        for (std::size_t i = 0; i < r.budgets->size() && i < r.budget_audits->size(); ++i) out.emplace_back(&(*r.budgets)[i], &(*r.budget_audits)[i]);
    return out;
}

Totals totals_of(const CheckResult& res) {
    Totals t;
    for (const auto& [f, r] : entries_of(res)) {
        t.errors += r->count(Severity::Error);
        t.warnings += r->count(Severity::Warning);
        t.minor += r->count(Severity::Minor);
        t.notes += r->count(Severity::Info);
    }
    return t;
}

bool is_budget(const Filing& f) { return f.kind == "预算"; }

bool is_invalid(const CheckResult& r, const std::string& file) {
    return std::find(r.invalid_filings.begin(), r.invalid_filings.end(), file) != r.invalid_filings.end();
}

// The input's problems grouped by file, files in order of first appearance.
std::vector<std::pair<std::string, std::vector<const Problem*>>> problems_by_file(const ProblemList& problems) {
    std::vector<std::pair<std::string, std::vector<const Problem*>>> out;
    for (const auto& p : problems.items()) {
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == p.file; });
        if (it == out.end()) it = out.insert(out.end(), {p.file, {}});
        it->second.push_back(&p);
    }
    return out;
}

// Millionths as a decimal with `decimals` places, truncated toward zero ("0.0031").
std::string micro_decimal(std::int64_t v, int decimals) {
    bool neg = v < 0;
    std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::string frac = std::to_string(1'000'000 + a % 1'000'000).substr(1, static_cast<std::size_t>(decimals));
    return (neg ? "-" : "") + std::to_string(a / 1'000'000) + (decimals > 0 ? "." + frac : "");
}

// A finding's size, for ranking: the difference in its unit, its share of the amount involved and of the
// filing's 本年支出合计 (percentages); null members where the finding has no numbers.
nlohmann::ordered_json size_json(const Finding& fd) {
    auto opt = [](const std::optional<std::int64_t>& v, int decimals) {
        return v ? nlohmann::ordered_json(micro_decimal(*v, decimals)) : nlohmann::ordered_json(nullptr);
    };
    std::optional<std::int64_t> relative_pct, total_pct;  // millionths of a percent
    if (fd.difference) relative_pct = fd.relative_ppm * 100;
    if (fd.total_share_ppm) total_pct = *fd.total_share_ppm * 100;
    return {{"unit", fd.unit}, {"difference", opt(fd.difference, 6)}, {"share_of_amount_pct", opt(relative_pct, 4)},
            {"share_of_total_expenditure_pct", opt(total_pct, 4)}};
}

// " (difference 0.01 万元, 0.0003% of 本年支出合计)" for the text report; "" without a difference.
std::string size_text(const Finding& fd) {
    if (!fd.difference) return "";
    // Between cells of tables printed in 元 (budgets), the difference in 元: a millionth of 万元 is a 分.
    const bool yuan = fd.unit == "万元" && !fd.cells.empty() &&
                      std::all_of(fd.cells.begin(), fd.cells.end(), [](const CellRef& c) { return c.unit == "元"; });
    const std::int64_t cents = *fd.difference < 0 ? -*fd.difference : *fd.difference;
    std::string out = yuan ? " (difference " + std::to_string(cents / 100) + "." + std::to_string(100 + cents % 100).substr(1) + " 元"
                           : " (difference " + micro_decimal(*fd.difference, fd.unit == "万元" || fd.unit == "%" ? 2 : 0) +
                                 (fd.unit.empty() ? "" : " " + fd.unit);
    if (fd.total_share_ppm) out += ", " + micro_decimal(*fd.total_share_ppm * 100, 4) + "% of 本年支出合计";
    return out + ")";
}

// "/pointer: expected X, found Y (context)": the problem without its file.
std::string problem_text(const Problem& p) {
    std::string s = p.to_string();
    return s.rfind(p.file + ": ", 0) == 0 ? s.substr(p.file.size() + 2) : s;
}

std::string problems_text(const CheckResult& r) {
    std::string out;
    for (const auto& [file, list] : problems_by_file(r.problems)) {
        out += file + (is_invalid(r, file) ? ": invalid filing, not audited: " : ": ") + std::to_string(list.size()) +
               " problem(s) in the input\n";
        for (const Problem* p : list) out += "  problem " + problem_text(*p) + "\n";
    }
    return out;
}
}  // namespace

bool check_failed(const CheckResult& r) {
    if (!r.problems.empty() || !r.invalid_filings.empty()) return true;
    for (const auto& [f, a] : entries_of(r))
        if (a->count(Severity::Error) > 0) return true;
    return false;
}

std::string check_report_text(const CheckResult& res) {
    const auto entries = entries_of(res);
    std::string out = problems_text(res);
    std::size_t budgets = 0;
    for (const auto& [fp, rp] : entries) {
        const Filing& f = *fp;
        const AuditReport& r = *rp;
        budgets += is_budget(f);
        out += f.path + ": " + f.county.name + " " + f.department_name + " " + std::to_string(f.year) + "年度" + (is_budget(f) ? "部门预算" : "") + ": " +
               std::to_string(r.rules_passed()) + "/" + std::to_string(r.rules_applied()) + " rules passed, " +
               std::to_string(r.count(Severity::Error)) + " error(s), " + std::to_string(r.count(Severity::Warning)) + " warning(s)\n";
        for (const auto& fd : r.findings) {
            out += "  " + severity_id(fd.severity) + " [" + fd.rule + "] " + fd.message + size_text(fd) + "\n";
            for (const auto& c : fd.cells)
                out += "      " + c.label + " = " + (c.printed.empty() ? std::string("(空白)") : c.printed + c.unit) + "  " + c.pointer + "\n";
            if (!fd.sentence.empty()) out += "      原文：" + fd.sentence + "\n";
        }
    }
    Totals t = totals_of(res);
    out += std::to_string(entries.size()) + " filing(s)" +
           (budgets ? " (" + std::to_string(entries.size() - budgets) + " 决算, " + std::to_string(budgets) + " 预算)" : std::string()) + ": " +
           std::to_string(t.errors) + " error(s), " + std::to_string(t.warnings) +
           " warning(s), " + std::to_string(t.minor) + " minor (尾差), " + std::to_string(t.notes) + " note(s)";
    if (!res.problems.empty())
        out += "; " + std::to_string(res.invalid_filings.size()) + " invalid filing(s) not audited, " + std::to_string(res.problems.size()) +
               " problem(s) in the input";
    return out + "\n";
}

std::string check_report_json(const CheckResult& res) {
    const auto entries = entries_of(res);
    nlohmann::ordered_json root;
    root["format"] = "gongkai-check/1";
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const auto& p : res.problems.items())
        problems.push_back({{"file", p.file}, {"pointer", p.pointer}, {"expected", p.expected}, {"found", p.found}, {"context", p.context},
                            {"invalid_filing", is_invalid(res, p.file)}});
    root["problems"] = problems;
    root["invalid_filings"] = res.invalid_filings;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::size_t budgets = 0;
    for (const auto& [fp, rp] : entries) {
        const Filing& f = *fp;
        const AuditReport& r = *rp;
        budgets += is_budget(f);
        nlohmann::ordered_json findings = nlohmann::ordered_json::array();
        for (const auto& fd : r.findings) {
            nlohmann::ordered_json cells = nlohmann::ordered_json::array();
            for (const auto& c : fd.cells)
                cells.push_back({{"table", c.table}, {"block", c.block}, {"row", c.row}, {"column", c.column}, {"label", c.label},
                                 {"printed", c.printed.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.printed)},
                                 {"pointer", c.pointer}});
            findings.push_back({{"rule", fd.rule}, {"severity", severity_id(fd.severity)}, {"message", fd.message},
                                {"expected", fd.expected}, {"found", fd.found}, {"tolerance", fd.tolerance}, {"size", size_json(fd)},
                                {"cells", cells}, {"sentence", fd.sentence}});
        }
        list.push_back({{"file", f.path}, {"kind", is_budget(f) ? "预算" : "决算"}, {"county", f.county.name}, {"department", f.department_name},
                        {"year", f.year},
                        {"rules_applied", r.rules_applied()}, {"rules_passed", r.rules_passed()}, {"findings", findings}});
    }
    root["filings"] = list;
    Totals t = totals_of(res);
    root["summary"] = {{"filings", entries.size()}, {"final_accounts", entries.size() - budgets}, {"budgets", budgets}, {"errors", t.errors}, {"warnings", t.warnings}, {"minor", t.minor}, {"notes", t.notes},
                       {"invalid_filings", res.invalid_filings.size()}, {"problems", res.problems.size()}};
    return root.dump(2) + "\n";
}

}  // namespace gongkai
