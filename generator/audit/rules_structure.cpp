// The Structure family: is the publication complete? Every standard table printed (s-table-absent), none
// left blank without a word (empty-table-explained), the document's parts (s-part-missing) and the
// 情况说明's sections (s-section-missing) of the national 部门决算 publication template present.
// Headings are matched by meaning (keywords), never by number or exact wording: provinces number and
// word them differently (上海: 十一、其他重要事项的情况说明 （一）机关运行经费支出情况; 湖南: 九、关于机关运行经费支出说明).
#include <algorithm>
#include <optional>

#include "audit/rules.hpp"

namespace gongkai {

namespace {

using K = TableKind;

bool has(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

bool has_any(const std::string& text, const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return has(text, w); });
}

// The text without white space and quotation marks, so that "“三公”经费" and "三公 经费" read alike.
std::string squeezed(const std::string& text) {
    static const std::vector<std::string> drop = {"“", "”", "\"", "‘", "’", "'", "　", "*"};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        bool dropped = false;
        for (const auto& d : drop)
            if (text.compare(i, d.size(), d) == 0) {
                i += d.size();
                dropped = true;
                break;
            }
        if (!dropped) out += text[i++];
    }
    return out;
}

// True when `text` says that there is nothing of `subject`: 无/没有/未发生 followed closely by the subject
// ("本单位无政府性基金收支", "没有财政拨款“三公”经费支出"). An empty subject accepts any of the usual
// objects (收入, 支出, 收支, 经费, 数据), for a table's own 说明 such as "故本表无数据".
bool says_none(const std::string& raw, const std::string& subject = {}) {
    std::string text = squeezed(raw);
    if (subject.empty() && has_any(text, {"无数据", "不涉及", "未发生"})) return true;
    static const std::vector<std::string> negations = {"无", "没有", "未发生", "未使用", "未安排"};
    static const std::vector<std::string> objects = {"收入", "支出", "收支", "经费", "数据", "资金"};
    for (const auto& neg : negations)
        for (std::size_t at = text.find(neg); at != std::string::npos; at = text.find(neg, at + neg.size())) {
            // Up to about twelve characters after the negation (UTF-8: three bytes each).
            std::string after = text.substr(at + neg.size(), 36);
            if (subject.empty() ? has_any(after, objects) : has(after, subject)) return true;
        }
    return false;
}

// True when a printed table carries its explanation of why it has no data (its 说明, or a 注 saying so).
bool table_explained(const Table& t) {
    if (!t.empty_explanation.empty()) return true;
    return std::any_of(t.notes.begin(), t.notes.end(), [](const std::string& n) { return says_none(n); });
}

CellRef table_ref(const Table& t) {
    std::string id(table_kind_id(t.kind));
    return {id, "main", "", "", t.title, "", "table-" + id, t.pointer, ""};
}

// A heading of the 情况说明 with what it stands for.
struct SectionSpec {
    std::string key;                             // stable id, for the finding's cell
    std::string name;                            // the template's heading, for messages
    std::vector<std::vector<std::string>> need;  // each group: at least one of its words in the heading
    std::vector<std::string> exclude;            // none of these in the heading
    std::optional<K> table;                      // the table the section explains, if any
    std::string subject;                         // what "无…" names for it ("三公", "政府性基金" …)
};

// The sections of the national 部门决算 publication template (第三部分 部门决算情况说明). 机关运行经费,
// 政府采购 and 国有资产 are sections of their own in some provinces and subsections of 其他重要事项 in others.
const std::vector<SectionSpec>& required_sections() {
    static const std::vector<SectionSpec> specs = {
        {"overall", "收入支出决算总体情况说明", {{"收入支出", "收支"}, {"总体"}}, {"财政拨款"}, std::nullopt, ""},
        {"income", "收入决算情况说明", {{"收入决算"}}, {"财政拨款", "政府性基金", "国有资本"}, std::nullopt, ""},
        {"expenditure", "支出决算情况说明", {{"支出决算"}},
         {"收入", "收支", "财政拨款", "一般公共预算", "基本支出", "三公", "政府性基金", "国有资本", "机关运行", "政府采购", "一般性支出"},
         std::nullopt, ""},
        {"fiscal", "财政拨款收入支出决算总体情况说明", {{"财政拨款"}, {"收入支出", "收支"}}, {"一般公共预算", "三公", "政府性基金", "国有资本"},
         std::nullopt, ""},
        {"general-budget", "一般公共预算财政拨款支出决算情况说明", {{"一般公共预算"}, {"支出"}}, {"基本支出", "三公"}, std::nullopt, ""},
        {"basic", "一般公共预算财政拨款基本支出决算情况说明", {{"基本支出"}}, {"三公"}, std::nullopt, ""},
        {"three-public", "财政拨款“三公”经费支出决算情况说明", {{"三公"}}, {}, K::ThreePublic, "三公"},
        {"government-fund", "政府性基金预算财政拨款收入支出决算情况说明", {{"政府性基金"}}, {}, K::GovernmentFund, "政府性基金"},
        {"state-capital", "国有资本经营预算财政拨款支出决算情况说明", {{"国有资本经营"}}, {}, K::StateCapital, "国有资本经营"},
        {"operating-cost", "机关运行经费支出情况", {{"机关运行经费"}}, {}, std::nullopt, ""},
        {"procurement", "政府采购支出情况", {{"政府采购"}}, {}, std::nullopt, ""},
        {"assets", "国有资产占有使用情况", {{"国有资产"}}, {}, std::nullopt, ""},
        {"performance", "预算绩效管理情况", {{"绩效"}}, {}, std::nullopt, ""},
    };
    return specs;
}

