#include "render/csv_export.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

#include "render/view_common.hpp"

namespace gongkai {

namespace {

// Printed numbers ("-3.00", "+1,234.5", "-12%") stay numbers in a spreadsheet; they are never neutralised.
bool is_printed_number(std::string_view f) {
    std::size_t i = (!f.empty() && (f[0] == '-' || f[0] == '+')) ? 1 : 0;
    if (i < f.size() && f.back() == '%') f.remove_suffix(1);
    if (i >= f.size() || f[i] < '0' || f[i] > '9') return false;
    bool point = false;
    for (; i < f.size(); ++i) {
        char c = f[i];
        if (c >= '0' && c <= '9') continue;
        if (c == ',' && !point) continue;
        if (c == '.' && !point && i + 1 < f.size()) {
            point = true;
            continue;
        }
        return false;
    }
    return true;
}

// A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return).
bool is_formula_like(std::string_view f) {
    return !f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos && !is_printed_number(f);
}

}  // namespace

void append_csv_field(std::string& out, std::string_view f) {
    if (is_formula_like(f)) {
        // Neutralised as OWASP advises: a leading apostrophe makes the cell text; quoted, so it stays one cell.
        out += "\"'";
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
        return;
    }
    bool quote = f.find_first_of(",\"\r\n") != std::string_view::npos || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!quote) {
        out += f;
        return;
    }
    out += '"';
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_csv_line(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view f : fields) {
        if (!first) out += ',';
        first = false;
        append_csv_field(out, f);
    }
    out += "\r\n";
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        append_csv_field(out, fields[i]);
    }
    out += "\r\n";
    return out;
}

std::string table_csv_name(const Table& t, const Block& b) {
    std::string name = "tables/" + std::string(table_kind_id(t.kind));
    if (b.id != "main") name += "-" + b.id;
    return name + ".csv";
}

std::string table_csv(const Table& t, const Block& b) {
    std::string out = kUtf8Bom;
    std::vector<std::string> header = {"科目编码", "项目", "行次"};
    for (const auto& c : b.columns) header.push_back(c.label + "（" + t.unit + "）");
    out += csv_line(header);
    out.reserve(out.size() + b.rows.size() * (48 + 12 * b.columns.size()));
    char line[16];
    for (const auto& r : b.rows) {
        append_csv_field(out, r.code);
        out += ',';
        append_csv_field(out, r.name);
        out += ',';
        if (r.line) out.append(line, std::to_chars(line, line + sizeof line, *r.line).ptr);
        // Amounts without thousands separators, exactly as printed otherwise, so that spreadsheets read numbers.
        for (const auto& c : r.cells) {
            out += ',';
            if (c) {
                for (char ch : c->printed)
                    if (ch != ',') out += ch;
            }
        }
        out += "\r\n";
    }
    return out;
}

std::string departments_csv(const CountyYear& cy) {
    std::string out = kUtf8Bom;
    out += csv_line({"部门", "支出合计（万元）", "基本支出（万元）", "项目支出（万元）", "人员经费（万元）", "公用经费（万元）", "“三公”经费决算（万元）",
                     "“三公”经费预算（万元）", "实有人数"});
    auto m = [](const MaybeMoney& v) { return v ? format_micro(*v, 2) : std::string(); };
    for (const auto& d : cy.departments) {
        const auto& s = d.summary;
        out += csv_line({d.filing->department_name, m(s.total_expenditure), m(s.basic), m(s.project), m(s.personnel), m(s.public_funds),
                         m(s.three_public_actual), m(s.three_public_budget), s.staff_actual ? std::to_string(*s.staff_actual) : ""});
    }
    return out;
}

namespace {
// The main block of a budget's spending by function code: the 部门支出预算总表 when it has any value, else the
// 一般公共预算支出功能分类预算表; nullptr when neither has.
const Block* budget_spending_block(const Filing& f) {
    for (TableKind k : {TableKind::BudgetExpenditure, TableKind::BudgetGeneralFunction})
        if (const Table* t = f.table(k); t && !t->is_empty() && t->block("main")) return t->block("main");
    return nullptr;
}

// An amount in 万元 at its printed precision, at least 2 decimals, without trailing zeros beyond them: a 元 table's
// 16,231,840.80 is 1623.18408 万元, exactly.
std::string wan_text(const Decimal& d) {
    std::string s = format_micro(d.micro, std::max(2, std::min(6, d.decimals)));
    while (s.size() > 3 && s[s.size() - 3] != '.' && s.back() == '0') s.pop_back();
    return s;
}
}  // namespace

std::string line_items_header() {
    std::string out = kUtf8Bom;
    append_csv_line(out, {"county_code", "county", "year", "kind", "department", "department_slug", "function_code", "function_name", "level",
                          "total", "basic", "project", "synthetic"});
    return out;
}

