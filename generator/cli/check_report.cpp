#include "cli/check_report.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace gongkai {

namespace {
struct Totals {
    int errors = 0, warnings = 0, minor = 0, notes = 0;
};

Totals totals_of(const std::vector<AuditReport>& audits) {
    Totals t;
    for (const auto& r : audits) {
        t.errors += r.count(Severity::Error);
        t.warnings += r.count(Severity::Warning);
        t.minor += r.count(Severity::Minor);
        t.notes += r.count(Severity::Info);
    }
    return t;
}

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
    std::string out = " (difference " + micro_decimal(*fd.difference, fd.unit == "万元" || fd.unit == "%" ? 2 : 0) +
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
    for (const auto& a : r.audits)
        if (a.count(Severity::Error) > 0) return true;
    return false;
}

std::string check_report_text(const CheckResult& res) {
    const auto& filings = res.filings;
    const auto& audits = res.audits;
    std::string out = problems_text(res);
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        const AuditReport& r = audits[i];
        out += f.path + ": " + f.county.name + " " + f.department_name + " " + std::to_string(f.year) + "年度: " +
               std::to_string(r.rules_passed()) + "/" + std::to_string(r.rules_applied()) + " rules passed, " +
               std::to_string(r.count(Severity::Error)) + " error(s), " + std::to_string(r.count(Severity::Warning)) + " warning(s)\n";
        for (const auto& fd : r.findings) {
            out += "  " + severity_id(fd.severity) + " [" + fd.rule + "] " + fd.message + size_text(fd) + "\n";
            for (const auto& c : fd.cells)
                out += "      " + c.label + " = " + (c.printed.empty() ? std::string("(空白)") : c.printed) + "  " + c.pointer + "\n";
            if (!fd.sentence.empty()) out += "      原文：" + fd.sentence + "\n";
        }
    }
    Totals t = totals_of(audits);
    out += std::to_string(filings.size()) + " filing(s): " + std::to_string(t.errors) + " error(s), " + std::to_string(t.warnings) +
           " warning(s), " + std::to_string(t.minor) + " minor (尾差), " + std::to_string(t.notes) + " note(s)";
    if (!res.problems.empty())
        out += "; " + std::to_string(res.invalid_filings.size()) + " invalid filing(s) not audited, " + std::to_string(res.problems.size()) +
               " problem(s) in the input";
    return out + "\n";
}

std::string check_report_json(const CheckResult& res) {
    const auto& filings = res.filings;
    const auto& audits = res.audits;
    nlohmann::ordered_json root;
    root["format"] = "gongkai-check/1";
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const auto& p : res.problems.items())
        problems.push_back({{"file", p.file}, {"pointer", p.pointer}, {"expected", p.expected}, {"found", p.found}, {"context", p.context},
                            {"invalid_filing", is_invalid(res, p.file)}});
    root["problems"] = problems;
    root["invalid_filings"] = res.invalid_filings;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        const AuditReport& r = audits[i];
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
        list.push_back({{"file", f.path}, {"county", f.county.name}, {"department", f.department_name}, {"year", f.year},
                        {"rules_applied", r.rules_applied()}, {"rules_passed", r.rules_passed()}, {"findings", findings}});
    }
    root["filings"] = list;
    Totals t = totals_of(audits);
    root["summary"] = {{"filings", filings.size()}, {"errors", t.errors}, {"warnings", t.warnings}, {"minor", t.minor}, {"notes", t.notes},
                       {"invalid_filings", res.invalid_filings.size()}, {"problems", res.problems.size()}};
    return root.dump(2) + "\n";
}

}  // namespace gongkai