bool matches(const SectionSpec& s, const std::string& heading) {
    for (const auto& group : s.need)
        if (!has_any(heading, group)) return false;
    return !has_any(heading, s.exclude);
}

// The number of characters (not bytes) of UTF-8 text.
std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// True when a line starts with a heading number: 一、 （一） (一) 1、 1. （1）.
bool numbered(const std::string& line) {
    static const std::vector<std::string> numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    std::size_t i = 0;
    bool bracket = false;
    if (line.compare(0, 3, "（") == 0) i = 3, bracket = true;
    else if (!line.empty() && line[0] == '(') i = 1, bracket = true;
    std::size_t start = i;
    for (;;) {
        bool more = false;
        for (const auto& n : numerals)
            if (line.compare(i, n.size(), n) == 0) i += n.size(), more = true;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i, more = true;
        if (!more) break;
    }
    if (i == start) return false;
    if (bracket) return line.compare(i, 3, "）") == 0 || (i < line.size() && line[i] == ')');
    return line.compare(i, 3, "、") == 0 || (i < line.size() && line[i] == '.');
}

// The section titles and the numbered subheadings inside their texts, squeezed for matching. A subheading
// is a numbered line of its own, short and without a sentence in it ("（二）政府采购支出情况"); a numbered
// item of text ("1、因公出国（境）费支出决算为0万元，……") is not one.
std::vector<std::string> headings(const Filing& f) {
    std::vector<std::string> out;
    for (const auto& s : f.sections) {
        out.push_back(squeezed(s.title));
        std::size_t start = 0;
        while (start <= s.text.size()) {
            std::size_t end = s.text.find('\n', start);
            if (end == std::string::npos) end = s.text.size();
            std::string line = s.text.substr(start, end - start);
            std::size_t first = line.find_first_not_of(" \t　");
            if (first != std::string::npos) {
                line = line.substr(first);
                for (const std::string end : {"。", "：", ":"})
                    if (line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0)
                        line.resize(line.size() - end.size());
                if (numbered(line) && characters(line) <= 40 && !has_any(line, {"。", "，", ",", "；", "万元"}))
                    out.push_back(squeezed(line));
            }
            start = end + 1;
        }
    }
    return out;
}

// The first section whose title means `spec`, or nullptr when there is none.
const NarrativeSection* section_for(const Filing& f, const SectionSpec& spec) {
    for (const auto& s : f.sections)
        if (matches(spec, squeezed(s.title))) return &s;
    return nullptr;
}

const SectionSpec* spec_for_table(K k) {
    for (const auto& s : required_sections())
        if (s.table == k) return &s;
    return nullptr;
}

// The 收入支出决算总表 income row that shows whether a fund table can be blank.
const char* summary_income_row(K k) {
    if (k == K::GovernmentFund) return "government_fund";
    if (k == K::StateCapital) return "state_capital";
    return nullptr;
}

bool core_table(K k) {
    return k == K::IncomeExpenditureSummary || k == K::Income || k == K::Expenditure || k == K::FiscalSummary ||
           k == K::GeneralBudgetExpenditure || k == K::BasicExpenditure;
}

// Tables the publication does not print ("absent": true). 01–06 are never optional: error. 07–09 may have
// nothing in them, but the template still prints them with a 说明: warning, or a note when the 情况说明
// says there is nothing of the kind.
void absent_tables(Auditor& a) {
    const Filing& f = a.filing();
    for (K k : all_table_kinds()) {
        const Table* t = f.table(k);
        if (!t) continue;  // a hand-made filing without this table; the format requires all nine of a 决算
        if (!t->absent) {
            a.pass("s-table-absent", {});
            continue;
        }
        const SectionSpec* spec = spec_for_table(k);
        const NarrativeSection* s = spec ? section_for(f, *spec) : nullptr;
        bool said = s && says_none(s->title + s->text, spec->subject);
        Severity sev = core_table(k) ? Severity::Error : said ? Severity::Info : Severity::Warning;
        std::string why = core_table(k) ? "（部门决算的九张表都应公开，这张表不可缺）"
                          : said        ? "（情况说明已写明本年没有此项收支，但按公开模板，无数据的表也应印出并注明）"
                                        : "（九张表都应公开，没有数据的也应印出并说明）";
        a.flag("s-table-absent", sev, t->title + "在公开文件中未印出" + why + "。", {table_ref(*t)}, "印出" + t->title, "未印出", "",
               "公开文件中没有印出“" + t->title + "”" + why);
    }
}