std::string line_item_lines(const Filing& f) {
    std::string out;
    const Block* b = f.kind == "预算" ? budget_spending_block(f) : spending_block(f);
    if (!b) return out;
    const int total = b->column_index("total"), basic = b->column_index("basic"), project = b->column_index("project");
    auto v = [&](const Row& r, int col) {
        return col >= 0 && static_cast<std::size_t>(col) < r.cells.size() && r.cells[col] ? wan_text(*r.cells[col]) : std::string();
    };
    const std::string year = std::to_string(f.year);
    for (const auto& r : b->rows) {
        if (r.code.empty()) continue;
        const char* level = r.code.size() == 3 ? "类" : r.code.size() == 5 ? "款" : "项";
        append_csv_line(out, {f.county.code, f.county.name, year, f.kind, f.department_name, f.slug, r.code, r.name, level, v(r, total),
                              v(r, basic), v(r, project), f.synthetic ? "true" : "false"});
    }
    return out;
}

std::string line_items_csv(const std::vector<Filing>& filings, const std::vector<Filing>& budgets) {
    std::string out = line_items_header();
    for (const auto& f : filings) out += line_item_lines(f);
    for (const auto& f : budgets) out += line_item_lines(f);
    return out;
}

std::string datapackage_json() {
    using nlohmann::ordered_json;
    auto field = [](const char* name, const char* type, const char* title) { return ordered_json{{"name", name}, {"type", type}, {"title", title}}; };
    ordered_json fields = ordered_json::array(
        {field("county_code", "string", "行政区划代码"), field("county", "string", "县（区）"), field("year", "year", "年度"),
         field("kind", "string", "类别（预算/决算）"), field("department", "string", "部门"), field("department_slug", "string", "部门标识"), field("function_code", "string", "支出功能分类科目编码"),
         field("function_name", "string", "科目名称"), field("level", "string", "层级（类/款/项）"), field("total", "number", "本年支出合计（万元）"),
         field("basic", "number", "基本支出（万元）"), field("project", "number", "项目支出（万元）"), field("synthetic", "boolean", "示例数据")});
    ordered_json pkg = {
        {"profile", "fiscal-data-package"},
        {"name", "gongkai-budgets-and-final-accounts"},
        {"title", "部门预算与决算：支出功能分类明细"},
        {"description", "Expenditure by function code (类/款/项) of every department budget (部门预算, kind 预算: approved at the start "
                        "of the year) and final account (部门决算, kind 决算: executed) on this site, as published. Amounts in 万元 "
                        "(10,000 CNY), at the printed precision (budgets printed in 元 keep their 元 digits); rows marked synthetic are "
                        "generated example data."},
        {"countryCode", "CN"},
        {"resources", ordered_json::array({{{"name", "line-items"}, {"path", "line-items.csv"}, {"format", "csv"}, {"encoding", "utf-8-sig"},
                                            {"mediatype", "text/csv"}, {"profile", "tabular-data-resource"},
                                            {"schema", {{"fields", fields}, {"primaryKey", {"county_code", "year", "kind", "department_slug", "function_code"}}}}}})},
        {"model", {{"measures", {{"total", {{"source", "total"}, {"currency", "CNY"}, {"factor", 10000}, {"direction", "expenditure"}}},
                                 {"basic", {{"source", "basic"}, {"currency", "CNY"}, {"factor", 10000}, {"direction", "expenditure"}}},
                                 {"project", {{"source", "project"}, {"currency", "CNY"}, {"factor", 10000}, {"direction", "expenditure"}}}}},
                   {"dimensions", {{"administrative", {{"dimensionType", "entity"}, {"primaryKey", {"county_code", "department_slug"}},
                                                       {"attributes", {{"county_code", {{"source", "county_code"}}}, {"county", {{"source", "county"}}},
                                                                       {"department_slug", {{"source", "department_slug"}}}, {"department", {{"source", "department"}}}}}}},
                                   {"functional", {{"dimensionType", "classification"}, {"classificationType", "functional"}, {"primaryKey", {"function_code"}},
                                                   {"attributes", {{"function_code", {{"source", "function_code"}}}, {"function_name", {{"source", "function_name"}}},
                                                                   {"level", {{"source", "level"}}}}}}},
                                   {"date", {{"dimensionType", "datetime"}, {"primaryKey", {"year"}}, {"attributes", {{"year", {{"source", "year"}}}}}}},
                                   // The budget phase of each row: 预算 = approved, 决算 = executed.
                                   {"phase", {{"dimensionType", "other"}, {"primaryKey", {"kind"}}, {"attributes", {{"kind", {{"source", "kind"}}}}}}}}}}},
    };
    return pkg.dump(2) + "\n";
}

}  // namespace gongkai
