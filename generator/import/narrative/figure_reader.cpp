#include "import/narrative/figure_reader.hpp"

#include <regex>

#include "import/narrative/narrative_text.hpp"
#include "import/narrative/phrase_rules.hpp"
#include "import/text_match.hpp"

namespace gongkai::import {

namespace {

using namespace narrative;

// The item (类/款/项) whose figures are being read; its code is resolved when it ends, once its
// 支出决算 is known.
struct OpenItem {
    bool open = false;
    std::string code;  // the code the heading prints ("（204类）…（06款）…（01项）"), "" when it names only names
    std::vector<std::string> levels;
    std::vector<std::size_t> figures;  // indices into the result's figures
    std::string actual;
};

// The text of an item heading at the start of the sentence ("1、一般公共服务支出（类）财政事务（款）行政运行（项）"),
// without its list marker; "" when the sentence does not start with a list marker. When the sentence also
// states figures, only a heading closed by （类）/（款）/（项） before the first of them counts.
std::string heading_text(const std::string& text, const std::vector<NumberToken>& tokens, std::size_t first_figure) {
    if (tokens.empty() || tokens.front().kind != TokenKind::marker || tokens.front().begin > 3) return "";
    std::size_t from = tokens.front().number_end;
    for (bool again = true; again;) {
        again = false;
        for (const char* p : {"、", ".", "．", "）", ")", " ", "“", "\""})
            if (starts_with_at(text, from, p)) { from += std::string(p).size(); again = true; }
    }
    if (first_figure >= tokens.size()) return text.substr(from);
    std::string head = text.substr(from, tokens[first_figure].begin - from);
    std::size_t cut = std::string::npos;
    // "（类）" or, with the code printed, "（204类）".
    for (const char* m : {"类）", "款）", "项）", "类)", "款)", "项)"}) {
        std::size_t at = head.rfind(m);
        if (at != std::string::npos && (cut == std::string::npos || at + std::string(m).size() > cut))
            cut = at + std::string(m).size();
    }
    return cut == std::string::npos ? "" : head.substr(0, cut);
}

// The code an item heading prints with its levels ("公共安全支出（204类）司法（06款）行政运行（01项）" →
// "2040601"), and the heading with plain （类）（款）（项） markers in `head`; "" when it prints no code.
std::string printed_code(std::string& head) {
    static const std::regex level(R"((（|\()([0-9]{2,3})(类|款|项)(）|\)))");
    std::string code;
    std::smatch m;
    std::string rest = head, plain;
    while (std::regex_search(rest, m, level)) {
        code += m[2].str();
        plain += m.prefix().str() + "（" + m[3].str() + "）";
        rest = m.suffix().str();
    }
    if (code.empty()) return "";
    head = plain + rest;
    return code.size() == 3 || code.size() == 5 || code.size() == 7 ? code : "";
}

// In a budget, what follows a count names what was counted when it opens the text ("2个预算单位开展了…").
std::optional<Subject> subject_opening(const std::string& clause, const std::vector<SubjectPhrase>& phrases) {
    for (const SubjectPhrase& p : phrases)  // longest first
        if (starts_with_at(clause, 0, p.phrase)) return p.subject;
    return std::nullopt;
}

// A budget's vehicles and equipment to be bought ("2025年部门预算安排购置车辆0辆，其中：…") are planned:
// assets.vehicles.* → assets.vehicles_planned.*, assets.equipment_over_1m → …_planned.
std::string planned(const std::string& metric) {
    const std::string vehicles = "assets.vehicles.";
    if (metric.rfind(vehicles, 0) == 0) return "assets.vehicles_planned." + metric.substr(vehicles.size());
    if (metric.rfind("assets.", 0) == 0) return metric + "_planned";
    return metric;
}

// The clause after a figure, up to the next clause separator: where "对3个项目开展了事前绩效评估" names what it counted.
std::string trailing_clause(const std::string& trail) {
    std::size_t end = trail.size();
    for (const char* sep : {"，", "；", "。", ",", ";"}) end = std::min(end, trail.find(sep));
    return normalized(trail.substr(0, end));
}

}  // namespace

NarrativeResult read_figures(const std::vector<NarrativeSection>& sections) { return read_figures(sections, {}); }

NarrativeResult read_figures(const std::vector<NarrativeSection>& sections, const FunctionCodes& document_codes, bool budget) {
    NarrativeResult out;
    // A budget's items are also looked up in the national classification: Jiangsu prints no tables.
    FunctionCodes codes = document_codes;
    if (budget) codes.insert(codes.end(), national_function_codes().begin(), national_function_codes().end());
    std::vector<SubjectPhrase> classes;
    for (const auto& [phrase, code] : class_phrases(codes)) classes.push_back({phrase, class_subject(code)});
    const std::vector<SubjectPhrase> no_phrases;

    std::string current = "\x01";
    std::string heading_class;  // the class a budget's sub-heading names, for items that name only 款 and 项
    Part part = Part::unknown;
    std::optional<Subject> subject;
    bool locked = false, classes_named = false;
    OpenItem item;

    auto close_item = [&] {
        if (item.open) {
            std::string code = !item.code.empty() ? item.code : resolve_item_code(item.levels, codes, item.actual);
            if (!code.empty())
                for (std::size_t i : item.figures) out.figures[i]["code"] = code;
        }
        item = OpenItem{};
    };

    for (const Sentence& s : split_sentences(sections)) {
        if (s.section != current) {
            close_item();
            current = s.section;
            // (A budget's sub-section may open with a paragraph of figures: only a heading names a part.)
            const bool titled = !budget || (!contains(s.heading, "。") && number_tokens(s.heading).empty());
            part = titled ? part_of_heading(s.heading, budget) : Part::unknown;
            if (part == Part::unknown) part = part_of_heading(s.title, budget);
            subject = default_subject(part, budget);
            locked = false;
            classes_named = (part == Part::gb && !contains(normalized(s.heading), "具体")) || (budget && part == Part::total);
            // Jiangsu names the class in the sub-heading ("（一）一般公共服务（类）") and the 款/项 in its items.
            heading_class.clear();
            if (budget && titled)
                if (auto c = last_subject(normalized(s.heading), classes); c) heading_class = c->code;
        }
        const std::vector<NumberToken> tokens = number_tokens(s.text);
        std::vector<std::size_t> figures;
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i].kind == TokenKind::figure) figures.push_back(i);