// Tables printed without a single value. 01–03 can never be blank (every department has income and
// spending): error. A blank 07/08 while the 收入支出决算总表 lists that kind of income: error. Any other
// blank table needs its explanation (本表无数据的说明): warning without one.
void blank_tables(Auditor& a) {
    const Filing& f = a.filing();
    for (K k : all_table_kinds()) {
        const Table* t = f.table(k);
        if (!t || t->absent) continue;
        if (!t->is_empty()) {
            a.pass("empty-table-explained", {});
            continue;
        }
        if (k == K::IncomeExpenditureSummary || k == K::Income || k == K::Expenditure) {
            a.flag("empty-table-explained", Severity::Error, t->title + "印出来却没有任何数字：部门决算必须列出全年的收入和支出。",
                   {table_ref(*t)}, "有数字的" + t->title, "空表", "", "“" + t->title + "”是空表，这张表必须有数字");
            continue;
        }
        if (const char* row = summary_income_row(k)) {
            auto income = a.cell(K::IncomeExpenditureSummary, "income", row, "amount");
            if (income && !income->blank && income->micro > 0) {
                std::vector<CellRef> cells = {table_ref(*t)};
                cells.insert(cells.end(), income->refs.begin(), income->refs.end());
                std::string amount = term_text(*income);
                a.flag("empty-table-explained", Severity::Error,
                       t->title + "是空表，但收入支出决算总表列有" + income->label + " " + amount + "万元。", cells,
                       amount + "万元的收支明细", "空表", "",
                       "“" + t->title + "”是空表，但收入支出决算总表里这类收入有 " + amount + " 万元");
                continue;
            }
        }
        if (table_explained(*t)) {
            a.pass("empty-table-explained", {});
            continue;
        }
        a.flag("empty-table-explained", Severity::Warning, t->title + "没有数据，也没有说明为何无数据。", {table_ref(*t)}, "", "", "",
               "“" + t->title + "”是空表，却没有说明为什么没有数据");
    }
}

// The parts of the document (gongkai-filing/2 "parts"), when recorded: 概况, 决算表, 情况说明 and 名词解释
// (附件 is not in every province's template).
void parts_present(Auditor& a) {
    const Filing& f = a.filing();
    if (f.parts.empty()) return;
    struct PartSpec {
        std::string key, name;
        std::vector<std::string> words;
    };
    static const std::vector<PartSpec> specs = {
        {"overview", "部门概况", {"概况"}},
        {"tables", "部门决算表", {"决算表", "附表"}},
        {"narrative", "部门决算情况说明", {"情况说明"}},
        {"glossary", "名词解释", {"名词解释"}},
    };
    for (const auto& spec : specs) {
        bool found = std::any_of(f.parts.begin(), f.parts.end(), [&](const Part& p) { return has_any(squeezed(p.title), spec.words); });
        if (found) {
            a.pass("s-part-missing", {});
            continue;
        }
        a.flag("s-part-missing", Severity::Warning, "公开文件缺少“" + spec.name + "”部分。",
               {{"parts", "", spec.key, "", "“" + spec.name + "”部分", "", "source", "/parts", ""}}, "“" + spec.name + "”部分", "未见", "",
               "公开文件中没有“" + spec.name + "”这一部分（部门决算公开模板要求）");
    }
}

// The 情况说明's sections, when the filing records any. A filing without sections carries no 情况说明 text
// (a transcription of the tables only): nothing to check, and nothing reported. Synthetic test data
// carries a stub narrative of one section and is left out too.
void sections_present(Auditor& a) {
    const Filing& f = a.filing();
    if (f.sections.empty() || f.synthetic) return;
    std::vector<std::string> heads = headings(f);
    for (const auto& spec : required_sections()) {
        bool found = std::any_of(heads.begin(), heads.end(), [&](const std::string& h) { return matches(spec, h); });
        if (found) {
            a.pass("s-section-missing", {});
            continue;
        }
        // A section on a kind of money the department did not have, whose table is printed blank with its
        // 说明: the reader is told, only the template's section is missing — a note.
        const Table* t = spec.table ? f.table(*spec.table) : nullptr;
        bool told = t && !t->absent && t->is_empty() && table_explained(*t);
        Severity sev = told ? Severity::Info : Severity::Warning;
        std::string why = told ? "（" + t->title + "已注明本年无数据）" : "";
        a.flag("s-section-missing", sev, "情况说明中没有“" + spec.name + "”一节" + why + "。",
               {{"sections", "", spec.key, "", "情况说明“" + spec.name + "”一节", "", "narrative", "", ""}}, "“" + spec.name + "”一节", "未见",
               "",
               "情况说明中没有“" + spec.name + "”这一节" +
                   (told ? "；" + t->title + "已注明本年无数据，只是按公开模板还应有这一节" : "（部门决算公开模板要求有这一节）"));
    }
}

}  // namespace

void audit_structure(Auditor& a) {
    absent_tables(a);
    blank_tables(a);
    parts_present(a);
    sections_present(a);
}

}  // namespace gongkai