        // An item heading opens the item: every figure until the next heading or sub-section is the item's.
        if (part == Part::gb || part == Part::gov_fund || part == Part::state_capital || part == Part::budget_overview) {
            std::string head = heading_text(s.text, tokens, figures.empty() ? tokens.size() : figures.front());
            const std::string code = printed_code(head);
            std::vector<std::string> levels = head.empty() ? std::vector<std::string>{} : heading_levels(head, codes);
            if (levels.empty() && !head.empty() && !heading_class.empty() && contains(head, "（款）"))
                if (auto name = class_name(heading_class, codes); !name.empty()) {
                    levels = heading_levels(name + "（类）" + head, codes);
                }
            if (!levels.empty() || !code.empty()) {
                close_item();
                item.open = true;
                item.code = code;
                item.levels = levels;
                subject = item_subject(part, budget);
                locked = true;
            }
        }
        // A budget's 资产 sentence about what it plans to buy.
        const bool buying = budget && part == Part::assets && contains(s.text, "安排购置");

        std::size_t previous_end = 0;
        for (std::size_t n = 0; n < figures.size(); ++n) {
            const NumberToken& t = tokens[figures[n]];
            const std::string lead = s.text.substr(previous_end, t.begin - previous_end);
            const std::size_t next = n + 1 < figures.size() ? tokens[figures[n + 1]].begin : s.text.size();
            const std::string trail = s.text.substr(t.end, next - t.end);
            previous_end = t.end;

            // In a clause that gives reasons ("主要原因是……", "主要是因为……"), a number is about what that clause
            // names, never about the sentence's subject: without a subject of its own it is reported, not mapped.
            bool in_reason = false;
            {
                const std::string before = s.text.substr(0, t.begin);
                std::size_t reason_at = std::string::npos;
                for (const char* marker : {"主要原因", "原因是", "原因为", "主要是因为", "主要是由于", "系因"}) {
                    const std::size_t at = before.rfind(marker);
                    if (at != std::string::npos && (reason_at == std::string::npos || at > reason_at)) reason_at = at;
                }
                // The clause ends where the sentence goes back to its figures ("…，决算数与上年相比减少16.76万元").
                if (reason_at != std::string::npos) {
                    for (const char* restart : {"，决算数", "，与上年", "，比上年", "，较上年", "，年初预算", "，支出决算", "；"}) {
                        const std::size_t at = before.find(restart, reason_at);
                        if (at != std::string::npos) {
                            reason_at = std::string::npos;
                            break;
                        }
                    }
                }
                if (reason_at != std::string::npos && !locked) {
                    in_reason = true;
                    const std::string clause = normalized(before.substr(reason_at));
                    auto own = last_subject(clause, subject_phrases(part, budget), classes_named ? classes : no_phrases);
                    if (own) subject = own, in_reason = false;
                }
            }
            if (in_reason) {
                out.unmapped.push_back(UnmappedSentence{s.section, s.text, t.value});
                continue;
            }
            if (!locked) {
                std::string scan = normalized(lead);
                if (t.unit_class == UnitClass::percent) {
                    std::size_t at = scan.rfind("占");  // "占政府采购支出总额的" names the whole, not the subject
                    if (at != std::string::npos) scan.erase(at);
                }
                auto found = last_subject(scan, subject_phrases(part, budget), classes_named ? classes : no_phrases);
                if (!found && t.unit_class == UnitClass::count)
                    found = budget ? subject_opening(trailing_clause(trail), trailing_phrases(part, budget))
                                   : last_subject(trailing_clause(trail), trailing_phrases(part));
                if (found) subject = found;
            }
            const RoleReading role = role_of(t, lead, budget);
            std::string metric = subject ? metric_of(*subject, role, t, lead) : "";
            if (buying) metric = planned(metric);
            const std::string unit = !t.unit.empty() ? t.unit : role.unit;
            if (metric.empty() || unit.empty()) {
                out.unmapped.push_back(UnmappedSentence{s.section, s.text, t.value});
                continue;
            }
            nlohmann::json f;
            f["metric"] = metric;
            if (!subject->code.empty()) f["code"] = subject->code;
            f["value"] = t.value;
            f["unit"] = unit;
            std::string direction = role.direction;
            if (role.role == Role::completion || role.role == Role::full_year_completion)
                direction = completion_direction(trail);
            if (!direction.empty()) f["direction"] = direction;
            f["section"] = s.section;
            f["sentence"] = s.text;
            if (subject->item) {
                item.figures.push_back(out.figures.size());
                if (role.role == Role::actual && item.actual.empty()) item.actual = t.value;
            }
            out.figures.push_back(std::move(f));
        }
    }
    close_item();
    return out;
}

}  // namespace gongkai::import
